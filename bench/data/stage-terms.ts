// Committee terms (换届) of every organization that holds them, in every state of the term ledger
// relative to the generator's day (not due, due within six months, within three, overdue, none
// recorded), some with an earlier term; appointment talks, head changes and the TERM_DUE notices.
import { DEFAULT_TERM_YEARS, holdsTerms, type TermState } from "../../lib/term-kinds";
import { addMonths, termDueOn } from "../../lib/term-rules";
import { addDays, DAY_MS, secretaryIdOf, type BenchContext, type BenchOrg } from "./context";
import type { Table } from "./insert";
import { benchId, personName, rngFor } from "./random";
import { AUDIT_TABLE, insertAll, NOTICE_TABLE, type AuditRow, type NoticeRow } from "./tables";

const COMMITTEE_SIZE: Record<string, number> = { ORGAN_PARTY_COMMITTEE: 7, GENERAL_BRANCH: 5, BRANCH: 3 };
const STATE_WEIGHTS: Record<TermState, number> = { notDue: 0.45, green: 0.15, yellow: 0.12, red: 0.13, missing: 0.15 };
const TALK_POINTS = "要求切实履行第一责任人职责，抓好理论学习和班子建设，严格落实“三会一课”等组织生活制度；本人表示将尽快熟悉情况，带头履职尽责。";
const CONSULTATION = "原书记因工作调动不再担任，经上级党组织同意，与支部委员会和党员酝酿沟通后，由支部委员会推荐，党员大会补选。";

type TermRow = {
  id: string;
  orgId: string;
  electedOn: Date;
  termYears: number;
  dueOn: Date;
  secretaryName: string;
  secretaryId: string | null;
  members: string[];
  approvedOn: Date | null;
  approvalNote: string | null;
  endedOn: Date | null;
  recordedById: string | null;
  at: Date;
};
type TalkRow = { id: string; orgId: string; appointeeName: string; talkedOn: Date; talkedBy: string; points: string; recordedById: string | null; at: Date };
type HeadRow = { id: string; orgId: string; changedOn: Date; previousName: string; newName: string; consultation: string; recordedById: string | null; at: Date };

type Plan = { terms: TermRow[]; talks: TalkRow[]; heads: HeadRow[]; audit: AuditRow[]; notices: NoticeRow[] };

/** The due day a current term in `state` has, from the generator's day. */
function dueFor(state: TermState, day: Date, years: number, shift: number, later: number): Date {
  switch (state) {
    case "green":
      return addDays(addMonths(day, 5), -shift);
    case "yellow":
      return addDays(addMonths(day, 2), -shift);
    case "red":
      return addDays(addMonths(day, -2), -shift);
    default:
      return addMonths(day, Math.min(8 + later, years * 12 - 2));
  }
}

function planTerms(ctx: BenchContext): Plan {
  const rng = rngFor(ctx.seed, "terms");
  const plan: Plan = { terms: [], talks: [], heads: [], audit: [], notices: [] };
  const day = new Date(Date.UTC(ctx.asOf.getUTCFullYear(), ctx.asOf.getUTCMonth(), ctx.asOf.getUTCDate()));
  const byId = new Map(ctx.orgs.map((o) => [o.id, o]));
  const counter: Record<string, number> = {};
  const id = (kind: string) => benchId(ctx.seed, kind, (counter[kind] = (counter[kind] ?? 0) + 1), 7);
  const recordAt = (on: Date) => new Date(Math.min(addDays(on, 2).getTime(), ctx.asOf.getTime()) + 3600_000);

  for (const org of ctx.orgs) {
    const parent = org.parentId ? byId.get(org.parentId) : undefined;
    const recorder = parent ? secretaryIdOf(parent.id) : null;
    if (!holdsTerms(org.type)) {
      // A party group's secretary is appointed: a talk now and then, no terms.
      if (org.type === "PARTY_GROUP" && rng.chance(0.1)) addTalk(plan, id, org, parent, personName(rng), addDays(day, -30 - rng.int(700)), recorder, recordAt, personName(rng));
      continue;
    }
    const state = rng.weighted(STATE_WEIGHTS);
    if (state === "missing") continue;
    const years = DEFAULT_TERM_YEARS[org.type];
    const dueOn = dueFor(state, day, years, rng.int(20), rng.int(20));
    const electedOn = addMonths(dueOn, -years * 12);
    const members = Array.from({ length: COMMITTEE_SIZE[org.type] ?? 3 }, () => personName(rng));
    const approval = parent ? `${parent.name}批复同意选举结果` : null;
    // An earlier term, ended by the current one's election, for some.
    if (rng.chance(0.3)) {
      const previous = addMonths(electedOn, -years * 12 - 1);
      const termId = id("tm");
      plan.terms.push({ id: termId, orgId: org.id, electedOn: previous, termYears: years, dueOn: termDueOn(previous, years), secretaryName: personName(rng), secretaryId: null, members: members.map(() => personName(rng)), approvedOn: addDays(previous, 15), approvalNote: approval, endedOn: electedOn, recordedById: recorder, at: recordAt(previous) });
    }
    const termId = id("tm");
    const isApproved = rng.chance(0.95);
    const recordedAt = recordAt(electedOn);
    plan.terms.push({ id: termId, orgId: org.id, electedOn, termYears: years, dueOn: termDueOn(electedOn, years), secretaryName: members[0]!, secretaryId: secretaryIdOf(org.id), members, approvedOn: isApproved ? addDays(electedOn, 12) : null, approvalNote: isApproved ? approval : null, endedOn: null, recordedById: recorder, at: recordedAt });
    plan.audit.push({ id: id("at"), actorId: recorder, action: "term.elect", entityType: "OrgTerm", entityId: termId, orgId: org.id, at: recordedAt, after: { electedOn: iso(electedOn), termYears: years, secretaryName: members[0]!, members } });
    if (rng.chance(0.25)) addTalk(plan, id, org, parent, members[0]!, addDays(electedOn, 20), recorder, recordAt, personName(rng));
    const changedOn = addMonths(electedOn, 14);
    if (rng.chance(0.05) && changedOn < day) {
      plan.heads.push({ id: id("hc"), orgId: org.id, changedOn, previousName: members[0]!, newName: members[1] ?? personName(rng), consultation: CONSULTATION, recordedById: recorder, at: recordAt(changedOn) });
    }
    // An overdue term has its monthly notice, to the secretaries of the organization and of its parent (raise-term-notices.ts).
    if (state === "red") {
      const overdueMonths = Math.max(0, Math.floor((day.getTime() - dueOn.getTime()) / (30 * DAY_MS)));
      for (const userId of [secretaryIdOf(org.id), recorder]) {
        if (!userId) continue;
        plan.notices.push({
          id: id("nt"),
          userId,
          kind: "TERM_DUE",
          orgId: org.id,
          payload: { dueOn: iso(dueOn), step: `overdue-${overdueMonths}` },
          dedupeKey: `TERM_DUE:${termId}:${iso(dueOn)}:overdue-${overdueMonths}:${userId}`,
          readAt: rng.chance(0.3) ? addDays(ctx.asOf, -1) : null,
          at: new Date(Math.min(addDays(dueOn, 1 + overdueMonths * 30).getTime(), ctx.asOf.getTime() - 3600_000)),
        });
      }
    }
  }
  return plan;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function addTalk(plan: Plan, id: (kind: string) => string, org: BenchOrg, parent: BenchOrg | undefined, appointee: string, talkedOn: Date, recorder: string | null, recordAt: (on: Date) => Date, talker: string): void {
  const talkId = id("tk");
  const talkedBy = `${talker}（${parent?.name ?? "上级党组织"}书记）`;
  plan.talks.push({ id: talkId, orgId: org.id, appointeeName: appointee, talkedOn, talkedBy, points: TALK_POINTS, recordedById: recorder, at: recordAt(talkedOn) });
  plan.audit.push({ id: id("at"), actorId: recorder, action: "talk.record", entityType: "AppointmentTalk", entityId: talkId, orgId: org.id, at: recordAt(talkedOn), after: { appointeeName: appointee, talkedOn: iso(talkedOn), talkedBy } });
}

const TERM_TABLE: Table<TermRow> = {
  name: "OrgTerm",
  columns: [
    ["id", "text", (r) => r.id],
    ["orgId", "text", (r) => r.orgId],
    ["electedOn", "date", (r) => r.electedOn],
    ["termYears", "int", (r) => r.termYears],
    ["dueOn", "date", (r) => r.dueOn],
    ["secretaryName", "text", (r) => r.secretaryName],
    ["secretaryId", "text", (r) => r.secretaryId],
    ["members", "text[]", (r) => r.members],
    ["approvedOn", "date", (r) => r.approvedOn],
    ["approvalNote", "text", (r) => r.approvalNote],
    ["endedOn", "date", (r) => r.endedOn],
    ["recordedById", "text", (r) => r.recordedById],
    ["createdAt", "timestamp", (r) => r.at],
    ["updatedAt", "timestamp", (r) => r.at],
  ],
};
const TALK_TABLE: Table<TalkRow> = {
  name: "AppointmentTalk",
  columns: [
    ["id", "text", (r) => r.id],
    ["orgId", "text", (r) => r.orgId],
    ["appointeeName", "text", (r) => r.appointeeName],
    ["talkedOn", "date", (r) => r.talkedOn],
    ["talkedBy", "text", (r) => r.talkedBy],
    ["points", "text", (r) => r.points],
    ["recordedById", "text", (r) => r.recordedById],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};
const HEAD_TABLE: Table<HeadRow> = {
  name: "HeadChange",
  columns: [
    ["id", "text", (r) => r.id],
    ["orgId", "text", (r) => r.orgId],
    ["changedOn", "date", (r) => r.changedOn],
    ["previousName", "text", (r) => r.previousName],
    ["newName", "text", (r) => r.newName],
    ["consultation", "text", (r) => r.consultation],
    ["recordedById", "text", (r) => r.recordedById],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};

export async function generateTerms(ctx: BenchContext): Promise<{ terms: number; talks: number; headChanges: number }> {
  const plan = planTerms(ctx);
  const stage = { name: "terms", done: 0, total: Object.values(plan).reduce((sum: number, rows: unknown[]) => sum + rows.length, 0) };
  await insertAll(ctx, stage, TERM_TABLE, plan.terms);
  await insertAll(ctx, stage, TALK_TABLE, plan.talks);
  await insertAll(ctx, stage, HEAD_TABLE, plan.heads);
  await insertAll(ctx, stage, AUDIT_TABLE, plan.audit);
  await insertAll(ctx, stage, NOTICE_TABLE, plan.notices);
  return { terms: plan.terms.length, talks: plan.talks.length, headChanges: plan.heads.length };
}
