import type { FindingSeverity, ProjectOutcome, RectificationState } from "@/lib/generated/prisma/enums";

/**
 * The first draft of a secretary's yearly report (述职报告), written from
 * the ledger in the order Shaanxi asks for: rectification first (every
 * finding of the year and how it was rectified), then the duties done and
 * not done with their evidence, the secretary's projects as registered
 * (milestones, latest progress, the committee's review), and the problems
 * that remain. The secretary edits it from there; the draft only spares
 * them copying the ledger out by hand.
 */

export type ReportFinding = {
  /** Where the finding was made: the inspection round's title. */
  round: string;
  org: string;
  description: string;
  severity: FindingSeverity;
  state: RectificationState;
  measures: string | null;
  /** Beijing days, YYYY-MM-DD. */
  deadline: string | null;
  closedOn: string | null;
};

/** One duty's items of the year across the unit's subtree. */
export type ReportDuty = { title: string; done: number; of: number; evidence: number; overdue: number };

/** A secretary's project of the year (书记项目): its milestones as planned and reached, its latest progress and the committee's review. */
export type ReportProject = {
  title: string;
  goal: string;
  business: string;
  /** Beijing days, YYYY-MM-DD. */
  milestones: { title: string; dueOn: string; doneOn: string | null }[];
  lastProgress: { quarter: number; text: string } | null;
  outcome: ProjectOutcome | null;
  review: string | null;
};

export type ReportFacts = { unit: string; year: number; findings: ReportFinding[]; duties: ReportDuty[]; projects: ReportProject[] };

export type ReportLanguage = "zh" | "en";

const WORDS = {
  zh: {
    title: (f: ReportFacts) => `${f.unit}${f.year}年度抓党建工作述职报告`,
    rectification: "一、问题整改情况",
    findingsSummary: (n: number, closed: number, open: number) => `本年度督查检查共发现问题 ${n} 个，已整改销号 ${closed} 个，尚未销号 ${open} 个。`,
    noFindings: "本年度督查检查未发现问题。",
    severity: { LOW: "一般", MEDIUM: "较重", HIGH: "严重" } as Record<FindingSeverity, string>,
    finding: (f: ReportFinding) => `【${WORDS.zh.severity[f.severity]}】${f.description}（${f.round}，${f.org}）`,
    measures: (m: string | null) => `整改措施：${m ?? "尚未填写。"}`,
    closed: (day: string | null) => `整改情况：已于 ${day ?? "—"} 整改销号。`,
    open: (deadline: string | null) => `整改情况：正在整改${deadline ? `，整改期限 ${deadline}` : ""}。`,
    duties: "二、履行职责情况",
    dutiesSummary: (done: number, of: number) => `本年度承担职责任务 ${of} 项次，已完成 ${done} 项次。`,
    noDuties: "本年度没有分解下达的职责任务。",
    done: "（一）已完成的职责",
    notDone: "（二）未完成的职责",
    noneDone: "无。",
    allDone: "全部完成。",
    dutyDone: (d: ReportDuty) => `${d.title}：完成 ${d.done}/${d.of} 项次，佐证材料 ${d.evidence} 份。`,
    dutyOpen: (d: ReportDuty) => `${d.title}：尚有 ${d.of - d.done} 项次未完成${d.overdue > 0 ? `，其中 ${d.overdue} 项次已超期` : ""}。`,
    project: "三、书记抓党建项目推进情况",
    projectHint: "（请填写本年度书记抓党建项目的推进情况和成效。）",
    noProject: "本年度未登记书记抓党建项目。",
    projectLine: (p: ReportProject) => `${p.title}：${p.goal}（服务${p.business}）`,
    milestones: (p: ReportProject) =>
      `项目节点完成 ${p.milestones.filter((m) => m.doneOn).length}/${p.milestones.length} 个：${p.milestones
        .map((m) => `${m.title}（计划 ${m.dueOn}，${m.doneOn ? `${m.doneOn} 完成` : "未完成"}）`)
        .join("；")}。`,
    progress: (q: { quarter: number; text: string }) => `最新进展（第${q.quarter}季度）：${q.text}`,
    outcome: { DONE: "完成", PARTLY: "部分完成", NOT_DONE: "未完成" } as Record<ProjectOutcome, string>,
    review: (p: ReportProject) => (p.outcome ? `年终评价：${WORDS.zh.outcome[p.outcome]}。${p.review ?? ""}` : "年终评价：尚未评价。"),
    remaining: "四、存在的问题和下一步打算",
    openFindings: (n: number) => `尚有 ${n} 个问题未整改销号，须按期完成整改。`,
    openDuties: (n: number) => `尚有 ${n} 项次职责任务未完成。`,
    remainingHint: "（请补充存在的问题、原因分析和下一步打算。）",
  },
  en: {
    title: (f: ReportFacts) => `${f.unit}: report on party building in ${f.year}`,
    rectification: "1. Rectification",
    findingsSummary: (n: number, closed: number, open: number) => `Inspections found ${n} problems this year: ${closed} closed out, ${open} not yet.`,
    noFindings: "Inspections found no problem this year.",
    severity: { LOW: "minor", MEDIUM: "moderate", HIGH: "serious" } as Record<FindingSeverity, string>,
    finding: (f: ReportFinding) => `[${WORDS.en.severity[f.severity]}] ${f.description} (${f.round}, ${f.org})`,
    measures: (m: string | null) => `Measures: ${m ?? "not given yet."}`,
    closed: (day: string | null) => `Closed out on ${day ?? "—"}.`,
    open: (deadline: string | null) => `Being rectified${deadline ? `, due ${deadline}` : ""}.`,
    duties: "2. Duties performed",
    dutiesSummary: (done: number, of: number) => `${done} of the year's ${of} duty items are done.`,
    noDuties: "No duty was assigned this year.",
    done: "2.1 Duties done",
    notDone: "2.2 Duties not done",
    noneDone: "None.",
    allDone: "All done.",
    dutyDone: (d: ReportDuty) => `${d.title}: ${d.done} of ${d.of} done, ${d.evidence} pieces of evidence.`,
    dutyOpen: (d: ReportDuty) => `${d.title}: ${d.of - d.done} not done${d.overdue > 0 ? `, ${d.overdue} of them overdue` : ""}.`,
    project: "3. The secretary's project",
    projectHint: "(Describe the progress and results of this year's secretary's project.)",
    noProject: "No secretary's project was registered this year.",
    projectLine: (p: ReportProject) => `${p.title}: ${p.goal} (serving ${p.business})`,
    milestones: (p: ReportProject) =>
      `Milestones reached: ${p.milestones.filter((m) => m.doneOn).length} of ${p.milestones.length}: ${p.milestones
        .map((m) => `${m.title} (planned ${m.dueOn}, ${m.doneOn ? `reached ${m.doneOn}` : "not reached"})`)
        .join("; ")}.`,
    progress: (q: { quarter: number; text: string }) => `Latest progress (Q${q.quarter}): ${q.text}`,
    outcome: { DONE: "done", PARTLY: "partly done", NOT_DONE: "not done" } as Record<ProjectOutcome, string>,
    review: (p: ReportProject) => (p.outcome ? `Year-end review: ${WORDS.en.outcome[p.outcome]}. ${p.review ?? ""}`.trim() : "Year-end review: not yet reviewed."),
    remaining: "4. Problems remaining and next steps",
    openFindings: (n: number) => `${n} problems are not closed out yet and must be rectified in time.`,
    openDuties: (n: number) => `${n} duty items are not done.`,
    remainingHint: "(Add the problems, their causes and the next steps.)",
  },
};

/** The draft, as plain text: a title, four numbered sections, a blank line between paragraphs. */
export function draftReport(facts: ReportFacts, language: ReportLanguage = "zh"): string {
  const w = WORDS[language];
  const numbered = (lines: string[]) => lines.map((line, i) => `${i + 1}. ${line}`);
  const closed = facts.findings.filter((f) => f.state === "CLOSED");
  const open = facts.findings.filter((f) => f.state !== "CLOSED");
  // Rectification first; the findings still open first among them, the most serious first.
  const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as const;
  const findings = [...open, ...closed].sort((a, b) => Number(a.state === "CLOSED") - Number(b.state === "CLOSED") || rank[a.severity] - rank[b.severity]);
  const done = facts.duties.filter((d) => d.done > 0);
  const notDone = facts.duties.filter((d) => d.done < d.of);
  const itemsDone = facts.duties.reduce((sum, d) => sum + d.done, 0);
  const itemsOf = facts.duties.reduce((sum, d) => sum + d.of, 0);

  const paragraphs: string[] = [
    w.title(facts),
    w.rectification,
    facts.findings.length === 0 ? w.noFindings : w.findingsSummary(facts.findings.length, closed.length, open.length),
    ...numbered(findings.map((f) => [w.finding(f), w.measures(f.measures), f.state === "CLOSED" ? w.closed(f.closedOn) : w.open(f.deadline)].join("\n"))),
    w.duties,
    itemsOf === 0 ? w.noDuties : w.dutiesSummary(itemsDone, itemsOf),
    ...(itemsOf === 0
      ? []
      : [w.done, ...(done.length === 0 ? [w.noneDone] : numbered(done.map(w.dutyDone))), w.notDone, ...(notDone.length === 0 ? [w.allDone] : numbered(notDone.map(w.dutyOpen)))]),
    w.project,
    ...(facts.projects.length === 0
      ? [w.noProject]
      : numbered(facts.projects.map((p) => [w.projectLine(p), w.milestones(p), ...(p.lastProgress ? [w.progress(p.lastProgress)] : []), w.review(p)].join("\n")))),
    w.projectHint,
    w.remaining,
    ...numbered([...(open.length > 0 ? [w.openFindings(open.length)] : []), ...(itemsDone < itemsOf ? [w.openDuties(itemsOf - itemsDone)] : [])]),
    w.remainingHint,
  ];
  return paragraphs.join("\n\n");
}
