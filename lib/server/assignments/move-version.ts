import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ItemStatus, OrgType } from "@/lib/generated/prisma/enums";
import { isSettled, LIVE_STATUSES } from "@/lib/item-status";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { changedDutyFields, dutyFieldsSelect, type DutyFields } from "@/lib/server/catalogs/duty-fields";
import { occurrencesIn } from "@/lib/server/checklists/recurrence";
import { newId } from "@/lib/server/db/ids";
import { NotFoundError, ValidationError } from "@/lib/server/errors";

// No "server-only": tests call this core directly. The app goes through
// assign-catalog.ts, which checks the actor first.

/**
 * Moving a period's assignments to a newer published version of their list.
 * Duties are matched by code. For each organization:
 * - a duty the new version adds makes its items;
 * - a duty it removes (or no longer gives to this organization's type)
 *   withdraws its open items;
 * - a kept duty's open items move to the new version's duty, with new due
 *   dates when its frequency changed; occurrences the new frequency drops are
 *   withdrawn, new ones are made. An item counts as updated when its duty's
 *   content differs from the new version's, and as carried over (moved as it
 *   is) when only the version changes;
 * - done and withdrawn items are left exactly as they are, history and all.
 */
export type MoveInput = { toVersionId: string; periodId: string; rootOrgId: string };

export type DutyMove = {
  code: string;
  title: string;
  titleEn: string | null;
  change: "added" | "removed" | "changed" | "unchanged";
  create: number;
  update: number;
  carry: number;
  withdraw: number;
  keepDone: number;
};

export type MoveCounts = { create: number; update: number; carry: number; withdraw: number; keepDone: number };
export const MOVE_COUNT_KEYS = ["create", "update", "carry", "withdraw", "keepDone"] as const satisfies readonly (keyof MoveCounts)[];
const NO_MOVES: MoveCounts = { create: 0, update: 0, carry: 0, withdraw: 0, keepDone: 0 };

export type MovePlan = {
  /** Assignments that will move, by the version they are on now. */
  fromVersions: { id: string; version: number; assignments: number }[];
  assignments: number;
  /** Organizations that already have the new version in this period; left alone. */
  skipped: number;
  duties: DutyMove[];
  totals: MoveCounts;
};

type DutyInfo = DutyFields & { id: string; changed: boolean };
type Context = {
  to: { id: string; catalogId: string; duties: DutyInfo[] };
  period: { year: number; quarter: number };
  /** Every duty of the list's other versions, by id. */
  oldDuties: Map<string, DutyInfo>;
  fromVersions: { id: string; version: number }[];
  rootPath: string;
};

type Db = PrismaClient | Prisma.TransactionClient;

async function loadContext(db: Db, input: MoveInput): Promise<Context> {
  const [to, period, root] = await Promise.all([
    db.catalogVersion.findUnique({
      where: { id: input.toVersionId },
      select: {
        id: true,
        status: true,
        catalogId: true,
        duties: { select: { id: true, ...dutyFieldsSelect }, orderBy: { sortOrder: "asc" } },
      },
    }),
    db.period.findUnique({ where: { id: input.periodId }, select: { year: true, quarter: true } }),
    db.org.findUnique({ where: { id: input.rootOrgId }, select: { path: true } }),
  ]);
  if (!to || !period || !root) throw new NotFoundError();
  if (to.status !== "PUBLISHED") throw new ValidationError("Only a published version can take assignments", { toVersionId: ["notPublished"] });
  const others = await db.catalogVersion.findMany({
    where: { catalogId: to.catalogId, id: { not: to.id } },
    select: {
      id: true,
      version: true,
      duties: { select: { id: true, ...dutyFieldsSelect } },
    },
    orderBy: { version: "asc" },
  });
  const oldDuties = new Map<string, DutyInfo>();
  for (const v of others) for (const d of v.duties) oldDuties.set(d.id, { ...d, changed: false });
  // "Changed" against the newest earlier version that has the code; only for the plan's labels.
  const latestOld = new Map<string, (typeof others)[number]["duties"][number]>();
  for (const v of others) for (const d of v.duties) latestOld.set(d.code, d);
  const duties = to.duties.map((d) => {
    const old = latestOld.get(d.code);
    return { ...d, changed: !!old && changedDutyFields(old, d).length > 0 };
  });
  return {
    to: { id: to.id, catalogId: to.catalogId, duties },
    period,
    oldDuties,
    fromVersions: others.map((v) => ({ id: v.id, version: v.version })),
    rootPath: root.path,
  };
}

type AssignmentRow = { id: string; orgId: string; orgType: OrgType; catalogVersionId: string };
type ItemRow = { id: string; assignmentId: string; orgId: string; dutyId: string; occurrence: number; status: ItemStatus; dueDate: Date };

type Ops = {
  create: { assignmentId: string; orgId: string; dutyId: string; occurrence: number; dueDate: Date }[];
  /** `changed`: the item's duty differs from the new one in content, not only in version. */
  update: { item: ItemRow; dutyId: string; dueDate: Date; changed: boolean }[];
  withdraw: ItemRow[];
  /** Per code: what happens to it, for the plan. */
  counts: Map<string, MoveCounts>;
};


function computeOps(ctx: Context, assignments: AssignmentRow[], items: ItemRow[]): Ops {
  const ops: Ops = { create: [], update: [], withdraw: [], counts: new Map() };
  const count = (code: string, key: keyof MoveCounts) => {
    const c = ops.counts.get(code) ?? { ...NO_MOVES };
    c[key] += 1;
    ops.counts.set(code, c);
  };
  const itemsOf = new Map<string, ItemRow[]>();
  for (const item of items) itemsOf.set(item.assignmentId, [...(itemsOf.get(item.assignmentId) ?? []), item]);

  for (const a of assignments) {
    // The assignment's live items by duty code; withdrawn ones are history already.
    const byCode = new Map<string, { item: ItemRow; duty: DutyInfo }[]>();
    for (const item of itemsOf.get(a.id) ?? []) {
      const duty = ctx.oldDuties.get(item.dutyId);
      if (!duty || item.status === "WITHDRAWN") continue;
      byCode.set(duty.code, [...(byCode.get(duty.code) ?? []), { item, duty }]);
    }
    for (const duty of ctx.to.duties) {
      if (duty.bodyType !== a.orgType) continue;
      const existing = byCode.get(duty.code) ?? [];
      byCode.delete(duty.code);
      const desired = occurrencesIn(duty.frequency, ctx.period.year, ctx.period.quarter);
      for (const want of desired) {
        const found = existing.find((e) => e.item.occurrence === want.occurrence);
        if (!found) {
          ops.create.push({ assignmentId: a.id, orgId: a.orgId, dutyId: duty.id, occurrence: want.occurrence, dueDate: want.dueDate });
          count(duty.code, "create");
        } else if (isSettled(found.item.status)) {
          count(duty.code, "keepDone");
        } else {
          // Same frequency: keep the due date, which may have been shifted for the assignment.
          const dueDate = found.duty.frequency === duty.frequency ? found.item.dueDate : want.dueDate;
          // Against the item's own duty: it may sit on a version older than the one the plan labels compare.
          const changed = changedDutyFields(found.duty, duty).length > 0;
          ops.update.push({ item: found.item, dutyId: duty.id, dueDate, changed });
          count(duty.code, changed ? "update" : "carry");
        }
      }
      for (const e of existing) {
        if (desired.some((w) => w.occurrence === e.item.occurrence)) continue;
        if (isSettled(e.item.status)) count(duty.code, "keepDone");
        else {
          ops.withdraw.push(e.item);
          count(duty.code, "withdraw");
        }
      }
    }
    // Codes the new version dropped, or no longer gives to this type of organization.
    for (const [code, rest] of byCode) {
      for (const e of rest) {
        if (isSettled(e.item.status)) count(code, "keepDone");
        else {
          ops.withdraw.push(e.item);
          count(code, "withdraw");
        }
      }
    }
  }
  return ops;
}

function assignmentWhere(ctx: Context, input: MoveInput): Prisma.AssignmentWhereInput {
  return {
    periodId: input.periodId,
    catalogVersionId: { in: ctx.fromVersions.map((v) => v.id) },
    org: {
      path: { startsWith: ctx.rootPath },
      // An organization that already has the new version keeps both; nothing is merged.
      assignments: { none: { catalogVersionId: ctx.to.id, periodId: input.periodId } },
    },
  };
}

/** One query after the other: inside a transaction both share one connection, which runs one query at a time. */
async function loadBatch(db: Db, ids: string[]): Promise<{ assignments: AssignmentRow[]; items: ItemRow[] }> {
  const assignments = await db.assignment.findMany({
    where: { id: { in: ids } },
    select: { id: true, orgId: true, catalogVersionId: true, org: { select: { type: true } } },
  });
  const items = await db.checklistItem.findMany({
    where: { assignmentId: { in: ids } },
    select: { id: true, assignmentId: true, orgId: true, dutyId: true, occurrence: true, status: true, dueDate: true },
  });
  return { assignments: assignments.map((a) => ({ id: a.id, orgId: a.orgId, orgType: a.org.type, catalogVersionId: a.catalogVersionId })), items };
}

const BATCH = 200;

/** What moving would do, counted without changing anything. */
export async function planVersionMove(db: PrismaClient, input: MoveInput): Promise<MovePlan> {
  const ctx = await loadContext(db, input);
  const where = assignmentWhere(ctx, input);
  const [ids, skipped] = await Promise.all([
    db.assignment.findMany({ where, select: { id: true, catalogVersionId: true }, orderBy: { id: "asc" } }),
    db.assignment.count({
      where: { periodId: input.periodId, catalogVersionId: { in: ctx.fromVersions.map((v) => v.id) }, org: { path: { startsWith: ctx.rootPath } }, NOT: where },
    }),
  ]);
  const counts = new Map<string, MoveCounts>();
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = await loadBatch(db, ids.slice(start, start + BATCH).map((a) => a.id));
    for (const [code, c] of computeOps(ctx, batch.assignments, batch.items).counts) {
      const total = counts.get(code) ?? { ...NO_MOVES };
      for (const key of MOVE_COUNT_KEYS) total[key] += c[key];
      counts.set(code, total);
    }
  }
  const zero = NO_MOVES;
  const newCodes = new Set(ctx.to.duties.map((d) => d.code));
  const oldByCode = new Map([...ctx.oldDuties.values()].map((d) => [d.code, d]));
  const duties: DutyMove[] = [
    ...ctx.to.duties.map((d) => ({
      code: d.code,
      title: d.title,
      titleEn: d.titleEn,
      change: (oldByCode.has(d.code) ? (d.changed ? "changed" : "unchanged") : "added") as DutyMove["change"],
      ...(counts.get(d.code) ?? zero),
    })),
    ...[...oldByCode.values()]
      .filter((d) => !newCodes.has(d.code) && counts.has(d.code))
      .map((d) => ({ code: d.code, title: d.title, titleEn: d.titleEn, change: "removed" as const, ...(counts.get(d.code) ?? zero) })),
  ];
  const totals = { ...zero };
  for (const d of duties) for (const key of MOVE_COUNT_KEYS) totals[key] += d[key];
  return {
    fromVersions: ctx.fromVersions
      .map((v) => ({ ...v, assignments: ids.filter((a) => a.catalogVersionId === v.id).length }))
      .filter((v) => v.assignments > 0),
    assignments: ids.length,
    skipped,
    duties,
    totals,
  };
}

function auditRows(actorId: string | null, action: string, rows: { id: string; orgId: string; before: object; after: object }[]) {
  return {
    ids: rows.map(() => newId()),
    entityIds: rows.map((r) => r.id),
    orgIds: rows.map((r) => r.orgId),
    before: rows.map((r) => JSON.stringify(r.before)),
    after: rows.map((r) => JSON.stringify(r.after)),
    actorId,
    action,
  };
}

async function insertItemAudits(tx: Prisma.TransactionClient, a: ReturnType<typeof auditRows>): Promise<void> {
  if (a.ids.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "orgId", "before", "after")
    SELECT u.id, ${a.actorId}, ${a.action}, 'ChecklistItem', u.entity, u.org, u.before::jsonb, u.after::jsonb
      FROM unnest(${a.ids}::text[], ${a.entityIds}::text[], ${a.orgIds}::text[], ${a.before}::text[], ${a.after}::text[])
        AS u(id, entity, org, before, after)`;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Applies the move, a batch of assignments per transaction, each batch
 * locked and read afresh inside its transaction so that a concurrent move or
 * tick is never overwritten. Items that were ticked meanwhile stay as they
 * are. Running it again finds nothing left to move.
 */
export async function applyVersionMove(db: PrismaClient, input: MoveInput, options: { actorId: string | null }): Promise<MoveCounts & { assignments: number }> {
  const ctx = await loadContext(db, input);
  const ids = (await db.assignment.findMany({ where: assignmentWhere(ctx, input), select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
  const result = { assignments: 0, ...NO_MOVES };
  for (let start = 0; start < ids.length; start += BATCH) {
    const part = await db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM "Assignment"
           WHERE "id" = ANY (${ids.slice(start, start + BATCH)}::text[]) AND "catalogVersionId" <> ${ctx.to.id}
           ORDER BY "id" FOR UPDATE`;
        const batch = await loadBatch(tx, locked.map((r) => r.id));
        const ops = computeOps(ctx, batch.assignments, batch.items);
        await tx.assignment.updateMany({ where: { id: { in: locked.map((r) => r.id) } }, data: { catalogVersionId: ctx.to.id } });
        const updated =
          ops.update.length === 0
            ? []
            : await tx.$queryRaw<{ id: string }[]>`
                UPDATE "ChecklistItem" i
                   SET "dutyId" = u.duty, "dueDate" = u.due, "version" = i."version" + 1, "updatedAt" = now()
                  FROM unnest(${ops.update.map((u) => u.item.id)}::text[], ${ops.update.map((u) => u.dutyId)}::text[],
                              ${ops.update.map((u) => day(u.dueDate))}::date[]) AS u(id, duty, due)
                 WHERE i."id" = u.id AND i."status"::text = ANY (${LIVE_STATUSES}::text[])
             RETURNING i."id"`;
        const withdrawn =
          ops.withdraw.length === 0
            ? []
            : await tx.$queryRaw<{ id: string }[]>`
                UPDATE "ChecklistItem"
                   SET "status" = 'WITHDRAWN', "version" = "version" + 1, "updatedAt" = now()
                 WHERE "id" = ANY (${ops.withdraw.map((i) => i.id)}::text[]) AND "status"::text = ANY (${LIVE_STATUSES}::text[])
             RETURNING "id"`;
        const created =
          ops.create.length === 0
            ? 0
            : await tx.$executeRaw`
                INSERT INTO "ChecklistItem" ("id", "assignmentId", "orgId", "dutyId", "periodId", "occurrence", "dueDate", "updatedAt")
                SELECT u.*, now()
                  FROM unnest(${ops.create.map(() => newId())}::text[], ${ops.create.map((c) => c.assignmentId)}::text[],
                              ${ops.create.map((c) => c.orgId)}::text[], ${ops.create.map((c) => c.dutyId)}::text[],
                              ${ops.create.map(() => input.periodId)}::text[], ${ops.create.map((c) => c.occurrence)}::int[],
                              ${ops.create.map((c) => day(c.dueDate))}::date[]) AS u
                ON CONFLICT ("assignmentId", "dutyId", "occurrence") DO NOTHING`;

        // Each moved or withdrawn item says so in its own history.
        const updatedIds = new Set(updated.map((r) => r.id));
        const withdrawnIds = new Set(withdrawn.map((r) => r.id));
        await insertItemAudits(
          tx,
          auditRows(
            options.actorId,
            "checklist.migrate",
            ops.update
              .filter((u) => updatedIds.has(u.item.id))
              .map((u) => ({ id: u.item.id, orgId: u.item.orgId, before: { dutyId: u.item.dutyId, dueDate: day(u.item.dueDate) }, after: { dutyId: u.dutyId, dueDate: day(u.dueDate) } })),
          ),
        );
        await insertItemAudits(
          tx,
          auditRows(
            options.actorId,
            "checklist.withdraw",
            ops.withdraw.filter((i) => withdrawnIds.has(i.id)).map((i) => ({ id: i.id, orgId: i.orgId, before: { status: i.status }, after: { status: "WITHDRAWN" } })),
          ),
        );
        const keepDone = [...ops.counts.values()].reduce((s, c) => s + c.keepDone, 0);
        const changed = ops.update.filter((u) => u.changed && updatedIds.has(u.item.id)).length;
        const counts = {
          assignments: locked.length,
          create: created,
          update: changed,
          carry: updated.length - changed,
          withdraw: withdrawn.length,
          keepDone,
        };
        if (locked.length > 0) {
          await writeAudit(tx, {
            actorId: options.actorId,
            action: "assignment.move",
            entityType: "CatalogVersion",
            entityId: ctx.to.id,
            after: { periodId: input.periodId, rootOrgId: input.rootOrgId, ...counts },
          });
        }
        return counts;
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    for (const key of ["assignments", ...MOVE_COUNT_KEYS] as const) result[key] += part[key];
  }
  return result;
}
