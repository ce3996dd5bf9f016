import "server-only";
import { dayOf, isoDay, today } from "@/lib/dates";
import { isFindingOpen } from "@/lib/finding-state";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AcceptanceParty, RectificationState } from "@/lib/generated/prisma/enums";
import { rolesOf } from "@/lib/server/access/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { checkVersion, writeVersioned } from "@/lib/server/db/versioned-write";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { closeoutParties, deadlineFrom } from "@/lib/server/inspections/config";
import { loadReport, type LoadedReport } from "@/lib/server/inspections/reports";
import { canAcceptAs, canRectify, isMember, type ReportFacts } from "@/lib/server/inspections/scope";
import { holdersOf, notify } from "@/lib/server/notifications/notify";
import type { VersionChange } from "@/lib/version-change";

type Tx = Prisma.TransactionClient;

const findingSelect = {
  id: true,
  reportId: true,
  orgId: true,
  state: true,
  measures: true,
  ownerId: true,
  deadline: true,
  submittedById: true,
  cycle: true,
  version: true,
  lastComment: true,
  acceptances: { select: { party: true, cycle: true } },
} satisfies Prisma.FindingSelect;

type FindingRow = Prisma.FindingGetPayload<{ select: typeof findingSelect }>;
type Loaded = { finding: FindingRow; report: LoadedReport };

/**
 * Loads a finding and its report for a step, checking the version the user
 * saw: the second of two people acting on the same finding gets a conflict
 * with what the first one left. Out of the actor's reach reads as not found.
 */
async function load(tx: Tx, findingId: string, expectedVersion: number, allowed: (l: Loaded) => boolean): Promise<Loaded> {
  const ref = await tx.finding.findUnique({ where: { id: findingId }, select: { reportId: true } });
  if (!ref) throw new NotFoundError();
  const report = await loadReport(tx, ref.reportId);
  const finding = await tx.finding.findUniqueOrThrow({ where: { id: findingId }, select: findingSelect });
  if (!allowed({ finding, report })) throw new NotFoundError();
  await checkVersion(finding.version, expectedVersion, () => ({ version: finding.version, state: finding.state }));
  return { finding, report };
}

/** Every step on a finding: the versioned change, its event and its audit row, in the step's transaction. */
function write(
  tx: Tx,
  actor: Actor,
  { finding, report }: Loaded,
  action: string,
  data: Prisma.FindingUncheckedUpdateManyInput,
  event?: { kind: "PROGRESS" | "SUBMITTED" | "RETURNED" | "ACCEPTED" | "CLOSED" | "REOPENED"; text?: string | null; party?: AcceptanceParty },
): Promise<VersionChange> {
  return writeVersioned(tx, {
    version: finding.version,
    expected: finding.version,
    state: () => ({ version: finding.version, state: finding.state }),
    update: async (version) => {
      const changed = await tx.finding.updateMany({ where: { id: finding.id, version }, data: { ...data, version: { increment: 1 } } });
      if (event && changed.count === 1) {
        await tx.findingEvent.create({ data: { findingId: finding.id, kind: event.kind, text: event.text || null, party: event.party, actorId: actor.id } });
      }
      return changed;
    },
    audit: {
      actorId: actor.id,
      action,
      entityType: "Finding",
      entityId: finding.id,
      orgId: report.orgId,
      before: { state: finding.state, version: finding.version },
      after: JSON.parse(JSON.stringify({ ...data, event: event ?? null })) as Prisma.InputJsonObject,
    },
  });
}

const rectifiable = (actor: Actor) => (l: Loaded) => canRectify(actor, l.report);

function requireOpen(state: RectificationState): void {
  if (!isFindingOpen(state)) throw new ValidationError("The finding is not open for rectification", { findingId: [state === "CLOSED" ? "closed" : "submitted"] });
}

/** The rectification record: measures and owner, from the unit. */
export async function saveRectification(actor: Actor, input: { findingId: string; expectedVersion: number; measures: string; ownerId: string }): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await load(tx, input.findingId, input.expectedVersion, rectifiable(actor));
    requireOpen(loaded.finding.state);
    // The owner is one of the unit's people: a secretary or staff member on the organization, above it within the unit, or below it.
    const owner = await tx.roleGrant.findFirst({
      where: {
        userId: input.ownerId,
        role: { in: [...rolesOf("finding.rectify")] },
        user: { isActive: true },
        org: { OR: [{ path: { startsWith: loaded.report.orgPath } }, { id: { in: ancestorIdsBelow(loaded.report.orgPath, loaded.report.scopePath) } }] },
      },
      select: { userId: true },
    });
    if (!owner) throw new ValidationError("The owner must be one of the unit's people", { ownerId: ["notInUnit"] });
    const version = await write(tx, actor, loaded, "rectification.save", {
      measures: input.measures,
      ownerId: input.ownerId,
      state: loaded.finding.state === "OPEN" ? "IN_PROGRESS" : loaded.finding.state,
    });
    return { version };
  });
}

/** The organizations above `orgPath`, up to but not including the scope's own parent chain. */
function ancestorIdsBelow(orgPath: string, scopePath: string): string[] {
  const ids = orgPath.split("/").filter(Boolean);
  const scopeDepth = scopePath.split("/").filter(Boolean).length;
  // Strictly below the scope: the working committee is not the unit.
  return ids.slice(scopeDepth, -1);
}

export async function addFindingProgress(actor: Actor, input: { findingId: string; expectedVersion: number; text: string }): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await load(tx, input.findingId, input.expectedVersion, rectifiable(actor));
    requireOpen(loaded.finding.state);
    const version = await write(
      tx,
      actor,
      loaded,
      "rectification.progress",
      { state: loaded.finding.state === "OPEN" ? "IN_PROGRESS" : loaded.finding.state },
      { kind: "PROGRESS", text: input.text },
    );
    return { version };
  });
}

/**
 * The people who may accept a close-out, by required party: the group's
 * members; the committee's administrators and supervisors on the
 * organization or above it; the unit's secretaries within the round's
 * scope. They hear that a close-out waits for them, and the finding's page
 * names them.
 */
export async function acceptorsByParty(db: Tx, report: Pick<LoadedReport, "memberIds" | "orgPath" | "orgId" | "scopePath">): Promise<Partial<Record<AcceptanceParty, string[]>>> {
  const byParty: Partial<Record<AcceptanceParty, string[]>> = {};
  for (const party of closeoutParties()) {
    if (party === "GROUP") byParty.GROUP = [...report.memberIds];
    if (party === "COMMITTEE") {
      const grants = await db.roleGrant.findMany({
        where: { orgId: { in: report.orgPath.split("/").filter(Boolean) }, role: { in: [...rolesOf("finding.accept.committee")] }, user: { isActive: true } },
        select: { userId: true },
      });
      byParty.COMMITTEE = [...new Set(grants.map((g) => g.userId))];
    }
    if (party === "UNIT") {
      const ids: string[] = [];
      for (const orgId of ancestorIdsBelow(report.orgPath, report.scopePath).concat(report.orgId)) ids.push(...(await holdersOf(db, orgId, "finding.accept.unit")));
      byParty.UNIT = [...new Set(ids)];
    }
  }
  return byParty;
}

/** The unit submits its rectification for close-out (申请销号): measures and an owner first. */
export async function submitRectification(
  actor: Actor,
  input: { findingId: string; expectedVersion: number; text: string },
  now: Date = new Date(),
): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await load(tx, input.findingId, input.expectedVersion, rectifiable(actor));
    const { finding, report } = loaded;
    requireOpen(finding.state);
    const missing: Record<string, string[]> = {};
    if (!finding.measures) missing.measures = ["required"];
    if (!finding.ownerId) missing.ownerId = ["required"];
    if (Object.keys(missing).length > 0) throw new ValidationError("Measures and an owner come first", missing);
    const version = await write(tx, actor, loaded, "rectification.submit", { state: "SUBMITTED", submittedAt: now, submittedById: actor.id }, { kind: "SUBMITTED", text: input.text });
    const acceptors = Object.values(await acceptorsByParty(tx, report)).flat();
    await notify(tx, { kind: "FINDING_SUBMITTED", userIds: acceptors, findingId: finding.id, actorId: actor.id });
    return { version };
  });
}

/** The required parties `actor` may still accept for, in the finding's current attempt. */
export function partiesOpenTo(actor: Actor, finding: Pick<FindingRow, "acceptances" | "cycle" | "submittedById">, report: ReportFacts): AcceptanceParty[] {
  // Nobody accepts their own submission.
  if (finding.submittedById === actor.id) return [];
  const done = new Set(finding.acceptances.filter((a) => a.cycle === finding.cycle).map((a) => a.party));
  return closeoutParties().filter((p) => !done.has(p) && canAcceptAs(actor, p, report));
}

/**
 * One party accepts the rectification. When every party the deployment
 * requires (CLOSEOUT_PARTIES) has accepted this attempt, the finding is
 * closed out (销号).
 */
export async function acceptRectification(
  actor: Actor,
  input: { findingId: string; expectedVersion: number; party?: AcceptanceParty },
  now: Date = new Date(),
): Promise<{ closed: boolean; version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await load(tx, input.findingId, input.expectedVersion, (l) => canSeeAsAcceptor(actor, l.report));
    const { finding, report } = loaded;
    if (finding.state !== "SUBMITTED") throw new ValidationError("Nothing waits for acceptance", { findingId: ["notSubmitted"] });
    const open = partiesOpenTo(actor, finding, report);
    const party = input.party ?? open[0];
    if (!party || !open.includes(party)) throw new ValidationError("Not yours to accept", { party: ["notYours"] });
    await tx.findingAcceptance.create({ data: { findingId: finding.id, cycle: finding.cycle, party, acceptedById: actor.id, acceptedAt: now } });
    const accepted = new Set([...finding.acceptances.filter((a) => a.cycle === finding.cycle).map((a) => a.party), party]);
    const closed = closeoutParties().every((p) => accepted.has(p));
    const version = await write(tx, actor, loaded, "rectification.accept", closed ? { state: "CLOSED", closedAt: now } : {}, { kind: "ACCEPTED", party });
    if (closed) {
      await tx.findingEvent.create({ data: { findingId: finding.id, kind: "CLOSED", actorId: actor.id } });
      await notify(tx, {
        kind: "FINDING_CLOSED",
        userIds: [finding.submittedById, finding.ownerId, ...report.memberIds],
        findingId: finding.id,
        actorId: actor.id,
      });
    }
    return { closed, version };
  });
}

/** Whether the actor is any kind of acceptor of this report's findings (else the finding reads as not found). */
function canSeeAsAcceptor(actor: Actor, report: LoadedReport): boolean {
  return (["GROUP", "COMMITTEE", "UNIT"] as const).some((p) => canAcceptAs(actor, p, report));
}

/** An accepting party sends the rectification back, with what is missing; the attempt's acceptances lapse. */
export async function returnRectification(
  actor: Actor,
  input: { findingId: string; expectedVersion: number; comment: string },
): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await load(tx, input.findingId, input.expectedVersion, (l) => canSeeAsAcceptor(actor, l.report));
    const { finding, report } = loaded;
    if (finding.state !== "SUBMITTED") throw new ValidationError("Nothing waits for acceptance", { findingId: ["notSubmitted"] });
    if (finding.submittedById === actor.id || !closeoutParties().some((p) => canAcceptAs(actor, p, report))) {
      throw new ValidationError("Not yours to send back", { findingId: ["notYours"] });
    }
    const version = await write(tx, actor, loaded, "rectification.return", { state: "RETURNED", lastComment: input.comment, cycle: { increment: 1 } }, { kind: "RETURNED", text: input.comment });
    await notify(tx, {
      kind: "FINDING_RETURNED",
      userIds: [finding.submittedById, finding.ownerId],
      findingId: finding.id,
      actorId: actor.id,
      payload: { comment: input.comment },
    });
    return { version };
  });
}

/**
 * The group or the committee reopens a closed-out finding, with a reason
 * and a new deadline (RECTIFY_DAYS from today unless given). A new
 * close-out attempt starts: the earlier acceptances stay on record.
 */
export async function reopenFinding(
  actor: Actor,
  input: { findingId: string; expectedVersion: number; reason: string; deadline?: string },
  now: Date = new Date(),
): Promise<{ version: VersionChange }> {
  return prisma.$transaction(async (tx) => {
    const loaded = await load(tx, input.findingId, input.expectedVersion, (l) => isMember(actor, l.report) || canAcceptAs(actor, "COMMITTEE", l.report));
    const { finding, report } = loaded;
    if (finding.state !== "CLOSED") throw new ValidationError("Only a closed-out finding is reopened", { findingId: ["notClosed"] });
    const day = today(now);
    const deadline = input.deadline ? dayOf(input.deadline) : deadlineFrom(day);
    if (deadline < day) throw new ValidationError("The new deadline has passed", { deadline: ["past"] });
    const version = await write(
      tx,
      actor,
      loaded,
      "rectification.reopen",
      { state: "IN_PROGRESS", closedAt: null, cycle: { increment: 1 }, lastComment: input.reason, deadline },
      { kind: "REOPENED", text: input.reason },
    );
    const secretaries = await tx.roleGrant.findMany({ where: { orgId: report.orgId, role: { in: [...rolesOf("report.notice")] } }, select: { userId: true } });
    await notify(tx, {
      kind: "FINDING_REOPENED",
      userIds: [finding.ownerId, finding.submittedById, ...secretaries.map((s) => s.userId)],
      findingId: finding.id,
      actorId: actor.id,
      payload: { reason: input.reason, deadline: isoDay(deadline) },
    });
    return { version };
  });
}
