import crypto from "node:crypto";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { occurrencesIn, shiftDays, type Occurrence } from "@/lib/server/checklists/recurrence";
import { NotFoundError, ValidationError } from "@/lib/server/errors";

// No "server-only" here: the seed and the benchmark call this core directly.
// The app goes through assign-catalog.ts, which checks the actor first.

export type AssignmentInput = {
  catalogVersionId: string;
  periodId: string;
  /** Every organization of `orgTypes` in this organization's subtree (itself included) gets the list. */
  rootOrgId: string;
  orgTypes: OrgType[];
  /** Moves every due date of the assignment by this many days. */
  dueShiftDays?: number;
  /** Restricts the assignment to these organizations (still within the subtree and types). */
  orgIds?: string[];
};

export type AssignmentPlan = {
  orgs: number;
  newOrgs: number;
  items: number;
  newItems: number;
  byType: { type: OrgType; orgs: number; itemsPerOrg: number }[];
};

type Prepared = {
  orgWhere: { path: { startsWith: string }; type: { in: OrgType[] }; closedAt: null; id?: { in: string[] } };
  types: OrgType[];
  /** Per organization type: the item templates (duty × occurrence) every organization of that type gets. */
  templates: Map<OrgType, { dutyId: string; occurrence: Occurrence }[]>;
};

async function prepare(db: PrismaClient, input: AssignmentInput): Promise<Prepared> {
  const [version, period, root] = await Promise.all([
    db.catalogVersion.findUnique({
      where: { id: input.catalogVersionId },
      select: { status: true, duties: { select: { id: true, bodyType: true, frequency: true }, orderBy: { sortOrder: "asc" } } },
    }),
    db.period.findUnique({ where: { id: input.periodId }, select: { year: true, quarter: true } }),
    db.org.findUnique({ where: { id: input.rootOrgId }, select: { path: true } }),
  ]);
  if (!version || !period || !root) throw new NotFoundError();
  if (version.status !== "PUBLISHED") throw new ValidationError("Only a published version can be assigned", { catalogVersionId: ["notPublished"] });

  const shift = input.dueShiftDays ?? 0;
  const templates = new Map<OrgType, { dutyId: string; occurrence: Occurrence }[]>();
  for (const duty of version.duties) {
    if (!input.orgTypes.includes(duty.bodyType)) continue;
    const list = templates.get(duty.bodyType) ?? [];
    for (const o of occurrencesIn(duty.frequency, period.year, period.quarter)) {
      list.push({ dutyId: duty.id, occurrence: { occurrence: o.occurrence, dueDate: shiftDays(o.dueDate, shift) } });
    }
    templates.set(duty.bodyType, list);
  }
  const orgWhere = {
    path: { startsWith: root.path },
    type: { in: [...templates.keys()] },
    // A closed organization takes no new work.
    closedAt: null,
    ...(input.orgIds ? { id: { in: input.orgIds } } : {}),
  };
  return { orgWhere, types: [...templates.keys()], templates };
}

/** What an assignment would create, counted in the database without creating anything. */
export async function planAssignment(db: PrismaClient, input: AssignmentInput): Promise<AssignmentPlan> {
  const { orgWhere, types, templates } = await prepare(db, input);
  const [counts, existingAssignments, existingItems] = await Promise.all([
    db.org.groupBy({ by: ["type"], where: orgWhere, _count: { _all: true } }),
    db.assignment.count({ where: { catalogVersionId: input.catalogVersionId, periodId: input.periodId, org: orgWhere } }),
    db.checklistItem.count({ where: { periodId: input.periodId, duty: { catalogVersionId: input.catalogVersionId }, org: orgWhere } }),
  ]);
  const byType = types.map((type) => ({
    type,
    orgs: counts.find((c) => c.type === type)?._count._all ?? 0,
    itemsPerOrg: templates.get(type)?.length ?? 0,
  }));
  const orgs = byType.reduce((s, t) => s + t.orgs, 0);
  const items = byType.reduce((s, t) => s + t.orgs * t.itemsPerOrg, 0);
  return { orgs, newOrgs: orgs - existingAssignments, items, newItems: items - existingItems, byType };
}

export type AssignmentProgress = { orgsDone: number; orgsTotal: number; itemsCreated: number };

/** Organizations per transaction. docs/benchmarks.md has the measurements behind these two numbers. */
const BATCH_SIZE = 1000;
/** Batches in flight at once on PostgreSQL, each in its own transaction and connection. */
const CONCURRENCY = 2;

/**
 * Ids for the rows one INSERT … SELECT makes, of the same shape as Prisma's
 * cuid() and newId(): 25 lowercase letters and digits starting with "c".
 * Here "c", 16 hex digits drawn in Node for this statement alone, and the
 * row's number within the statement in 8 more. Cheaper than a random value
 * per row made in SQL: gen_random_uuid() costs tens of microseconds a row in
 * PGlite (docs/benchmarks.md).
 */
function sqlNewIds(): Prisma.Sql {
  return Prisma.sql`'c' || ${crypto.randomBytes(8).toString("hex")}::text || lpad(to_hex(row_number() OVER ()), 8, '0')`;
}

/** PGlite is one connection inside this process: its transactions queue one behind the other. */
async function isPglite(db: PrismaClient): Promise<boolean> {
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
  return row?.version.includes("PGlite") ?? false;
}

type BatchOrg = { id: string; type: OrgType };
type Templates = { types: string[]; dutyIds: string[]; occurrences: number[]; dueDates: string[]; perType: Map<OrgType, number> };

/** How many items of the templates the assignments of these organizations hold. */
async function countTemplateItems(tx: Prisma.TransactionClient, input: AssignmentInput, orgs: BatchOrg[], t: Templates): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
      FROM unnest(${orgs.map((o) => o.id)}::text[], ${orgs.map((o) => o.type as string)}::text[]) AS o("orgId", "type")
      JOIN "Assignment" a ON a."catalogVersionId" = ${input.catalogVersionId} AND a."periodId" = ${input.periodId} AND a."orgId" = o."orgId"
      JOIN "ChecklistItem" i ON i."assignmentId" = a."id"
      JOIN unnest(${t.types}::text[], ${t.dutyIds}::text[], ${t.occurrences}::int[]) AS t("type", "dutyId", "occurrence")
        ON t."type" = o."type" AND t."dutyId" = i."dutyId" AND t."occurrence" = i."occurrence"`;
  return Number(row?.n ?? 0);
}

/**
 * One batch in its transaction: one INSERT … SELECT of the assignments over
 * the batch's organization ids, and one of the items, joining those
 * assignments to the item templates by organization type. Both skip rows
 * that exist already, by their natural unique keys.
 */
async function applyBatch(
  tx: Prisma.TransactionClient,
  input: AssignmentInput,
  batch: BatchOrg[],
  t: Templates,
  actorId: string | null,
): Promise<{ assignmentsCreated: number; itemsCreated: number }> {
  const { catalogVersionId, periodId } = input;
  const created = await tx.$queryRaw<{ orgId: string }[]>`
    INSERT INTO "Assignment" ("id", "catalogVersionId", "periodId", "orgId")
    SELECT ${sqlNewIds()}, ${catalogVersionId}, ${periodId}, o."orgId"
      FROM unnest(${batch.map((o) => o.id)}::text[]) AS o("orgId")
    ON CONFLICT ("catalogVersionId", "periodId", "orgId") DO NOTHING
    RETURNING "orgId"`;
  const assignmentsCreated = created.length;
  // The organizations assigned before (a rerun, or one that stopped halfway) may hold every item
  // already: when their items of these templates are all there, counted in one pass through the
  // assignment's key, only the new organizations get items, and no would-be item is made to be
  // turned away by ON CONFLICT.
  const isNew = new Set(created.map((c) => c.orgId));
  const before = batch.filter((o) => !isNew.has(o.id));
  const complete = before.length > 0 && (await countTemplateItems(tx, input, before, t)) === before.reduce((n, o) => n + (t.perType.get(o.type) ?? 0), 0);
  const filled = complete ? batch.filter((o) => isNew.has(o.id)) : batch;
  const orgIds = filled.map((o) => o.id);
  const orgTypes = filled.map((o) => o.type as string);
  const itemsCreated = orgIds.length === 0 ? 0 : await tx.$executeRaw`
    INSERT INTO "ChecklistItem" ("id", "assignmentId", "orgId", "dutyId", "periodId", "occurrence", "dueDate", "updatedAt")
    SELECT ${sqlNewIds()}, a."id", a."orgId", t."dutyId", a."periodId", t."occurrence", t."dueDate", now()
      FROM unnest(${orgIds}::text[], ${orgTypes}::text[]) AS o("orgId", "type")
      JOIN "Assignment" a ON a."catalogVersionId" = ${catalogVersionId} AND a."periodId" = ${periodId} AND a."orgId" = o."orgId"
      JOIN unnest(${t.types}::text[], ${t.dutyIds}::text[], ${t.occurrences}::int[], ${t.dueDates}::date[])
           AS t("type", "dutyId", "occurrence", "dueDate") ON t."type" = o."type"
    ON CONFLICT ("assignmentId", "dutyId", "occurrence") DO NOTHING`;
  if (assignmentsCreated > 0 || itemsCreated > 0) {
    await writeAudit(tx, {
      actorId,
      action: "assignment.apply",
      entityType: "CatalogVersion",
      entityId: catalogVersionId,
      after: {
        periodId,
        rootOrgId: input.rootOrgId,
        orgTypes: input.orgTypes,
        dueShiftDays: input.dueShiftDays ?? 0,
        organizations: batch.length,
        assignmentsCreated,
        itemsCreated,
      },
    });
  }
  return { assignmentsCreated, itemsCreated };
}

/**
 * Creates the assignments and their checklist items, a batch of
 * organizations per transaction, each batch with its audit row. Running it
 * again creates nothing twice: both are keyed by their natural unique keys.
 *
 * The rows are made inside the database (see applyBatch): only the
 * organization ids and the small template arrays cross the wire, however
 * many items a batch makes. On PostgreSQL two batches run side by side
 * (`concurrency`); on PGlite one. `onProgress` is called once per batch, in
 * batch order, so `orgsDone` only grows. If a batch fails, the batches
 * committed before it stay (a side-by-side one may have committed after it);
 * running the assignment again completes it.
 */
export async function applyAssignment(
  db: PrismaClient,
  input: AssignmentInput,
  options: { actorId: string | null; batchSize?: number; concurrency?: number; onProgress?: (p: AssignmentProgress) => void },
): Promise<{ assignmentsCreated: number; itemsCreated: number }> {
  const { orgWhere, templates } = await prepare(db, input);
  const orgs = await db.org.findMany({
    where: orgWhere,
    select: { id: true, type: true },
    orderBy: { path: "asc" },
  });
  const t: Templates = { types: [], dutyIds: [], occurrences: [], dueDates: [], perType: new Map() };
  for (const [type, list] of templates) {
    t.perType.set(type, list.length);
    for (const item of list) {
      t.types.push(type);
      t.dutyIds.push(item.dutyId);
      t.occurrences.push(item.occurrence.occurrence);
      t.dueDates.push(item.occurrence.dueDate.toISOString().slice(0, 10));
    }
  }
  const batchSize = Math.max(1, options.batchSize ?? BATCH_SIZE);
  const batches: BatchOrg[][] = [];
  for (let start = 0; start < orgs.length; start += batchSize) batches.push(orgs.slice(start, start + batchSize));
  const concurrency = Math.min(batches.length, Math.max(1, options.concurrency ?? ((await isPglite(db)) ? 1 : CONCURRENCY)));

  const done: ({ assignmentsCreated: number; itemsCreated: number } | undefined)[] = [];
  const total = { assignmentsCreated: 0, itemsCreated: 0, orgsDone: 0 };
  let reported = 0;
  let next = 0;
  let failed = false;
  const report = () => {
    for (let result = done[reported]; result; result = done[reported]) {
      total.assignmentsCreated += result.assignmentsCreated;
      total.itemsCreated += result.itemsCreated;
      total.orgsDone += batches[reported]?.length ?? 0;
      reported++;
      options.onProgress?.({ orgsDone: total.orgsDone, orgsTotal: orgs.length, itemsCreated: total.itemsCreated });
    }
  };
  const worker = async () => {
    while (!failed && next < batches.length) {
      const k = next++;
      const batch = batches[k] ?? [];
      try {
        // maxWait as long as a batch may take: with side-by-side batches a small pool may make one wait for the other.
        done[k] = await db.$transaction((tx) => applyBatch(tx, input, batch, t, options.actorId), { timeout: 120_000, maxWait: 120_000 });
      } catch (error) {
        failed = true;
        throw error;
      }
      report();
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: concurrency }, worker));
  const rejected = outcomes.find((o) => o.status === "rejected");
  if (rejected) throw rejected.reason;
  return { assignmentsCreated: total.assignmentsCreated, itemsCreated: total.itemsCreated };
}

/**
 * "Start the next period from this one": every assignment of `fromPeriodId`
 * in the subtree is made again for `toPeriodId`, with fresh items (statuses
 * reset, due dates from the new period). Idempotent like any assignment.
 */
export async function copyAssignmentsForward(
  db: PrismaClient,
  input: { fromPeriodId: string; toPeriodId: string; rootOrgId: string },
  options: { actorId: string | null },
): Promise<{ catalogVersions: number; assignmentsCreated: number; itemsCreated: number }> {
  if (input.fromPeriodId === input.toPeriodId) throw new ValidationError("Same period", { toPeriodId: ["samePeriod"] });
  const root = await db.org.findUnique({ where: { id: input.rootOrgId }, select: { path: true } });
  if (!root) throw new NotFoundError();
  const assignments = await db.assignment.findMany({
    where: { periodId: input.fromPeriodId, org: { path: { startsWith: root.path } } },
    select: { catalogVersionId: true, orgId: true, org: { select: { type: true } } },
  });
  const byVersion = new Map<string, { orgIds: string[]; types: Set<OrgType> }>();
  for (const a of assignments) {
    const entry = byVersion.get(a.catalogVersionId) ?? { orgIds: [], types: new Set<OrgType>() };
    entry.orgIds.push(a.orgId);
    entry.types.add(a.org.type);
    byVersion.set(a.catalogVersionId, entry);
  }
  let assignmentsCreated = 0;
  let itemsCreated = 0;
  for (const [catalogVersionId, entry] of byVersion) {
    const result = await applyAssignment(
      db,
      { catalogVersionId, periodId: input.toPeriodId, rootOrgId: input.rootOrgId, orgTypes: [...entry.types], orgIds: entry.orgIds },
      options,
    );
    assignmentsCreated += result.assignmentsCreated;
    itemsCreated += result.itemsCreated;
  }
  return { catalogVersions: byVersion.size, assignmentsCreated, itemsCreated };
}
