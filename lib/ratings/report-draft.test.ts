import { describe, expect, it } from "vitest";
import { draftReport, type ReportFacts, type ReportFinding } from "@/lib/ratings/report-draft";

const finding = (description: string, more: Partial<ReportFinding> = {}): ReportFinding => ({
  round: "2026年第一季度专项督查",
  org: "第一党支部",
  description,
  severity: "LOW",
  state: "OPEN",
  measures: null,
  deadline: "2026-06-30",
  closedOn: null,
  ...more,
});

const facts: ReportFacts = {
  unit: "省财政厅党组",
  year: 2026,
  findings: [
    finding("三会一课记录不全", { state: "CLOSED", measures: "补齐记录，建立台账", closedOn: "2026-04-02" }),
    finding("主题党日流于形式"),
    finding("违规发放津贴", { severity: "HIGH", state: "IN_PROGRESS", measures: "全额追回" }),
  ],
  duties: [
    { title: "召开党组会议研究党建工作", done: 4, of: 4, evidence: 4, overdue: 0 },
    { title: "开展谈心谈话", done: 1, of: 3, evidence: 0, overdue: 1 },
    { title: "讲党课", done: 0, of: 1, evidence: 0, overdue: 0 },
  ],
  projects: [
    {
      title: "党建引领财政数字化改革",
      goal: "建成预算一体化系统党员先锋岗",
      business: "预算管理一体化改革",
      milestones: [
        { title: "制定方案", dueOn: "2026-03-31", doneOn: "2026-03-20" },
        { title: "系统上线", dueOn: "2026-09-30", doneOn: null },
      ],
      lastProgress: { quarter: 3, text: "完成系统联调" },
      outcome: "PARTLY",
      review: "上线推迟，需加快。",
    },
    { title: "机关党支部标准化建设", goal: "各支部达标", business: "机关作风建设", milestones: [{ title: "自查", dueOn: "2026-06-30", doneOn: null }], lastProgress: null, outcome: null, review: null },
  ],
};

describe("the draft of a yearly report", () => {
  it("puts rectification first: the open findings, most serious first, then those closed, each with its measures", () => {
    const text = draftReport(facts);
    const at = (s: string) => text.indexOf(s);
    expect(text.startsWith("省财政厅党组2026年度抓党建工作述职报告\n\n一、问题整改情况\n\n本年度督查检查共发现问题 3 个，已整改销号 1 个，尚未销号 2 个。")).toBe(true);
    expect(text).toContain("1. 【严重】违规发放津贴（2026年第一季度专项督查，第一党支部）\n整改措施：全额追回\n整改情况：正在整改，整改期限 2026-06-30。");
    expect(text).toContain("2. 【一般】主题党日流于形式（2026年第一季度专项督查，第一党支部）\n整改措施：尚未填写。");
    expect(text).toContain("3. 【一般】三会一课记录不全（2026年第一季度专项督查，第一党支部）\n整改措施：补齐记录，建立台账\n整改情况：已于 2026-04-02 整改销号。");
    // The sections in Shaanxi's order.
    const sections = ["一、问题整改情况", "二、履行职责情况", "三、书记抓党建项目推进情况", "四、存在的问题和下一步打算"].map(at);
    expect(sections.every((i) => i > 0)).toBe(true);
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    expect(at("违规发放津贴")).toBeLessThan(at("二、履行职责情况"));
  });

  it("lists the duties done with their evidence and those not done with what is overdue, and sums up what remains", () => {
    const text = draftReport(facts);
    expect(text).toContain("本年度承担职责任务 8 项次，已完成 5 项次。");
    expect(text).toContain("（一）已完成的职责\n\n1. 召开党组会议研究党建工作：完成 4/4 项次，佐证材料 4 份。\n\n2. 开展谈心谈话：完成 1/3 项次，佐证材料 0 份。");
    expect(text).toContain("（二）未完成的职责\n\n1. 开展谈心谈话：尚有 2 项次未完成，其中 1 项次已超期。\n\n2. 讲党课：尚有 1 项次未完成。");
    expect(text).toContain("四、存在的问题和下一步打算\n\n1. 尚有 2 个问题未整改销号，须按期完成整改。\n\n2. 尚有 3 项次职责任务未完成。");
  });

  it("tells each secretary's project: its goal, the milestones planned and reached, the latest progress and the committee's review", () => {
    const text = draftReport(facts);
    const section = text.slice(text.indexOf("三、书记抓党建项目推进情况"), text.indexOf("四、存在的问题和下一步打算"));
    expect(section).toContain(
      "1. 党建引领财政数字化改革：建成预算一体化系统党员先锋岗（服务预算管理一体化改革）\n项目节点完成 1/2 个：制定方案（计划 2026-03-31，2026-03-20 完成）；系统上线（计划 2026-09-30，未完成）。\n最新进展（第3季度）：完成系统联调\n年终评价：部分完成。上线推迟，需加快。",
    );
    expect(section).toContain("2. 机关党支部标准化建设：各支部达标（服务机关作风建设）\n项目节点完成 0/1 个：自查（计划 2026-06-30，未完成）。\n年终评价：尚未评价。");
    expect(draftReport(facts, "en")).toContain("Year-end review: partly done. 上线推迟，需加快。");
  });

  it("says so when there was no finding, no duty and no project, and writes English on request", () => {
    const empty = draftReport({ unit: "省财政厅党组", year: 2026, findings: [], duties: [], projects: [] });
    expect(empty).toContain("三、书记抓党建项目推进情况\n\n本年度未登记书记抓党建项目。");
    expect(empty).toContain("本年度督查检查未发现问题。");
    expect(empty).toContain("本年度没有分解下达的职责任务。");
    expect(empty).not.toContain("（一）已完成的职责");
    const english = draftReport(facts, "en");
    expect(english.startsWith("省财政厅党组: report on party building in 2026\n\n1. Rectification")).toBe(true);
    expect(english).toContain("1. [serious] 违规发放津贴");
  });
});
