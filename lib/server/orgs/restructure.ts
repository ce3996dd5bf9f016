import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { LIVE_STATUSES } from "@/lib/item-status";
import { mayHold } from "@/lib/orgs/org-rules";
import { reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { prisma } from "@/lib/server/db";
import { SQL_NEW_ID } from "@/lib/server/db/ids";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { assertId, NotFoundError, ValidationError } from "@/lib/server/errors";
import { loadManagedOrg, MANAGE_ORGS, orgState, type ManagedOrg } from "@/lib/server/orgs/manage-orgs";
import type { VersionChange } from "@/lib/version-change";

/**
 * Restructuring the tree (机构改革), always planned first and applied at the
 * version of the organization that the plan showed:
 *
 * - **move**: the organization and its whole subtree hang under a new
 *   parent. Items, evidence, findings, terms and history are keyed by the
 *   organization, so they follow it; every scope is read from the tree at
 *   each request, so every user's reach changes at once. Items of an
 *   organization outside the subtree that were handed down into it are
 *   taken back: the new parent's line does not answer for them.
 * - **merge** into a survivor of the same type: the open children hang
 *   under the survivor; open items go to the survivor (into its assignment
 *   of the same list and period), except a duty the survivor already holds
 *   for the same occurrence, whose item here is withdrawn; evidence that only
 *   those items use goes with them; inspection reports still at work (with
 *   their findings) go to the survivor; the roles held on the merged
 *   organization end. It closes, merged into the
 *   survivor.
 * - **close**: only without open children. Open items are withdrawn,
 *   reports still at work go to the parent (the level above sees their
 *   findings through), roles end.
 *
 * A closed organization keeps its settled items, closed findings, terms and
 * history, readable from above; it takes no more changes. Each item moved
 * or withdrawn says so in its own history; the organization's audit row
 * holds the counts.
 */
export type RestructureKind = "move" | "merge" | "close";

export type OrgBrief = { id: string; code: string; name: string; nameEn: string | null; type: OrgType; version: number };

export const RESTRUCTURE_PROBLEMS = [
  "orgIsScopeRoot",
  "targetClosed",
  "targetIsSelf",
  "targetInside",
  "sameParent",
  "typeUnderParent",
  "mergeTypeDiffers",
  "hasOpenChildren",
  "noParent",
] as const;
export type RestructureProblem = (typeof RESTRUCTURE_PROBLEMS)[number];

export type RestructurePlan = {
  kind: RestructureKind;
  org: OrgBrief;
  /** move: the new parent; merge: the survivor; close: the parent, which takes the open findings. */
  target: OrgBrief | null;
  /** Organizations that change place: the subtree (move), or the subtrees of the open children (merge). */
  orgsMoved: number;
  /** Items of the organization (move: of its subtree) still to be worked on or reviewed, and settled ones. */
  liveItems: number;
  settledItems: number;
  /** merge: live items that go to the survivor. */
  transferItems: number;
  /** merge: live items the survivor already holds; close: every live item. */
  withdrawItems: number;
  /** Live items handed down into what moves or closes, from outside it, taken back. */
  delegationsEnded: number;
  openFindings: number;
  closedFindings: number;
  /** Evidence that goes along (move: all of the subtree's; merge: what only the transferred items use). */
  evidence: number;
  /** Role grants whose reach changes (move) or that end (merge, close), and the people holding them. */
  grants: number;
  people: number;
  problems: RestructureProblem[];
};

type Tx = Prisma.TransactionClient;

const briefSelect = { id: true, code: true, name: true, nameEn: true, type: true, version: true } as const;
const brief = (org: ManagedOrg | (OrgBrief & Record<string, unknown>)): OrgBrief => ({
  id: org.id,
  code: org.code,
  name: org.name,
  nameEn: org.nameEn,
  type: org.type,
  version: org.version,
});

const live = Prisma.sql`i."status"::text = ANY (${[...LIVE_STATUSES]}::text[])`;
const like = (path: string) => `${path}%`;

/** The target of a move or merge, within the actor's subtree; out of sight is not found. */
async function loadTarget(tx: Tx, actor: Actor, targetId: string | undefined) {
  if (!targetId) throw new ValidationError("Pick a target", { targetId: ["required"] });
  assertId(targetId);
  await tx.$queryRaw`SELECT 1 FROM "Org" WHERE "id" = ${targetId} FOR SHARE`;
  const target = await tx.org.findUnique({ where: { id: targetId }, select: { ...briefSelect, path: true, depth: true, closedAt: true, parentId: true } });
  if (!target || !reachesPath(actor, MANAGE_ORGS, target.path)) throw new NotFoundError();
  return target;
}

async function count(tx: Tx, query: Prisma.Sql): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: number }[]>(query);
  return Number(row?.n ?? 0);
}

type Target = OrgBrief & { path: string; depth: number; closedAt: Date | null; parentId: string | null };

/** The plan of one step, as the page shows it and as the step applies it, with the target it loaded. */
async function plan(tx: Tx, actor: Actor, kind: RestructureKind, org: ManagedOrg, targetId: string | undefined): Promise<{ plan: RestructurePlan; target: Target | null }> {
  const problems: RestructureProblem[] = [];
  const parent = org.parentId ? await tx.org.findUnique({ where: { id: org.parentId }, select: { ...briefSelect, path: true } }) : null;
  // The top of the actor's own subtree stays where it is: moving it is for an administrator above.
  if (!parent || !reachesPath(actor, MANAGE_ORGS, parent.path)) problems.push("orgIsScopeRoot");

  let target: Target | null = null;
  if (kind === "close") {
    if (!parent) problems.push("noParent");
  } else {
    target = await loadTarget(tx, actor, targetId);
    if (target.closedAt) problems.push("targetClosed");
    if (target.id === org.id) problems.push("targetIsSelf");
    else if (target.path.startsWith(org.path)) problems.push("targetInside");
    if (kind === "move") {
      if (target.id === org.parentId) problems.push("sameParent");
      if (!mayHold(target.type, org.type)) problems.push("typeUnderParent");
    } else if (target.type !== org.type) problems.push("mergeTypeDiffers");
  }

  const openChildren = await tx.org.count({ where: { parentId: org.id, closedAt: null } });
  if (kind === "close" && openChildren > 0) problems.push("hasOpenChildren");

  // What the step touches: the whole subtree for a move, the organization itself otherwise.
  const reach = kind === "move" ? Prisma.sql`o."path" LIKE ${like(org.path)}` : Prisma.sql`o."id" = ${org.id}`;
  const [items] = await tx.$queryRaw<{ live: number; settled: number }[]>`
    SELECT count(*) FILTER (WHERE ${live})::int AS live,
           count(*) FILTER (WHERE i."status" IN ('DONE', 'NOT_APPLICABLE'))::int AS settled
      FROM "ChecklistItem" i JOIN "Org" o ON o."id" = i."orgId"
     WHERE ${reach}`;
  const [findings] = await tx.$queryRaw<{ open: number; closed: number }[]>`
    SELECT count(*) FILTER (WHERE f."state" <> 'CLOSED')::int AS open, count(*) FILTER (WHERE f."state" = 'CLOSED')::int AS closed
      FROM "Finding" f JOIN "Org" o ON o."id" = f."orgId"
     WHERE ${reach}`;
  const [grants] = await tx.$queryRaw<{ grants: number; people: number }[]>`
    SELECT count(*)::int AS grants, count(DISTINCT g."userId")::int AS people
      FROM "RoleGrant" g JOIN "Org" o ON o."id" = g."orgId"
     WHERE ${reach}`;
  // Handed down from outside into what moves (the subtree) or closes (the organization itself).
  const delegationsEnded = await count(
    tx,
    Prisma.sql`
    SELECT count(*)::int AS n
      FROM "ChecklistItem" i JOIN "Org" d ON d."id" = i."delegatedOrgId" JOIN "Org" o ON o."id" = i."orgId"
     WHERE ${live} AND ${kind === "move" ? Prisma.sql`d."path" LIKE ${like(org.path)} AND o."path" NOT LIKE ${like(org.path)}` : Prisma.sql`d."id" = ${org.id} AND o."id" <> ${org.id}`}`,
  );

  let orgsMoved = 0;
  let transferItems = 0;
  let withdrawItems = 0;
  let evidence = 0;
  if (kind === "move") {
    orgsMoved = await tx.org.count({ where: { path: { startsWith: org.path } } });
    evidence = await count(tx, Prisma.sql`SELECT count(*)::int AS n FROM "Evidence" e JOIN "Org" o ON o."id" = e."orgId" WHERE ${reach}`);
  } else if (kind === "merge" && target) {
    orgsMoved = await count(
      tx,
      Prisma.sql`SELECT count(*)::int AS n FROM "Org" c JOIN "Org" d ON d."path" LIKE c."path" || '%' WHERE c."parentId" = ${org.id} AND c."closedAt" IS NULL`,
    );
    withdrawItems = await count(tx, Prisma.sql`SELECT count(*)::int AS n FROM "ChecklistItem" i WHERE i."orgId" = ${org.id} AND ${live} AND ${heldBy(target.id)}`);
    transferItems = Number(items?.live ?? 0) - withdrawItems;
    evidence = await count(tx, Prisma.sql`SELECT count(*)::int AS n FROM "Evidence" e WHERE ${evidenceGoing(org.id, target.id, false)}`);
  } else {
    withdrawItems = Number(items?.live ?? 0);
  }

  const planned: RestructurePlan = {
    kind,
    org: brief(org),
    target: kind === "close" ? (parent ? brief(parent) : null) : target ? brief(target) : null,
    orgsMoved,
    liveItems: Number(items?.live ?? 0),
    settledItems: Number(items?.settled ?? 0),
    transferItems,
    withdrawItems,
    delegationsEnded,
    openFindings: Number(findings?.open ?? 0),
    closedFindings: Number(findings?.closed ?? 0),
    evidence,
    grants: Number(grants?.grants ?? 0),
    people: Number(grants?.people ?? 0),
    problems: [...new Set(problems)],
  };
  return { plan: planned, target };
}

/** An item `i` of the merged organization whose duty and occurrence the survivor already holds in the same period. */
function heldBy(survivorId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ChecklistItem" s
                             WHERE s."orgId" = ${survivorId} AND s."dutyId" = i."dutyId" AND s."periodId" = i."periodId" AND s."occurrence" = i."occurrence")`;
}

/**
 * Evidence `e` of the merged organization used by items that go to the
 * survivor and by none that stay. `applied`: the items have gone already.
 */
function evidenceGoing(orgId: string, survivorId: string, applied: boolean): Prisma.Sql {
  const going = applied
    ? Prisma.sql`i."orgId" = ${survivorId}`
    : Prisma.sql`i."orgId" = ${orgId} AND ${live} AND NOT ${heldBy(survivorId)}`;
  const staying = applied ? Prisma.sql`i."orgId" = ${orgId}` : Prisma.sql`i."orgId" = ${orgId} AND NOT (${live} AND NOT ${heldBy(survivorId)})`;
  return Prisma.sql`e."orgId" = ${orgId}
    AND EXISTS (SELECT 1 FROM "ItemEvidence" ie JOIN "ChecklistItem" i ON i."id" = ie."itemId" WHERE ie."evidenceId" = e."id" AND ${going})
    AND NOT EXISTS (SELECT 1 FROM "ItemEvidence" ie JOIN "ChecklistItem" i ON i."id" = ie."itemId" WHERE ie."evidenceId" = e."id" AND ${staying})`;
}

export type RestructureInput = { orgId: string; targetId?: string; expectedVersion?: number };

/** The plan of a move, merge or close, for the page to show before anything is done. */
export async function planRestructure(actor: Actor, kind: RestructureKind, input: RestructureInput): Promise<RestructurePlan> {
  return prisma.$transaction(async (tx) => {
    const org = await loadManagedOrg(tx, actor, input.orgId);
    return (await plan(tx, actor, kind, org, input.targetId)).plan;
  });
}

/** Items of this step, each with a row in its own history. */
async function auditItems(tx: Tx, actorId: string, action: string, updated: Prisma.Sql, after: object): Promise<number> {
  return tx.$executeRaw`
    WITH changed AS (${updated})
    INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "orgId", "before", "after")
    SELECT ${SQL_NEW_ID}, ${actorId}, ${action}, 'ChecklistItem', c."id", c."orgId", jsonb_build_object('status', c."before"), ${JSON.stringify(after)}::jsonb
      FROM changed c`;
}

/** Re-hangs the subtree at `from` (an organization's path) at `to`, `delta` levels deeper. */
async function rehang(tx: Tx, from: string, to: string, delta: number): Promise<void> {
  // Locked in the order item writes lock organizations (by id) before the paths change.
  await tx.$queryRaw`SELECT 1 FROM "Org" WHERE "path" LIKE ${like(from)} ORDER BY "id" FOR UPDATE`;
  await tx.$executeRaw`
    UPDATE "Org" SET "path" = ${to} || substr("path", ${from.length + 1}), "depth" = "depth" + ${delta}, "updatedAt" = now()
     WHERE "path" LIKE ${like(from)}`;
}

/** Takes back live items handed down into `into` from outside it. */
async function endDelegations(tx: Tx, actorId: string, into: Prisma.Sql): Promise<number> {
  return auditItems(
    tx,
    actorId,
    "checklist.undelegate",
    Prisma.sql`
      UPDATE "ChecklistItem" i
         SET "delegatedOrgId" = NULL, "delegatedToId" = NULL, "delegatedById" = NULL, "delegatedAt" = NULL, "version" = i."version" + 1, "updatedAt" = now()
        FROM "Org" d, "Org" o
       WHERE d."id" = i."delegatedOrgId" AND o."id" = i."orgId" AND ${live} AND ${into}
   RETURNING i."id", i."orgId", i."status"::text AS "before"`,
    { delegatedOrgId: null },
  );
}

/** Withdraws the live items of an organization that closes (those `also` picks), each with a row in its history. */
async function withdrawLive(tx: Tx, actorId: string, orgId: string, also: Prisma.Sql, why: object): Promise<void> {
  await auditItems(
    tx,
    actorId,
    "checklist.withdraw",
    Prisma.sql`
      UPDATE "ChecklistItem" i SET "status" = 'WITHDRAWN', "version" = i."version" + 1, "updatedAt" = now()
        FROM "ChecklistItem" old
       WHERE old."id" = i."id" AND i."orgId" = ${orgId} AND ${live} AND ${also}
   RETURNING i."id", i."orgId", old."status"::text AS "before"`,
    { status: "WITHDRAWN", ...why },
  );
}

/**
 * What an organization that closes leaves behind: items handed down to it
 * are taken back, the assignments it reviewed get `review` instead, and
 * the roles held on it end (audited; the accounts and their other roles stay).
 */
async function leave(tx: Tx, actorId: string, orgId: string, review: Prisma.AssignmentUncheckedUpdateManyInput): Promise<void> {
  await endDelegations(tx, actorId, Prisma.sql`d."id" = ${orgId} AND o."id" <> ${orgId}`);
  await tx.assignment.updateMany({ where: { reviewerOrgId: orgId }, data: review });
  const grants = await tx.roleGrant.findMany({ where: { orgId }, select: { userId: true, role: true } });
  await tx.roleGrant.deleteMany({ where: { orgId } });
  await writeAudit(tx, { actorId, action: "org.endGrants", entityType: "Org", entityId: orgId, orgId, before: { grants } });
}

/**
 * Inspection reports still at work (a draft, or one with a finding not yet
 * closed out) go, whole, to the organization that takes over: who reads and
 * rectifies a finding follows its report. Reports whose findings are all
 * closed stay with the closed organization, as its history.
 */
async function handOverReports(tx: Tx, actorId: string, fromId: string, toId: string): Promise<void> {
  const reports = await tx.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "InspectionReport" r
     WHERE r."orgId" = ${fromId}
       AND (r."status" = 'DRAFT' OR EXISTS (SELECT 1 FROM "Finding" f WHERE f."reportId" = r."id" AND f."state" <> 'CLOSED'))`;
  if (reports.length === 0) return;
  const ids = reports.map((r) => r.id);
  await tx.inspectionReport.updateMany({ where: { id: { in: ids } }, data: { orgId: toId, version: { increment: 1 } } });
  await tx.finding.updateMany({ where: { reportId: { in: ids } }, data: { orgId: toId, version: { increment: 1 } } });
  for (const id of ids) {
    await writeAudit(tx, { actorId, action: "report.handOver", entityType: "InspectionReport", entityId: id, orgId: toId, before: { orgId: fromId }, after: { orgId: toId } });
  }
}

function refuseProblems(p: RestructurePlan): void {
  if (p.problems.length > 0) throw new ValidationError("The step cannot be applied", { _: p.problems });
}

export type RestructureResult = { plan: RestructurePlan; version: VersionChange };

/** Moves the organization and its subtree under `targetId`. */
export async function moveOrg(actor: Actor, input: RestructureInput): Promise<RestructureResult> {
  return prisma.$transaction(async (tx) => {
    const org = await loadManagedOrg(tx, actor, input.orgId);
    const { plan: p, target } = await plan(tx, actor, "move", org, input.targetId);
    if (!target) throw new ValidationError("Pick a target", { targetId: ["required"] });
    refuseProblems(p);
    const path = `${target.path}${org.id}/`;
    const version = await writeVersioned(tx, {
      version: org.version,
      expected: input.expectedVersion,
      state: () => orgState(org),
      update: (v) => tx.org.updateMany({ where: { id: org.id, version: v }, data: { parentId: target.id, version: { increment: 1 } } }),
      audit: {
        actorId: actor.id,
        action: "org.move",
        entityType: "Org",
        entityId: org.id,
        orgId: org.id,
        before: { parentId: org.parentId, path: org.path },
        after: { parentId: target.id, path, ...counts(p) },
      },
    });
    // Handed down from outside before the subtree leaves: the old line no longer reaches it.
    await endDelegations(tx, actor.id, Prisma.sql`d."path" LIKE ${like(org.path)} AND o."path" NOT LIKE ${like(org.path)}`);
    await rehang(tx, org.path, path, target.depth + 1 - org.depth);
    return { plan: p, version };
  });
}

/** Merges the organization into a survivor of the same type, and closes it. */
export async function mergeOrg(actor: Actor, input: RestructureInput): Promise<RestructureResult> {
  return prisma.$transaction(async (tx) => {
    const org = await loadManagedOrg(tx, actor, input.orgId);
    const { plan: p, target: survivor } = await plan(tx, actor, "merge", org, input.targetId);
    if (!survivor) throw new ValidationError("Pick a target", { targetId: ["required"] });
    refuseProblems(p);
    const version = await closeVersioned(tx, actor, org, input.expectedVersion, "org.merge", { mergedIntoId: survivor.id }, p);

    // The open children, with their subtrees, under the survivor.
    const children = await tx.org.findMany({ where: { parentId: org.id, closedAt: null }, select: { id: true, path: true } });
    for (const child of children) {
      await tx.org.update({ where: { id: child.id }, data: { parentId: survivor.id, version: { increment: 1 } } });
      await rehang(tx, child.path, `${survivor.path}${child.id}/`, survivor.depth - org.depth);
    }

    // Live items the survivor already holds are withdrawn; the others go to its assignment of the same list and period.
    await withdrawLive(tx, actor.id, org.id, heldBy(survivor.id), { mergedIntoId: survivor.id });
    await tx.$executeRaw`
      INSERT INTO "Assignment" ("id", "catalogVersionId", "periodId", "orgId", "reviewMode", "reviewerOrgId")
      SELECT DISTINCT ON (a."catalogVersionId", a."periodId") ${SQL_NEW_ID}, a."catalogVersionId", a."periodId", ${survivor.id}, a."reviewMode", a."reviewerOrgId"
        FROM "Assignment" a JOIN "ChecklistItem" i ON i."assignmentId" = a."id"
       WHERE i."orgId" = ${org.id} AND ${live}
      ON CONFLICT ("catalogVersionId", "periodId", "orgId") DO NOTHING`;
    const evidenceBefore = await tx.$queryRaw<{ id: string }[]>`SELECT e."id" FROM "Evidence" e WHERE ${evidenceGoing(org.id, survivor.id, false)}`;
    await auditItems(
      tx,
      actor.id,
      "checklist.transfer",
      Prisma.sql`
        UPDATE "ChecklistItem" i
           SET "orgId" = ${survivor.id}, "assignmentId" = s."id", "delegatedToId" = NULL, "version" = i."version" + 1, "updatedAt" = now()
          FROM "Assignment" a, "Assignment" s
         WHERE a."id" = i."assignmentId" AND s."orgId" = ${survivor.id} AND s."catalogVersionId" = a."catalogVersionId" AND s."periodId" = a."periodId"
           AND i."orgId" = ${org.id} AND ${live}
     RETURNING i."id", i."orgId", i."status"::text AS "before"`,
      { orgId: survivor.id, mergedFromId: org.id },
    );
    if (evidenceBefore.length > 0) {
      await tx.evidence.updateMany({ where: { id: { in: evidenceBefore.map((e) => e.id) } }, data: { orgId: survivor.id } });
    }
    await handOverReports(tx, actor.id, org.id, survivor.id);
    await leave(tx, actor.id, org.id, { reviewerOrgId: survivor.id });
    return { plan: p, version };
  });
}

/** Closes an organization with no open children. */
export async function closeOrg(actor: Actor, input: RestructureInput): Promise<RestructureResult> {
  return prisma.$transaction(async (tx) => {
    const org = await loadManagedOrg(tx, actor, input.orgId);
    const { plan: p } = await plan(tx, actor, "close", org, undefined);
    refuseProblems(p);
    const parentId = org.parentId as string; // refuseProblems: noParent
    const version = await closeVersioned(tx, actor, org, input.expectedVersion, "org.close", {}, p);
    await withdrawLive(tx, actor.id, org.id, Prisma.sql`TRUE`, { closedOrgId: org.id });
    await handOverReports(tx, actor.id, org.id, parentId);
    await leave(tx, actor.id, org.id, { reviewerOrgId: null, reviewMode: "PARENT" });
    return { plan: p, version };
  });
}

function counts(p: RestructurePlan) {
  const { kind: _k, org: _o, target: _t, problems: _p, ...rest } = p;
  return rest;
}

async function closeVersioned(
  tx: Tx,
  actor: Actor,
  org: ManagedOrg,
  expected: number | undefined,
  action: string,
  data: { mergedIntoId?: string },
  p: RestructurePlan,
): Promise<VersionChange> {
  const closedAt = new Date();
  return writeVersioned(tx, {
    version: org.version,
    expected,
    state: () => orgState(org),
    update: (v) => tx.org.updateMany({ where: { id: org.id, version: v }, data: { closedAt, ...data, version: { increment: 1 } } }),
    audit: {
      actorId: actor.id,
      action,
      entityType: "Org",
      entityId: org.id,
      orgId: org.id,
      before: { closedAt: null },
      after: { closedAt: closedAt.toISOString(), ...data, targetId: p.target?.id ?? null, ...counts(p) },
    },
  });
}
