import "server-only";
import { dayOf, isoDay, today } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { writeAudit } from "@/lib/server/audit/write-audit";
import { prisma } from "@/lib/server/db";
import { writeVersioned } from "@/lib/server/db/versioned-write";
import { ConflictError, DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { readsTermsOf, recordsFor } from "@/lib/server/terms/record-scope";
import { holdsTerms } from "@/lib/term-kinds";
import { termDueOn } from "@/lib/term-rules";
import type { TEditTermParsed, TRecordElectionParsed } from "@/lib/validation/terms";
import type { z } from "zod";
import type { ZRecordHeadChange, ZRecordTalk } from "@/lib/validation/terms";
import type { VersionChange } from "@/lib/version-change";

type Tx = Prisma.TransactionClient;

type LockedOrg = { id: string; path: string; type: OrgType; closedAt: Date | null };

/**
 * The organization a record is made for, locked for the transaction so
 * that two elections on it are recorded one after the other; out of the
 * actor's reach reads as not found, readable but not recordable as forbidden.
 */
async function lockOrgForRecord(tx: Tx, actor: Actor, orgId: string): Promise<LockedOrg> {
  const [org] = await tx.$queryRaw<LockedOrg[]>`
    SELECT "id", "path", "type"::text AS "type", "closedAt" FROM "Org" WHERE "id" = ${orgId} FOR NO KEY UPDATE`;
  if (!org || !readsTermsOf(actor, org.path)) throw new NotFoundError();
  if (!recordsFor(actor, org.path)) throw new DomainError("forbidden", "Only the level above records this organization's terms");
  if (org.closedAt) throw new ValidationError("The organization is closed", { orgId: ["orgClosed"] });
  return org;
}

function notAfterToday(fields: Record<string, string | undefined>, day: Date): void {
  const errors: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(fields)) if (value && dayOf(value) > day) errors[field] = ["future"];
  if (Object.keys(errors).length > 0) throw new ValidationError("A day after today", errors);
}

/** The secretary's account, when named, must hold a role on the organization itself. */
async function checkSecretaryAccount(tx: Tx, orgId: string, secretaryId: string | undefined): Promise<void> {
  if (!secretaryId) return;
  const grant = await tx.roleGrant.findFirst({ where: { orgId, userId: secretaryId, user: { isActive: true } }, select: { userId: true } });
  if (!grant) throw new ValidationError("The secretary's account is not one of the organization's", { secretaryId: ["notOnOrg"] });
}

const termSnapshotSelect = {
  id: true,
  orgId: true,
  electedOn: true,
  termYears: true,
  dueOn: true,
  secretaryName: true,
  secretaryId: true,
  members: true,
  approvedOn: true,
  approvalNote: true,
  endedOn: true,
  note: true,
  version: true,
} satisfies Prisma.OrgTermSelect;

type TermSnapshot = Prisma.OrgTermGetPayload<{ select: typeof termSnapshotSelect }>;

/** The recorded fields of a term as plain JSON (days as "YYYY-MM-DD"), for the audit log and a conflict. */
export function termFacts(term: Omit<TermSnapshot, "id" | "orgId" | "version">) {
  const day = (d: Date | null) => (d ? isoDay(d) : null);
  return {
    electedOn: day(term.electedOn),
    termYears: term.termYears,
    dueOn: day(term.dueOn),
    secretaryName: term.secretaryName,
    secretaryId: term.secretaryId,
    members: term.members,
    approvedOn: day(term.approvedOn),
    approvalNote: term.approvalNote,
    endedOn: day(term.endedOn),
    note: term.note,
  };
}

type TermFacts = ReturnType<typeof termFacts>;

function fieldsOf(input: TRecordElectionParsed | TEditTermParsed) {
  const electedOn = dayOf(input.electedOn);
  return {
    electedOn,
    termYears: input.termYears,
    dueOn: termDueOn(electedOn, input.termYears),
    secretaryName: input.secretaryName,
    secretaryId: input.secretaryId ?? null,
    members: input.members,
    approvedOn: input.approvedOn ? dayOf(input.approvedOn) : null,
    approvalNote: input.approvalNote || null,
    note: input.note || null,
  };
}

/**
 * Records an election (换届选举) as a dated event: the organization's current
 * term ends on the election day and the new one begins, due termYears
 * later. Every earlier term stays as it was, ended, in the history. The
 * election must come after the current term's own; `currentTermId` must
 * still be the current term (another election recorded meanwhile is a
 * conflict). Audited in the same transaction ("term.end", "term.elect").
 */
export async function recordElection(actor: Actor, input: TRecordElectionParsed, now = new Date()): Promise<{ termId: string }> {
  const day = today(now);
  notAfterToday({ electedOn: input.electedOn, approvedOn: input.approvedOn }, day);
  return prisma.$transaction(async (tx) => {
    const org = await lockOrgForRecord(tx, actor, input.orgId);
    if (!holdsTerms(org.type)) throw new ValidationError("This organization holds no elected terms", { orgId: ["noTerms"] });
    const current = await tx.orgTerm.findFirst({ where: { orgId: org.id, endedOn: null }, select: termSnapshotSelect, orderBy: { electedOn: "desc" } });
    if ((current?.id ?? undefined) !== input.currentTermId) {
      throw new ConflictError("Another election was recorded meanwhile", { currentTermId: current?.id ?? null, electedOn: current ? isoDay(current.electedOn) : null });
    }
    const fields = fieldsOf(input);
    if (current && fields.electedOn <= current.electedOn) {
      throw new ValidationError("The election must come after the current term's", { electedOn: ["notAfterCurrent"] });
    }
    await checkSecretaryAccount(tx, org.id, input.secretaryId);

    if (current) {
      await writeVersioned(tx, {
        version: current.version,
        expected: current.version,
        state: () => ({ currentTermId: current.id }),
        update: (version) => tx.orgTerm.updateMany({ where: { id: current.id, version, endedOn: null }, data: { endedOn: fields.electedOn, version: { increment: 1 } } }),
        audit: { actorId: actor.id, action: "term.end", entityType: "OrgTerm", entityId: current.id, orgId: org.id, before: { endedOn: null }, after: { endedOn: input.electedOn } },
      });
    }
    const term = await tx.orgTerm.create({ data: { orgId: org.id, ...fields, recordedById: actor.id }, select: termSnapshotSelect });
    await writeAudit(tx, { actorId: actor.id, action: "term.elect", entityType: "OrgTerm", entityId: term.id, orgId: org.id, after: termFacts(term) });
    return { termId: term.id };
  });
}

/** The fields whose values a correction changes, before and after. */
function changedFacts(before: TermFacts, after: TermFacts): { before: Partial<TermFacts>; after: Partial<TermFacts> } {
  const keys = (Object.keys(after) as (keyof TermFacts)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return { before: Object.fromEntries(keys.map((k) => [k, before[k]])), after: Object.fromEntries(keys.map((k) => [k, after[k]])) };
}

/**
 * Corrects a term as recorded (a wrong day or a misspelt name), current or
 * past: versioned against the version the page held, audited as
 * "term.edit" with each changed field before and after, so that the term's
 * page lists every correction. A new election day must stay between the
 * terms before and after it; the term before, which the election ended,
 * then ends on the corrected day (audited too).
 */
export async function editTerm(actor: Actor, input: TEditTermParsed, now = new Date()): Promise<{ version: VersionChange }> {
  const day = today(now);
  notAfterToday({ electedOn: input.electedOn, approvedOn: input.approvedOn }, day);
  return prisma.$transaction(async (tx) => {
    const ref = await tx.orgTerm.findUnique({ where: { id: input.termId }, select: { orgId: true } });
    if (!ref) throw new NotFoundError();
    const org = await lockOrgForRecord(tx, actor, ref.orgId);
    const term = await tx.orgTerm.findUniqueOrThrow({ where: { id: input.termId }, select: termSnapshotSelect });
    const fields = fieldsOf(input);
    const [previous, next] = await Promise.all([
      tx.orgTerm.findFirst({ where: { orgId: org.id, electedOn: { lt: term.electedOn } }, select: termSnapshotSelect, orderBy: { electedOn: "desc" } }),
      tx.orgTerm.findFirst({ where: { orgId: org.id, electedOn: { gt: term.electedOn } }, select: { electedOn: true }, orderBy: { electedOn: "asc" } }),
    ]);
    const latestStart = term.endedOn ?? next?.electedOn ?? null;
    if ((previous && fields.electedOn <= previous.electedOn) || (latestStart && fields.electedOn >= latestStart)) {
      throw new ValidationError("The election day must stay between the terms before and after", { electedOn: ["outOfOrder"] });
    }
    await checkSecretaryAccount(tx, org.id, input.secretaryId);
    const before = termFacts(term);
    const change = changedFacts(before, termFacts({ ...fields, endedOn: term.endedOn }));
    const version = await writeVersioned(tx, {
      version: term.version,
      expected: input.expectedVersion,
      state: () => ({ version: term.version, ...before }),
      update: (v) => tx.orgTerm.updateMany({ where: { id: term.id, version: v }, data: { ...fields, version: { increment: 1 } } }),
      audit: { actorId: actor.id, action: "term.edit", entityType: "OrgTerm", entityId: term.id, orgId: org.id, ...change },
    });
    if (previous && previous.endedOn && change.after.electedOn) {
      await writeVersioned(tx, {
        version: previous.version,
        expected: undefined,
        state: () => ({ version: previous.version }),
        update: (v) => tx.orgTerm.updateMany({ where: { id: previous.id, version: v }, data: { endedOn: fields.electedOn, version: { increment: 1 } } }),
        audit: {
          actorId: actor.id,
          action: "term.edit",
          entityType: "OrgTerm",
          entityId: previous.id,
          orgId: org.id,
          before: { endedOn: isoDay(previous.endedOn) },
          after: { endedOn: input.electedOn },
        },
      });
    }
    return { version };
  });
}

/** Records an appointment talk (任职谈话) held by the level above with a newly appointed secretary. */
export async function recordTalk(actor: Actor, input: z.output<typeof ZRecordTalk>, now = new Date()): Promise<{ talkId: string }> {
  notAfterToday({ talkedOn: input.talkedOn }, today(now));
  return prisma.$transaction(async (tx) => {
    const org = await lockOrgForRecord(tx, actor, input.orgId);
    const talk = await tx.appointmentTalk.create({
      data: { orgId: org.id, appointeeName: input.appointeeName, talkedOn: dayOf(input.talkedOn), talkedBy: input.talkedBy, points: input.points, recordedById: actor.id },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "talk.record", entityType: "AppointmentTalk", entityId: talk.id, orgId: org.id, after: { ...input } });
    return { talkId: talk.id };
  });
}

/** Records a change of the organization's head (负责人调整), with the consultation held. */
export async function recordHeadChange(actor: Actor, input: z.output<typeof ZRecordHeadChange>, now = new Date()): Promise<{ headChangeId: string }> {
  notAfterToday({ changedOn: input.changedOn }, today(now));
  return prisma.$transaction(async (tx) => {
    const org = await lockOrgForRecord(tx, actor, input.orgId);
    const change = await tx.headChange.create({
      data: {
        orgId: org.id,
        changedOn: dayOf(input.changedOn),
        previousName: input.previousName || null,
        newName: input.newName,
        consultation: input.consultation,
        recordedById: actor.id,
      },
      select: { id: true },
    });
    await writeAudit(tx, { actorId: actor.id, action: "headChange.record", entityType: "HeadChange", entityId: change.id, orgId: org.id, after: { ...input } });
    return { headChangeId: change.id };
  });
}
