import "server-only";
import { today } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { orgScopeWhere } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { assertId, NotFoundError } from "@/lib/server/errors";
import { recordsFor } from "@/lib/server/terms/record-scope";
import { DEFAULT_TERM_YEARS, holdsTerms, type TermState } from "@/lib/term-kinds";
import { termState, termWarning } from "@/lib/term-rules";
import type { ItemWarning } from "@/lib/warnings";

/** The most talks and head changes the organization's page lists; the ledgers list them all. */
export const ORG_RECORDS_SHOWN = 20;

const termSelect = {
  id: true,
  electedOn: true,
  termYears: true,
  dueOn: true,
  secretaryName: true,
  secretary: { select: { id: true, name: true, username: true } },
  members: true,
  approvedOn: true,
  approvalNote: true,
  endedOn: true,
  note: true,
  version: true,
  createdAt: true,
  recordedBy: { select: { name: true } },
} satisfies Prisma.OrgTermSelect;

export type TermCorrection = { id: string; at: Date; by: string | null; before: Record<string, unknown>; after: Record<string, unknown> };

export type TermRecord = Prisma.OrgTermGetPayload<{ select: typeof termSelect }> & {
  /** Every correction made to the term after it was recorded, oldest first. */
  corrections: TermCorrection[];
};

export type TalkRecord = { id: string; appointeeName: string; talkedOn: Date; talkedBy: string; points: string; recordedBy: string | null };
export type HeadChangeRecord = { id: string; changedOn: Date; previousName: string | null; newName: string; consultation: string; recordedBy: string | null };

export type OrgTerms = {
  org: { id: string; name: string; nameEn: string | null; type: OrgType; path: string; closedAt: Date | null };
  /** The organizations above it that the reader also reads, top first. */
  ancestors: { id: string; name: string; nameEn: string | null }[];
  holdsTerms: boolean;
  defaultTermYears: number | null;
  current: (TermRecord & { state: TermState; warning: ItemWarning }) | null;
  /** Ended terms, newest first. */
  history: TermRecord[];
  talks: { rows: TalkRecord[]; total: number };
  headChanges: { rows: HeadChangeRecord[]; total: number };
  /** Whether the reader records for this organization (the level above it, or an administrator). */
  canRecord: boolean;
  /** The accounts that may be named as the secretary: people holding a role on the organization itself. */
  secretaryCandidates: { id: string; name: string; username: string }[];
  /** The head as last recorded: the newest head change's new head, else the current term's secretary. */
  currentHead: string | null;
};

/** Whichever came last: the newest head change, or the election of the current term. */
function currentHead(change: { changedOn: Date; newName: string } | undefined, term: { electedOn: Date; secretaryName: string } | null): string | null {
  if (change && (!term || change.changedOn >= term.electedOn)) return change.newName;
  return term?.secretaryName ?? null;
}

/** An organization's terms (current and history, each with its corrections), talks and head changes, as its page shows them. */
export async function getOrgTerms(actor: Actor, orgId: string, now = new Date()): Promise<OrgTerms> {
  assertId(orgId);
  const org = await prisma.org.findFirst({
    where: { AND: [{ id: orgId }, orgScopeWhere(actor, "term.read")] },
    select: { id: true, name: true, nameEn: true, type: true, path: true, closedAt: true },
  });
  if (!org) throw new NotFoundError();
  const ancestorIds = org.path.split("/").filter(Boolean).slice(0, -1);
  const [ancestors, terms, talks, talkCount, heads, headCount, candidates] = await Promise.all([
    prisma.org.findMany({
      where: { AND: [{ id: { in: ancestorIds } }, orgScopeWhere(actor, "term.read")] },
      select: { id: true, name: true, nameEn: true },
      orderBy: { depth: "asc" },
    }),
    prisma.orgTerm.findMany({ where: { orgId: org.id }, select: termSelect, orderBy: [{ electedOn: "desc" }, { id: "desc" }] }),
    prisma.appointmentTalk.findMany({
      where: { orgId: org.id },
      select: { id: true, appointeeName: true, talkedOn: true, talkedBy: true, points: true, recordedBy: { select: { name: true } } },
      orderBy: [{ talkedOn: "desc" }, { createdAt: "desc" }],
      take: ORG_RECORDS_SHOWN,
    }),
    prisma.appointmentTalk.count({ where: { orgId: org.id } }),
    prisma.headChange.findMany({
      where: { orgId: org.id },
      select: { id: true, changedOn: true, previousName: true, newName: true, consultation: true, recordedBy: { select: { name: true } } },
      orderBy: [{ changedOn: "desc" }, { createdAt: "desc" }],
      take: ORG_RECORDS_SHOWN,
    }),
    prisma.headChange.count({ where: { orgId: org.id } }),
    prisma.user.findMany({
      where: { isActive: true, roles: { some: { orgId: org.id } } },
      select: { id: true, name: true, username: true },
      orderBy: [{ name: "asc" }, { username: "asc" }],
    }),
  ]);
  const corrections = terms.length
    ? await prisma.auditLog.findMany({
        where: { entityType: "OrgTerm", entityId: { in: terms.map((t) => t.id) }, action: "term.edit" },
        select: { id: true, entityId: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      })
    : [];
  const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const withCorrections = terms.map((t) => ({
    ...t,
    corrections: corrections
      .filter((c) => c.entityId === t.id)
      .map((c) => ({ id: c.id, at: c.createdAt, by: c.actor?.name ?? null, before: asRecord(c.before), after: asRecord(c.after) })),
  }));
  const day = today(now);
  const currentTerm = withCorrections.find((t) => t.endedOn === null) ?? null;
  const holds = holdsTerms(org.type);
  return {
    org,
    ancestors,
    holdsTerms: holds,
    defaultTermYears: holds ? DEFAULT_TERM_YEARS[org.type as keyof typeof DEFAULT_TERM_YEARS] : null,
    current: currentTerm ? { ...currentTerm, state: termState(currentTerm.dueOn, day), warning: termWarning(currentTerm.dueOn, day) } : null,
    history: withCorrections.filter((t) => t !== currentTerm),
    talks: { rows: talks.map(({ recordedBy, ...t }) => ({ ...t, recordedBy: recordedBy?.name ?? null })), total: talkCount },
    headChanges: { rows: heads.map(({ recordedBy, ...h }) => ({ ...h, recordedBy: recordedBy?.name ?? null })), total: headCount },
    canRecord: recordsFor(actor, org.path) && org.closedAt === null,
    secretaryCandidates: candidates,
    currentHead: currentHead(heads[0], currentTerm),
  };
}
