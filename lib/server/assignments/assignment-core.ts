import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { occurrencesIn, shiftDays, type Occurrence } from "@/lib/server/checklists/recurrence";
import { newId } from "@/lib/server/db/ids";
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
  orgWhere: { path: { startsWith: string }; type: { in: OrgType[] }; id?: { in: string[] } };
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

const ITEM_CHUNK = 5000;

type ItemRow = { assignmentId: string; orgId: string; dutyId: string; periodId: string; occurrence: number; dueDate: Date };

/**
 * Inserts items as seven arrays through unnest: one statement with seven
 * parameters however many rows, many times faster than createMany's row
 * of parameters per item (bench/assign.ts measures it). Items that exist
 * already are left as they are.
 */
async function insertItems(tx: Prisma.TransactionClient, rows: ItemRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO "ChecklistItem" ("id", "assignmentId", "orgId", "dutyId", "periodId", "occurrence", "dueDate", "updatedAt")
    SELECT u.*, now()
      FROM unnest(${rows.map(() => newId())}::text[], ${rows.map((r) => r.assignmentId)}::text[], ${rows.map((r) => r.orgId)}::text[],
                  ${rows.map((r) => r.dutyId)}::text[], ${rows.map((r) => r.periodId)}::text[], ${rows.map((r) => r.occurrence)}::int[],
                  ${rows.map((r) => r.dueDate.toISOString().slice(0, 10))}::date[]) AS u
    ON CONFLICT ("orgId", "dutyId", "periodId", "occurrence") DO NOTHING`;
}

/**
 * Creates the assignments and their checklist items, a batch of
 * organizations per transaction, each batch with its audit row. Running it
 * again creates nothing twice: both are keyed by their natural unique keys.
 */
export async function applyAssignment(
  db: PrismaClient,
  input: AssignmentInput,
  options: { actorId: string | null; batchSize?: number; onProgress?: (p: AssignmentProgress) => void },
): Promise<{ assignmentsCreated: number; itemsCreated: number }> {
  const { orgWhere, templates } = await prepare(db, input);
  const orgs = await db.org.findMany({
    where: orgWhere,
    select: { id: true, type: true },
    orderBy: { path: "asc" },
  });
  const batchSize = options.batchSize ?? 500;
  let assignmentsCreated = 0;
  let itemsCreated = 0;
  for (let start = 0; start < orgs.length; start += batchSize) {
    const batch = orgs.slice(start, start + batchSize);
    const created = await db.$transaction(
      async (tx) => {
        const { count: newAssignments } = await tx.assignment.createMany({
          data: batch.map((o) => ({ catalogVersionId: input.catalogVersionId, periodId: input.periodId, orgId: o.id })),
          skipDuplicates: true,
        });
        const assignments = await tx.assignment.findMany({
          where: { catalogVersionId: input.catalogVersionId, periodId: input.periodId, orgId: { in: batch.map((o) => o.id) } },
          select: { id: true, orgId: true },
        });
        const assignmentOf = new Map(assignments.map((a) => [a.orgId, a.id]));
        const rows = batch.flatMap((org) =>
          (templates.get(org.type) ?? []).map((t) => ({
            assignmentId: assignmentOf.get(org.id) as string,
            orgId: org.id,
            dutyId: t.dutyId,
            periodId: input.periodId,
            occurrence: t.occurrence.occurrence,
            dueDate: t.occurrence.dueDate,
          })),
        );
        let newItems = 0;
        for (let i = 0; i < rows.length; i += ITEM_CHUNK) newItems += await insertItems(tx, rows.slice(i, i + ITEM_CHUNK));
        if (newAssignments > 0 || newItems > 0) {
          await writeAudit(tx, {
            actorId: options.actorId,
            action: "assignment.apply",
            entityType: "CatalogVersion",
            entityId: input.catalogVersionId,
            after: {
              periodId: input.periodId,
              rootOrgId: input.rootOrgId,
              orgTypes: input.orgTypes,
              dueShiftDays: input.dueShiftDays ?? 0,
              organizations: batch.length,
              assignmentsCreated: newAssignments,
              itemsCreated: newItems,
            },
          });
        }
        return { newAssignments, newItems };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    assignmentsCreated += created.newAssignments;
    itemsCreated += created.newItems;
    options.onProgress?.({ orgsDone: Math.min(start + batchSize, orgs.length), orgsTotal: orgs.length, itemsCreated });
  }
  return { assignmentsCreated, itemsCreated };
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
