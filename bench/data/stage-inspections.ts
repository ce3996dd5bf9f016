// Inspection rounds across the year, each with its group, its issued reports and their findings in every
// rectification state, with the events, acceptances, escalations, notices and history that the steps of
// lib/server/inspections would have left. Built in Node from a seeded PRNG, inserted in batches.
import type { Prisma } from "../../lib/generated/prisma/client";
import type { AcceptanceParty, FindingEventKind, FindingSeverity, FindingTag, InspectionType, OrgType, RectificationState } from "../../lib/generated/prisma/enums";
import { drawSample, type PoolEntry } from "../../lib/server/inspections/draw";
import { addDays, DAY_MS, itemIdOf, secretaryIdOf, type BenchContext, type BenchOrg } from "./context";
import type { Table } from "./insert";
import { benchId, rngFor, type Rng } from "./random";
import type { ItemTemplate } from "./stage-checklists";
import { AUDIT_TABLE, EVIDENCE_TABLE, insertAll, NOTICE_TABLE, type AuditRow, type EvidenceRow, type NoticeRow } from "./tables";

/** Days to rectify from the day a report is issued (RECTIFY_DAYS' default) and the escalation steps (ESCALATION_DAYS' default). */
const RECTIFY_DAYS = 60;
const ESCALATIONS = [
  { level: "REMINDER", days: 1, levelsUp: 1 },
  { level: "WARNING", days: 15, levelsUp: 2 },
  { level: "ACCOUNTABILITY", days: 30, levelsUp: 3 },
] as const;
const STATES: RectificationState[] = ["OPEN", "IN_PROGRESS", "SUBMITTED", "RETURNED", "CLOSED"];
const ROUND_TYPES: { type: InspectionType; label: string }[] = [
  { type: "ROUTINE", label: "党建工作日常督查" },
  { type: "SPOT_CHECK", label: "随机暗访抽查" },
  { type: "CONCENTRATED", label: "党建责任制落实集中检查" },
  { type: "DISCIPLINE", label: "纪律作风专项抽查" },
];
const INSPECTED_TYPES: OrgType[] = ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"];
const GROUP_SIZE = 3;

/** Finding texts per category (the ids the inspections migration made). */
const FINDING_TEXTS: Record<string, string[]> = {
  "fcat-political": ["贯彻落实上级重大决策部署跟进不及时，传达学习后缺少具体落实措施。", "“第一议题”制度执行不够严格，部分会议未安排学习内容。"],
  "fcat-theory": ["理论学习中心组学习计划未按年初要求制定，学习记录不完整。", "党员个人自学缺少学习笔记，学习效果不明显。"],
  "fcat-org-life": ["“三会一课”记录缺失，组织生活会召开不规范。", "主题党日活动形式单一，党员参与率不高。", "谈心谈话开展不经常，记录过于简单。"],
  "fcat-members": ["党员发展档案材料不齐全。", "党费收缴台账不规范，个别党员未按月交纳党费。"],
  "fcat-responsibility": ["党建工作责任清单未分解到各支部，责任人不明确。", "书记抓党建述职中问题查摆不深入，整改措施针对性不强。"],
  "fcat-conduct": ["落实中央八项规定精神监督检查不经常。", "联系服务群众渠道不畅，群众反映问题办理不及时。"],
  "fcat-discipline": ["廉政风险点排查不全面，防控措施落实不到位。", "警示教育开展次数不足。"],
  "fcat-integration": ["党建与业务工作结合不紧密，存在“两张皮”现象。"],
  "fcat-records": ["党建工作台账资料归档不及时，部分佐证材料缺失。", "会议记录、签到表等基础资料不完整。"],
  "fcat-other": ["支部阵地建设标准不高，党建宣传栏内容更新不及时。"],
};
const CATEGORIES = Object.keys(FINDING_TEXTS);
const MEASURES = "制定整改方案，明确责任人和完成时限，逐项整改并建立长效机制。";
const PROGRESS_TEXT = "已召开专题会议研究部署，整改工作按计划推进。";
const RETURN_TEXT = "整改佐证材料不充分，请补充制度文件和落实记录。";
const SUMMARY = "督查组通过查阅资料、个别谈话和实地查看等方式，对党建工作责任落实情况进行了督查。总体上责任意识较强，但仍存在以下问题。";
const RESPONSE = "已召开专题会议研究部署整改工作，制定整改方案，逐项明确责任人和完成时限。";

type People = { supervisors: string[]; inspectors: string[] };

type Counter = Record<string, number>;

type Plan = {
  rounds: RoundRow[];
  members: { roundId: string; userId: string; isLeader: boolean }[];
  draws: DrawRow[];
  reports: ReportRow[];
  inspectors: { reportId: string; userId: string }[];
  addenda: { id: string; reportId: string; text: string; createdById: string; at: Date }[];
  findings: FindingRow[];
  events: EventRow[];
  acceptances: AcceptanceRow[];
  escalations: EscalationRow[];
  evidence: EvidenceRow[];
  findingEvidence: { findingId: string; evidenceId: string; eventId: string | null; at: Date }[];
  audit: AuditRow[];
  notices: NoticeRow[];
};

type RoundRow = { id: string; title: string; type: InspectionType; unannounced: boolean; scopeOrgId: string; startsOn: Date; endsOn: Date; createdById: string; at: Date };
type DrawRow = { id: string; roundId: string; seed: string; rule: Prisma.InputJsonObject; pool: PoolEntry[]; picked: string[]; createdById: string; at: Date };
type ReportRow = {
  id: string;
  roundId: string;
  orgId: string;
  inspectedOn: Date;
  issuedAt: Date;
  issuedById: string;
  response: string | null;
  respondedAt: Date | null;
  respondedById: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
type FindingRow = {
  id: string;
  reportId: string;
  roundId: string;
  orgId: string;
  seq: number;
  description: string;
  categoryId: string;
  severity: FindingSeverity;
  dutyId: string | null;
  itemId: string | null;
  tag: FindingTag | null;
  state: RectificationState;
  measures: string | null;
  ownerId: string | null;
  deadline: Date;
  submittedAt: Date | null;
  submittedById: string | null;
  closedAt: Date | null;
  cycle: number;
  lastComment: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};
type EventRow = { id: string; findingId: string; kind: FindingEventKind; text: string | null; party: AcceptanceParty | null; actorId: string | null; at: Date };
type AcceptanceRow = { id: string; findingId: string; cycle: number; party: AcceptanceParty; acceptedById: string; at: Date };
type EscalationRow = { id: string; findingId: string; level: string; deadline: Date; daysOverdue: number; addressedOrgId: string; at: Date };

/** The state a finding has reached, by how long its report has been out (older ones are mostly closed). */
function stateFor(rng: Rng, age: number): RectificationState {
  if (age < 0.25) return rng.weighted({ OPEN: 0.45, IN_PROGRESS: 0.4, SUBMITTED: 0.1, RETURNED: 0.03, CLOSED: 0.02 });
  if (age < 0.6) return rng.weighted({ OPEN: 0.12, IN_PROGRESS: 0.38, SUBMITTED: 0.2, RETURNED: 0.08, CLOSED: 0.22 });
  return rng.weighted({ OPEN: 0.04, IN_PROGRESS: 0.12, SUBMITTED: 0.1, RETURNED: 0.06, CLOSED: 0.68 });
}

const tagOf = (drawn: FindingTag | "NONE"): FindingTag | null => (drawn === "NONE" ? null : drawn);

/** `size` distinct organizations, in a seeded order. */
function sampleOrgs(rng: Rng, candidates: readonly BenchOrg[], size: number): BenchOrg[] {
  const pool = [...candidates];
  const picked: BenchOrg[] = [];
  for (let i = 0; i < size && pool.length > 0; i++) {
    const j = rng.int(pool.length);
    picked.push(pool[j]!);
    pool[j] = pool[pool.length - 1]!;
    pool.pop();
  }
  return picked;
}

/** The organization `levels` above, never above the round's scope (the committee, at depth 0). */
function ancestorOf(org: BenchOrg, levels: number): string {
  const ids = org.path.split("/").filter(Boolean);
  return ids[Math.max(0, ids.length - 1 - levels)]!;
}

function planInspections(ctx: BenchContext, people: People, templates: readonly ItemTemplate[]): Plan {
  const rng = rngFor(ctx.seed, "inspections");
  const { shape, seed, asOf } = ctx;
  const plan: Plan = { rounds: [], members: [], draws: [], reports: [], inspectors: [], addenda: [], findings: [], events: [], acceptances: [], escalations: [], evidence: [], findingEvidence: [], audit: [], notices: [] };
  const n: Counter = {};
  const id = (kind: string) => benchId(seed, kind, (n[kind] = (n[kind] ?? 0) + 1), 7);
  const root = ctx.orgs[0]!;
  const candidates = ctx.orgs.filter((o) => INSPECTED_TYPES.includes(o.type));
  const byId = new Map(ctx.orgs.map((o) => [o.id, o]));
  const templatesOf = new Map<OrgType, ItemTemplate[]>();
  for (const t of templates) templatesOf.set(t.type, [...(templatesOf.get(t.type) ?? []), t]);
  const supervisor = people.supervisors[0]!;
  const firstStart = new Date(Date.UTC(ctx.year, 0, 20, 1, 0, 0));
  const span = asOf.getTime() - 35 * DAY_MS - firstStart.getTime();
  const audit = (action: string, entityType: string, entityId: string, orgId: string | null, actorId: string | null, at: Date, after?: object) =>
    plan.audit.push({ id: id("af"), action, entityType, entityId, orgId, actorId, at, after: after as AuditRow["after"] });
  let findingsLeft = shape.findings;

  for (let k = 0; k < shape.inspectionRounds; k++) {
    const kind = ROUND_TYPES[k % ROUND_TYPES.length]!;
    const startsOn = new Date(Date.UTC(ctx.year, 0, 20) + Math.floor((span * k) / shape.inspectionRounds / DAY_MS) * DAY_MS);
    const endsOn = addDays(startsOn, 10);
    const issuedAt = new Date(addDays(endsOn, 5).getTime() + 2 * 60 * 60 * 1000);
    const issuedDay = new Date(Date.UTC(issuedAt.getUTCFullYear(), issuedAt.getUTCMonth(), issuedAt.getUTCDate()));
    const deadline = addDays(issuedDay, RECTIFY_DAYS);
    const createdAt = addDays(startsOn, -7);
    const roundId = id("r");
    const group = Array.from({ length: Math.min(GROUP_SIZE, people.inspectors.length) }, (_, g) => people.inspectors[(k * GROUP_SIZE + g) % people.inspectors.length]!);
    const leader = group[0]!;
    plan.rounds.push({ id: roundId, title: `${ctx.year}年${kind.label}（第${k + 1}轮）`, type: kind.type, unannounced: kind.type === "SPOT_CHECK", scopeOrgId: root.id, startsOn, endsOn, createdById: supervisor, at: createdAt });
    group.forEach((userId, g) => plan.members.push({ roundId, userId, isLeader: g === 0 }));
    audit("round.create", "InspectionRound", roundId, root.id, supervisor, createdAt, { title: plan.rounds.at(-1)!.title, type: kind.type });

    const findingsHere = Math.floor(shape.findings / shape.inspectionRounds) + (k < shape.findings % shape.inspectionRounds ? 1 : 0);
    const size = Math.max(1, Math.min(candidates.length, findingsHere, Math.ceil(findingsHere / 3.5)));
    let inspected: BenchOrg[];
    if (kind.type === "SPOT_CHECK") {
      // A real draw, which verifyDraw can recompute from the stored record.
      const pool: PoolEntry[] = candidates.map((o) => ({ orgId: o.id, weight: 1 }));
      const drawSeed = Array.from({ length: 12 }, () => rng.int(16).toString(16)).join("");
      const picked = drawSample(pool, size, drawSeed);
      plan.draws.push({ id: id("dr"), roundId, seed: drawSeed, rule: { rootOrgId: root.id, orgTypes: INSPECTED_TYPES, size, weighting: "NONE" }, pool, picked, createdById: supervisor, at: createdAt });
      inspected = picked.map((orgId) => byId.get(orgId)!);
    } else {
      inspected = sampleOrgs(rng, candidates, size);
    }
    // Every report has a finding, the rest spread at random.
    const perReport = inspected.map(() => 1);
    for (let extra = findingsHere - inspected.length; extra > 0; extra--) perReport[rng.int(perReport.length)]! += 1;
    const age = (asOf.getTime() - issuedAt.getTime()) / (asOf.getTime() - firstStart.getTime());

    inspected.forEach((org, r) => {
      const reportId = id("rp");
      const secretary = secretaryIdOf(org.id);
      const responded = rng.chance(Math.min(0.9, age + 0.2));
      const respondedAt = responded ? new Date(Math.min(issuedAt.getTime() + 7 * DAY_MS, asOf.getTime() - 3600_000)) : null;
      const count = perReport[r]!;
      plan.reports.push({
        id: reportId,
        roundId,
        orgId: org.id,
        inspectedOn: addDays(startsOn, rng.int(10)),
        issuedAt,
        issuedById: leader,
        response: responded ? RESPONSE : null,
        respondedAt,
        respondedById: responded ? secretary : null,
        version: 2 + count + (responded ? 1 : 0),
        createdAt,
        updatedAt: respondedAt ?? issuedAt,
      });
      for (const userId of group) plan.inspectors.push({ reportId, userId });
      audit("report.issue", "InspectionReport", reportId, org.id, leader, issuedAt, { issuedAt: issuedAt.toISOString(), deadline: deadline.toISOString().slice(0, 10), findings: count });
      if (responded) audit("report.respond", "InspectionReport", reportId, org.id, secretary, respondedAt!, { response: RESPONSE });
      plan.notices.push({ id: id("nrp"), userId: secretary, kind: "REPORT_ISSUED", reportId, actorId: leader, readAt: rng.chance(0.7) ? addDays(issuedAt, 1) : null, at: issuedAt });
      if (rng.chance(0.02)) plan.addenda.push({ id: id("ra"), reportId, text: "经核实，报告第一项问题所涉时间更正为上半年。", createdById: leader, at: new Date(Math.min(addDays(issuedAt, 3).getTime(), asOf.getTime())) });

      for (let seq = 1; seq <= count && findingsLeft > 0; seq++, findingsLeft--) {
        const index = shape.findings - findingsLeft;
        // The first findings take each state once, so that a small tier has them all.
        const state = index < STATES.length ? STATES[index]! : stateFor(rng, age);
        addFinding(plan, { id, rng, audit }, { org, reportId, roundId, seq, state, issuedAt, deadline, asOf, leader, supervisor, group, templates: templatesOf.get(org.type) ?? [], createdAt: addDays(issuedAt, -2) });
      }
    });
  }
  return plan;
}

type FindingInput = {
  org: BenchOrg;
  reportId: string;
  roundId: string;
  seq: number;
  state: RectificationState;
  issuedAt: Date;
  deadline: Date;
  asOf: Date;
  leader: string;
  supervisor: string;
  group: string[];
  templates: readonly ItemTemplate[];
  createdAt: Date;
};

type Tools = { id: (kind: string) => string; rng: Rng; audit: (action: string, entityType: string, entityId: string, orgId: string | null, actorId: string | null, at: Date, after?: object) => void };

/** One finding and the trail of its rectification up to its state. */
function addFinding(plan: Plan, { id, rng, audit }: Tools, f: FindingInput): void {
  const findingId = id("fd");
  const owner = secretaryIdOf(f.org.id);
  const categoryId = rng.pick(CATEGORIES);
  const template = f.templates.length > 0 && rng.chance(0.2) ? rng.pick(f.templates) : null;
  // Steps fall between the issue and the generator's day, in order.
  const span = f.asOf.getTime() - f.issuedAt.getTime();
  const at = (share: number) => new Date(f.issuedAt.getTime() + Math.floor(span * share));
  const worked = f.state !== "OPEN";
  const submitted = f.state === "SUBMITTED" || f.state === "RETURNED" || f.state === "CLOSED";
  const returnedBefore = f.state === "RETURNED" || (f.state === "CLOSED" && rng.chance(0.1));
  const cycle = returnedBefore ? 2 : 1;
  const times = { save: at(0.1 + rng.next() * 0.1), progress: at(0.25 + rng.next() * 0.1), submit: at(0.45 + rng.next() * 0.05), back: at(0.55 + rng.next() * 0.05), resubmit: at(0.65 + rng.next() * 0.05), group: at(0.75 + rng.next() * 0.05), committee: at(0.85 + rng.next() * 0.05) };
  const lastSubmit = f.state === "CLOSED" && returnedBefore ? times.resubmit : times.submit;
  const event = (kind: FindingEventKind, when: Date, actorId: string, text: string | null = null, party: AcceptanceParty | null = null) => {
    const eventId = id("fe");
    plan.events.push({ id: eventId, findingId, kind, text, party, actorId, at: when });
    return eventId;
  };
  const description = rng.pick(FINDING_TEXTS[categoryId]!);
  audit("finding.create", "Finding", findingId, f.org.id, f.leader, f.createdAt, { seq: f.seq, description, categoryId });
  let version = 2; // made in the draft, then the report's issue set its deadline
  let updatedAt = f.issuedAt;
  const step = (action: string, when: Date, actorId: string, after: object) => {
    audit(action, "Finding", findingId, f.org.id, actorId, when, after);
    version += 1;
    updatedAt = when;
  };
  if (worked) {
    step("rectification.save", times.save, owner, { measures: MEASURES, ownerId: owner });
    const progressId = event("PROGRESS", times.progress, owner, PROGRESS_TEXT);
    step("rectification.progress", times.progress, owner, { text: PROGRESS_TEXT });
    if (rng.chance(0.5)) {
      const evidenceId = id("fev");
      plan.evidence.push({ id: evidenceId, orgId: f.org.id, kind: "TEXT", title: "整改落实情况说明", text: "已完成整改，相关制度文件和会议记录已归档。", createdById: owner, at: times.progress });
      plan.findingEvidence.push({ findingId, evidenceId, eventId: progressId, at: times.progress });
    }
  }
  if (submitted) {
    event("SUBMITTED", times.submit, owner);
    step("rectification.submit", times.submit, owner, { state: "SUBMITTED" });
    plan.notices.push({ id: id("nfs"), userId: f.supervisor, kind: "FINDING_SUBMITTED", findingId, actorId: owner, readAt: f.state === "SUBMITTED" ? null : times.back, at: times.submit });
  }
  if (returnedBefore) {
    event("RETURNED", times.back, f.leader, RETURN_TEXT);
    step("rectification.return", times.back, f.leader, { state: "RETURNED", comment: RETURN_TEXT });
    plan.notices.push({ id: id("nfr"), userId: owner, kind: "FINDING_RETURNED", findingId, actorId: f.leader, payload: { comment: RETURN_TEXT }, readAt: rng.chance(0.5) ? times.resubmit : null, at: times.back });
    if (f.state === "CLOSED") {
      event("SUBMITTED", times.resubmit, owner);
      step("rectification.submit", times.resubmit, owner, { state: "SUBMITTED" });
    }
  }
  const accept = (party: AcceptanceParty, when: Date, actorId: string) => {
    plan.acceptances.push({ id: id("fa"), findingId, cycle, party, acceptedById: actorId, at: when });
    event("ACCEPTED", when, actorId, null, party);
    step("rectification.accept", when, actorId, { party, cycle });
  };
  if (f.state === "CLOSED" || (f.state === "SUBMITTED" && rng.chance(0.5))) accept("GROUP", times.group, f.leader);
  if (f.state === "CLOSED") {
    accept("COMMITTEE", times.committee, f.supervisor);
    event("CLOSED", times.committee, f.supervisor);
    plan.notices.push({ id: id("nfc"), userId: owner, kind: "FINDING_CLOSED", findingId, actorId: f.supervisor, readAt: addDays(times.committee, 1) < f.asOf ? addDays(times.committee, 1) : null, at: times.committee });
  }
  // Escalations for a finding still open past its deadline, as escalate.ts raises them.
  const isOpen = f.state === "OPEN" || f.state === "IN_PROGRESS" || f.state === "RETURNED";
  const daysOverdue = Math.floor((f.asOf.getTime() - f.deadline.getTime()) / DAY_MS);
  if (isOpen) {
    for (const e of ESCALATIONS) {
      if (daysOverdue < e.days) break;
      plan.escalations.push({ id: id("fx"), findingId, level: e.level, deadline: f.deadline, daysOverdue: e.days, addressedOrgId: ancestorOf(f.org, e.levelsUp), at: new Date(f.deadline.getTime() + e.days * DAY_MS + 3600_000) });
    }
  }
  plan.findings.push({
    id: findingId,
    reportId: f.reportId,
    roundId: f.roundId,
    orgId: f.org.id,
    seq: f.seq,
    description,
    categoryId,
    severity: rng.weighted({ LOW: 0.6, MEDIUM: 0.3, HIGH: 0.1 }),
    dutyId: template?.dutyId ?? null,
    itemId: template ? itemIdOf(f.org.id, template.k) : null,
    tag: tagOf(rng.weighted({ COMMON: 0.3, INDIVIDUAL: 0.5, NONE: 0.2 })),
    state: f.state,
    measures: worked ? MEASURES : null,
    ownerId: worked ? owner : null,
    deadline: f.deadline,
    submittedAt: submitted ? lastSubmit : null,
    submittedById: submitted ? owner : null,
    closedAt: f.state === "CLOSED" ? times.committee : null,
    cycle,
    lastComment: returnedBefore ? RETURN_TEXT : null,
    version,
    createdAt: f.createdAt,
    updatedAt,
  });
}

const ROUND_TABLE: Table<RoundRow> = {
  name: "InspectionRound",
  columns: [
    ["id", "text", (r) => r.id],
    ["title", "text", (r) => r.title],
    ["type", "InspectionType", (r) => r.type],
    ["unannounced", "bool", (r) => r.unannounced],
    ["scopeOrgId", "text", (r) => r.scopeOrgId],
    ["startsOn", "date", (r) => r.startsOn],
    ["endsOn", "date", (r) => r.endsOn],
    ["createdById", "text", (r) => r.createdById],
    ["createdAt", "timestamp", (r) => r.at],
    ["updatedAt", "timestamp", (r) => r.at],
  ],
};
const MEMBER_TABLE: Table<Plan["members"][number]> = {
  name: "InspectionMember",
  columns: [
    ["roundId", "text", (r) => r.roundId],
    ["userId", "text", (r) => r.userId],
    ["isLeader", "bool", (r) => r.isLeader],
  ],
};
const DRAW_TABLE: Table<DrawRow> = {
  name: "InspectionDraw",
  columns: [
    ["id", "text", (r) => r.id],
    ["roundId", "text", (r) => r.roundId],
    ["seed", "text", (r) => r.seed],
    ["rule", "jsonb", (r) => r.rule],
    ["pool", "jsonb", (r) => r.pool],
    ["picked", "jsonb", (r) => r.picked],
    ["createdById", "text", (r) => r.createdById],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};
const REPORT_TABLE: Table<ReportRow> = {
  name: "InspectionReport",
  columns: [
    ["id", "text", (r) => r.id],
    ["roundId", "text", (r) => r.roundId],
    ["orgId", "text", (r) => r.orgId],
    ["status", "ReportStatus", () => "ISSUED"],
    ["summary", "text", () => SUMMARY],
    ["inspectedOn", "date", (r) => r.inspectedOn],
    ["issuedAt", "timestamp", (r) => r.issuedAt],
    ["issuedById", "text", (r) => r.issuedById],
    ["response", "text", (r) => r.response],
    ["respondedAt", "timestamp", (r) => r.respondedAt],
    ["respondedById", "text", (r) => r.respondedById],
    ["version", "int", (r) => r.version],
    ["createdAt", "timestamp", (r) => r.createdAt],
    ["updatedAt", "timestamp", (r) => r.updatedAt],
  ],
};
const REPORT_INSPECTOR_TABLE: Table<Plan["inspectors"][number]> = {
  name: "ReportInspector",
  columns: [
    ["reportId", "text", (r) => r.reportId],
    ["userId", "text", (r) => r.userId],
  ],
};
const ADDENDUM_TABLE: Table<Plan["addenda"][number]> = {
  name: "ReportAddendum",
  columns: [
    ["id", "text", (r) => r.id],
    ["reportId", "text", (r) => r.reportId],
    ["text", "text", (r) => r.text],
    ["createdById", "text", (r) => r.createdById],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};
const FINDING_TABLE: Table<FindingRow> = {
  name: "Finding",
  columns: [
    ["id", "text", (r) => r.id],
    ["reportId", "text", (r) => r.reportId],
    ["roundId", "text", (r) => r.roundId],
    ["orgId", "text", (r) => r.orgId],
    ["seq", "int", (r) => r.seq],
    ["description", "text", (r) => r.description],
    ["categoryId", "text", (r) => r.categoryId],
    ["severity", "FindingSeverity", (r) => r.severity],
    ["dutyId", "text", (r) => r.dutyId],
    ["itemId", "text", (r) => r.itemId],
    ["tag", "FindingTag", (r) => r.tag],
    ["state", "RectificationState", (r) => r.state],
    ["measures", "text", (r) => r.measures],
    ["ownerId", "text", (r) => r.ownerId],
    ["deadline", "date", (r) => r.deadline],
    ["submittedAt", "timestamp", (r) => r.submittedAt],
    ["submittedById", "text", (r) => r.submittedById],
    ["closedAt", "timestamp", (r) => r.closedAt],
    ["cycle", "int", (r) => r.cycle],
    ["lastComment", "text", (r) => r.lastComment],
    ["version", "int", (r) => r.version],
    ["createdAt", "timestamp", (r) => r.createdAt],
    ["updatedAt", "timestamp", (r) => r.updatedAt],
  ],
};
const EVENT_TABLE: Table<EventRow> = {
  name: "FindingEvent",
  columns: [
    ["id", "text", (r) => r.id],
    ["findingId", "text", (r) => r.findingId],
    ["kind", "FindingEventKind", (r) => r.kind],
    ["text", "text", (r) => r.text],
    ["party", "AcceptanceParty", (r) => r.party],
    ["actorId", "text", (r) => r.actorId],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};
const ACCEPTANCE_TABLE: Table<AcceptanceRow> = {
  name: "FindingAcceptance",
  columns: [
    ["id", "text", (r) => r.id],
    ["findingId", "text", (r) => r.findingId],
    ["cycle", "int", (r) => r.cycle],
    ["party", "AcceptanceParty", (r) => r.party],
    ["acceptedById", "text", (r) => r.acceptedById],
    ["acceptedAt", "timestamp", (r) => r.at],
  ],
};
const ESCALATION_TABLE: Table<EscalationRow> = {
  name: "FindingEscalation",
  columns: [
    ["id", "text", (r) => r.id],
    ["findingId", "text", (r) => r.findingId],
    ["level", "EscalationLevel", (r) => r.level],
    ["deadline", "date", (r) => r.deadline],
    ["daysOverdue", "int", (r) => r.daysOverdue],
    ["addressedOrgId", "text", (r) => r.addressedOrgId],
    ["createdAt", "timestamp", (r) => r.at],
  ],
};
const FINDING_EVIDENCE_TABLE: Table<Plan["findingEvidence"][number]> = {
  name: "FindingEvidence",
  columns: [
    ["findingId", "text", (r) => r.findingId],
    ["evidenceId", "text", (r) => r.evidenceId],
    ["eventId", "text", (r) => r.eventId],
    ["attachedAt", "timestamp", (r) => r.at],
  ],
};

export type InspectionCounts = { rounds: number; reports: number; findings: number };

export async function generateInspections(ctx: BenchContext, people: People, templates: readonly ItemTemplate[]): Promise<InspectionCounts> {
  const plan = planInspections(ctx, people, templates);
  const stage = { name: "inspections", done: 0, total: Object.values(plan).reduce((sum: number, rows: unknown[]) => sum + rows.length, 0) };
  const put = <R>(table: Table<R>, rows: readonly R[], perTransaction?: number) => insertAll(ctx, stage, table, rows, perTransaction);
  await put(ROUND_TABLE, plan.rounds);
  await put(MEMBER_TABLE, plan.members);
  // A draw carries its whole pool (every candidate organization): one per statement.
  await put(DRAW_TABLE, plan.draws, 1);
  await put(REPORT_TABLE, plan.reports);
  await put(REPORT_INSPECTOR_TABLE, plan.inspectors);
  await put(ADDENDUM_TABLE, plan.addenda);
  await put(FINDING_TABLE, plan.findings);
  await put(EVENT_TABLE, plan.events);
  await put(ACCEPTANCE_TABLE, plan.acceptances);
  await put(ESCALATION_TABLE, plan.escalations);
  await put(EVIDENCE_TABLE, plan.evidence);
  await put(FINDING_EVIDENCE_TABLE, plan.findingEvidence);
  await put(AUDIT_TABLE, plan.audit);
  await put(NOTICE_TABLE, plan.notices);
  return { rounds: plan.rounds.length, reports: plan.reports.length, findings: plan.findings.length };
}
