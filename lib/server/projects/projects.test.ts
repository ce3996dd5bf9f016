import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { DomainError, NotFoundError } from "@/lib/server/errors";
import { addProjectProgress, getProject, listProjects, markMilestone, registerProject, reviewProject, updateProject, writeProjectWorkbook } from "@/lib/server/projects/projects";
import { draftFromLedger } from "@/lib/server/ratings/year-reports";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { firstSheetRows, zhTranslator } from "@/lib/test/workbooks";
import type { TRegisterProject } from "@/lib/validation/projects";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("projects");
  // Without the demo's projects: every project below is made by the test.
  await prisma.secretaryProject.deleteMany();
});
afterAll(() => drop());

// TEST_NOW is 2026-11-25: a milestone of 2026-11-20 not reached is red, one of 2026-12-01 yellow (10 days), one of 2026-12-10 green (20).
function projectInput(orgId: string, more: Partial<TRegisterProject> = {}): TRegisterProject {
  return {
    orgId,
    year: 2026,
    title: "党建引领营商环境优化",
    goal: "建成“党员先锋岗”服务窗口",
    business: "优化营商环境",
    milestones: [
      { title: "制定实施方案", dueOn: "2026-03-31" },
      { title: "窗口挂牌运行", dueOn: "2026-11-20" },
      { title: "总结评估", dueOn: "2026-12-10" },
    ],
    ...more,
  };
}

describe("secretary projects", () => {
  it("are registered by the organization's own secretary, for this year or the next, two at most, milestones within the year", async () => {
    const [secretary, staff, supervisor, u01, u02] = await Promise.all([actorFor("u01-secretary"), actorFor("u01-staff"), actorFor("supervisor"), orgId("U01"), orgId("U02")]);
    for (const outsider of [staff, supervisor]) {
      await expect(registerProject(outsider, projectInput(u01), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(registerProject(secretary, projectInput(u02), TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(registerProject(secretary, projectInput(u01, { year: 2025 }), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { year: ["projectYear"] } });
    await expect(registerProject(secretary, projectInput(u01, { milestones: [{ title: "跨年", dueOn: "2027-01-10" }] }), TEST_NOW)).rejects.toMatchObject({
      fieldErrors: { "milestones.0.dueOn": ["milestoneOutsideYear"] },
    });
    expect(await prisma.secretaryProject.count()).toBe(0);

    await registerProject(secretary, projectInput(u01), TEST_NOW);
    await registerProject(secretary, projectInput(u01, { title: "支部标准化建设" }), TEST_NOW);
    await expect(registerProject(secretary, projectInput(u01, { title: "第三个" }), TEST_NOW)).rejects.toMatchObject({ fieldErrors: { year: ["tooManyProjects"] } });
    // Next year's count is its own.
    await registerProject(secretary, projectInput(u01, { year: 2027, milestones: [{ title: "启动", dueOn: "2027-03-31" }] }), TEST_NOW);
    expect(await prisma.secretaryProject.count({ where: { orgId: u01 } })).toBe(3);
    expect(await prisma.auditLog.count({ where: { entityType: "SecretaryProject", action: "project.register" } })).toBe(3);
  });

  it("takes its colour from the next milestone not reached, red first, and counts the colours", async () => {
    const [secretary, supervisor] = await Promise.all([actorFor("u01-secretary"), actorFor("supervisor")]);
    let list = await listProjects(supervisor, { year: 2026 }, TEST_NOW);
    // Both projects: the first milestone (March) not reached yet, so both red.
    expect(list.rows.map((r) => [r.title, r.warning?.colour, r.milestones])).toEqual([
      ["党建引领营商环境优化", "red", { done: 0, total: 3 }],
      ["支部标准化建设", "red", { done: 0, total: 3 }],
    ]);
    expect(list.counts).toEqual({ red: 2, yellow: 0, green: 0 });

    // The first project reaches March's and November's milestones: its next is December 10th, green.
    const first = list.rows[0]!;
    let project = await getProject(secretary, first.id, TEST_NOW);
    expect(project.canKeep).toBe(true);
    expect(project.canReview).toBe(false);
    let version = project.version;
    for (const m of project.milestones.slice(0, 2)) {
      version = (await markMilestone(secretary, { projectId: first.id, milestoneId: m.id, expectedVersion: version, doneOn: "2026-11-24" }, TEST_NOW)).to;
    }
    await expect(markMilestone(secretary, { projectId: first.id, milestoneId: project.milestones[2]!.id, expectedVersion: version, doneOn: "2026-11-26" }, TEST_NOW)).rejects.toMatchObject({
      fieldErrors: { doneOn: ["doneInFuture"] },
    });
    list = await listProjects(supervisor, { year: 2026 }, TEST_NOW);
    expect(list.rows.map((r) => [r.title, r.warning?.colour ?? null])).toEqual([
      ["支部标准化建设", "red"],
      ["党建引领营商环境优化", "green"],
    ]);
    expect(list.counts).toEqual({ red: 1, yellow: 0, green: 1 });
    expect((await listProjects(supervisor, { year: 2026, warning: "green" }, TEST_NOW)).rows.map((r) => r.title)).toEqual(["党建引领营商环境优化"]);

    // The list in Excel, red first, with the colour filter the page had.
    const { t, errors } = zhTranslator();
    const sheet = await firstSheetRows(async (output) => {
      await writeProjectWorkbook(supervisor, { year: 2026 }, output, { t, locale: "zh", now: TEST_NOW });
    });
    expect(errors).toEqual([]);
    expect(sheet[1]).toEqual(["项目名称", "所在组织", "已完成节点", "节点数", "下一节点日期", "预警", "最新进展季度", "年终评价"]);
    expect(sheet.slice(2)).toEqual([
      ["支部标准化建设", "省发展和改革委员会党组", 0, 3, "2026-03-31", "红色预警", null, "尚未评价"],
      ["党建引领营商环境优化", "省发展和改革委员会党组", 2, 3, "2026-12-10", "绿色预警", null, "尚未评价"],
    ]);
    const green = await firstSheetRows(async (output) => {
      await writeProjectWorkbook(supervisor, { year: 2026, warning: "green" }, output, { t, locale: "zh", now: TEST_NOW });
    });
    expect(green.slice(2).map((r) => r[0])).toEqual(["党建引领营商环境优化"]);

    // Editing keeps the days reached of the milestones kept; a stale edit is a conflict.
    project = await getProject(secretary, first.id, TEST_NOW);
    const [march, november] = project.milestones;
    const edited = {
      projectId: first.id,
      expectedVersion: project.version,
      title: "党建引领营商环境优化（调整）",
      goal: project.goal,
      business: project.business,
      milestones: [
        { id: march!.id, title: march!.title, dueOn: "2026-03-31" },
        { id: november!.id, title: november!.title, dueOn: "2026-11-20" },
        { title: "成效评估", dueOn: "2026-12-01" },
      ],
    };
    await updateProject(secretary, edited);
    await expect(updateProject(secretary, edited)).rejects.toMatchObject({ name: "ConflictError" });
    project = await getProject(supervisor, first.id, TEST_NOW);
    expect(project.milestones.map((m) => [m.seq, m.title, m.doneOn?.toISOString().slice(0, 10) ?? null, m.warning?.colour ?? null])).toEqual([
      [1, "制定实施方案", "2026-11-24", null],
      [2, "窗口挂牌运行", "2026-11-24", null],
      [3, "成效评估", null, "yellow"],
    ]);
    expect(project.milestones.slice(0, 2).map((m) => m.id)).toEqual([march!.id, november!.id]);
    expect((await listProjects(supervisor, { year: 2026 }, TEST_NOW)).counts).toEqual({ red: 1, yellow: 1, green: 0 });
  });

  it("is reviewed by the committee at the year's end, then frozen, and feeds the yearly report; another unit sees nothing", async () => {
    const [secretary, supervisor, other, branch, u01] = await Promise.all([actorFor("u01-secretary"), actorFor("supervisor"), actorFor("u02-secretary"), actorFor("u01-branch"), orgId("U01")]);
    const [row] = (await listProjects(supervisor, { year: 2026 }, TEST_NOW)).rows.filter((r) => r.title.startsWith("党建引领"));
    await addProjectProgress(secretary, { projectId: row!.id, quarter: 3, text: "窗口挂牌，办件 1200 件" });
    await expect(addProjectProgress(supervisor, { projectId: row!.id, quarter: 4, text: "代填" })).rejects.toBeInstanceOf(DomainError);
    for (const outsider of [other, branch]) {
      await expect(getProject(outsider, row!.id, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
      expect((await listProjects(outsider, { year: 2026 }, TEST_NOW)).total).toBe(0);
    }
    let project = await getProject(secretary, row!.id, TEST_NOW);
    await expect(reviewProject(secretary, { projectId: row!.id, expectedVersion: project.version, outcome: "DONE", comment: "自评" })).rejects.toBeInstanceOf(NotFoundError);
    await reviewProject(supervisor, { projectId: row!.id, expectedVersion: project.version, outcome: "PARTLY", comment: "评估尚未完成。" }, TEST_NOW);
    project = await getProject(secretary, row!.id, TEST_NOW);
    expect([project.outcome, project.reviewComment, project.canKeep, project.milestones.every((m) => m.warning === null)]).toEqual(["PARTLY", "评估尚未完成。", false, true]);
    await expect(addProjectProgress(secretary, { projectId: row!.id, quarter: 4, text: "补记" })).rejects.toMatchObject({ fieldErrors: { projectId: ["projectReviewed"] } });
    expect((await listProjects(supervisor, { year: 2026 }, TEST_NOW)).rows.find((r) => r.id === row!.id)).toMatchObject({ outcome: "PARTLY", warning: null, lastQuarter: 3 });

    const period = await prisma.period.findUniqueOrThrow({ where: { year_quarter: { year: 2026, quarter: 0 } }, select: { id: true } });
    const draft = await draftFromLedger(period.id, u01, "zh", TEST_NOW);
    const section = draft.slice(draft.indexOf("三、书记抓党建项目推进情况"), draft.indexOf("四、存在的问题和下一步打算"));
    expect(section).toContain("1. 党建引领营商环境优化（调整）：建成“党员先锋岗”服务窗口（服务优化营商环境）\n项目节点完成 2/3 个");
    expect(section).toContain("最新进展（第3季度）：窗口挂牌，办件 1200 件\n年终评价：部分完成。评估尚未完成。");
    expect(section).toContain("2. 支部标准化建设");
    expect(section).not.toContain("启动");
  });
});
