import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { ConflictError, NotFoundError } from "@/lib/server/errors";
import { getRatingScheme, resolveRatedYear } from "@/lib/server/ratings/schemes";
import { getYearReport, returnYearReport, saveYearReport, submitYearReport } from "@/lib/server/ratings/year-reports";
import { actorFor, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;
let u01: string;

beforeAll(async () => {
  drop = await useSeededDatabase("year-reports");
  periodId = (await resolveRatedYear(undefined, TEST_NOW))!.id;
  u01 = await orgId("U01");
});
afterAll(() => drop());

describe("a secretary's yearly report", () => {
  it("starts as the ledger's draft for its author alone, rectification first, with the unit's year counted as the ledger has it", async () => {
    const [secretary, supervisor, other, branch] = await Promise.all([actorFor("u01-secretary"), actorFor("supervisor"), actorFor("u02-secretary"), actorFor("u01-branch")]);
    const report = await getYearReport(secretary, periodId, u01, "zh");
    expect(report).toMatchObject({ status: "NEW", version: 0, canWrite: true, canReturn: false });
    const body = report.body!;
    const unit = await prisma.org.findUniqueOrThrow({ where: { id: u01 }, select: { name: true, path: true } });
    expect(body.startsWith(`${unit.name}2026年度抓党建工作述职报告\n\n一、问题整改情况`)).toBe(true);
    const order = ["一、问题整改情况", "二、履行职责情况", "三、书记抓党建项目推进情况", "四、存在的问题和下一步打算"].map((h) => body.indexOf(h));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // The counts are the ledger's: the subtree's items of the year's periods that count, and the year's issued findings.
    const periods = (await prisma.period.findMany({ where: { year: 2026 }, select: { id: true } })).map((p) => p.id);
    const items = { org: { path: { startsWith: unit.path } }, periodId: { in: periods }, status: { notIn: ["NOT_APPLICABLE" as const, "WITHDRAWN" as const] } };
    const [of, done] = await Promise.all([prisma.checklistItem.count({ where: items }), prisma.checklistItem.count({ where: { ...items, status: "DONE" } })]);
    expect(of).toBeGreaterThan(0);
    expect(body).toContain(`本年度承担职责任务 ${of} 项次，已完成 ${done} 项次。`);
    const findings = await prisma.finding.count({
      where: { org: { path: { startsWith: unit.path } }, report: { status: "ISSUED" }, round: { startsOn: { gte: new Date("2026-01-01"), lte: new Date("2026-12-31") } } },
    });
    expect(body).toContain(findings === 0 ? "本年度督查检查未发现问题。" : `本年度督查检查共发现问题 ${findings} 个`);

    // The committee sees that nothing is handed in, not the draft; other units and the branch below see nothing.
    expect(await getYearReport(supervisor, periodId, u01, "zh")).toMatchObject({ status: "NEW", body: null, canWrite: false, canReturn: false });
    for (const outsider of [other, branch]) await expect(getYearReport(outsider, periodId, u01, "zh")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is saved against the version seen, frozen on submission, returned once with a comment, and submitted again", async () => {
    const [secretary, supervisor] = await Promise.all([actorFor("u01-secretary"), actorFor("supervisor")]);
    await expect(saveYearReport(supervisor, { periodId, orgId: u01, body: "代写", expectedVersion: 0 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await saveYearReport(secretary, { periodId, orgId: u01, body: "第一稿", expectedVersion: 0 })).toEqual({ from: 0, to: 1 });
    await expect(saveYearReport(secretary, { periodId, orgId: u01, body: "旧页面的稿", expectedVersion: 0 })).rejects.toBeInstanceOf(ConflictError);
    // Nothing submitted yet: the committee still reads nothing.
    expect((await getYearReport(supervisor, periodId, u01, "zh")).body).toBeNull();

    expect(await submitYearReport(secretary, { periodId, orgId: u01, body: "定稿", expectedVersion: 1 })).toEqual({ from: 1, to: 2 });
    await expect(saveYearReport(secretary, { periodId, orgId: u01, body: "改一改", expectedVersion: 2 })).rejects.toMatchObject({ fieldErrors: { body: ["reportSubmitted"] } });
    expect(await getYearReport(secretary, periodId, u01, "zh")).toMatchObject({ status: "SUBMITTED", body: "定稿", canWrite: false });
    expect(await getYearReport(supervisor, periodId, u01, "zh")).toMatchObject({ status: "SUBMITTED", body: "定稿", submittedBy: secretary.name, canReturn: true });

    await expect(returnYearReport(secretary, { periodId, orgId: u01, comment: "自己退回", expectedVersion: 2 })).rejects.toBeInstanceOf(NotFoundError);
    await returnYearReport(supervisor, { periodId, orgId: u01, comment: "整改情况写得太笼统，请逐条说明。", expectedVersion: 2 });
    expect(await getYearReport(secretary, periodId, u01, "zh")).toMatchObject({
      status: "DRAFT",
      body: "定稿",
      canWrite: true,
      returnedBy: supervisor.name,
      returnComment: "整改情况写得太笼统，请逐条说明。",
    });
    expect((await getYearReport(supervisor, periodId, u01, "zh")).body).toBeNull();
    await submitYearReport(secretary, { periodId, orgId: u01, body: "定稿（逐条说明整改）", expectedVersion: 3 });
    // Returned once already: not again.
    expect((await getYearReport(supervisor, periodId, u01, "zh")).canReturn).toBe(false);
    await expect(returnYearReport(supervisor, { periodId, orgId: u01, comment: "再改", expectedVersion: 4 })).rejects.toMatchObject({ fieldErrors: { comment: ["reportReturnedOnce"] } });

    // A report is not a rating: the scheme stays open to change.
    expect((await getRatingScheme(supervisor, periodId)).frozenAt).toBeNull();
    const audit = await prisma.auditLog.findMany({ where: { entityType: "YearReport" }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(["rating.report.save", "rating.report.submit", "rating.report.return", "rating.report.submit"]);
  });
});
