import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { saveProgress, submitItem } from "@/lib/server/checklists/transitions";
import { prisma } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { addFindingEvidence } from "@/lib/server/inspections/finding-evidence";
import { addFindingProgress, saveRectification, submitRectification } from "@/lib/server/inspections/rectification";
import { issueReport, saveFinding, saveReport } from "@/lib/server/inspections/reports";
import { actorFor, itemOf, withEvidence } from "@/lib/test/actors";
import { reportOn, roundOn } from "@/lib/test/inspections";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { adoptVersion } from "@/lib/version-change";

let drop: () => Promise<void>;
let inspector: Actor;
let secretary: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("versioned-write");
  [inspector, secretary] = await Promise.all([actorFor("inspector"), actorFor("u01-secretary")]);
});
afterAll(() => drop());

async function draftReport(code: string) {
  return reportOn(await roundOn(inspector, [code], "版本测试督查"), code);
}

const auditRows = (entityId: string) => prisma.auditLog.count({ where: { entityId } });

describe("a page that takes one step after another on a record", () => {
  it("acts on a draft report with the version each step answers, from the report's own forms and its findings' alike", async () => {
    const report = await draftReport("U01");
    let held = report.version;
    const saved = await saveReport(inspector, { reportId: report.id, expectedVersion: held, summary: "概况", inspectedOn: "2026-11-20", inspectorIds: [] }, TEST_NOW);
    expect(saved.version).toEqual({ from: held, to: held + 1 });
    held = adoptVersion(held, saved.version);
    // Adding a finding needs no check, but moves the report on: the page adopts that too.
    const added = await saveFinding(inspector, { reportId: report.id, description: "记录不全", categoryId: "fcat-org-life", severity: "LOW" });
    held = adoptVersion(held, added.version);
    expect(held).toBe(report.version + 2);
    const issued = await issueReport(inspector, { reportId: report.id, expectedVersion: held }, TEST_NOW);
    expect(issued.version.from).toBe(held);
  });

  it("still meets someone else's change in between as a conflict, and writes nothing for the refused step", async () => {
    const report = await draftReport("U02");
    const held = report.version;
    // Another member saves first.
    await saveReport(inspector, { reportId: report.id, expectedVersion: held, summary: "他人的内容", inspectorIds: [] }, TEST_NOW);
    // A finding added on this page now starts from a version this page never held: the page keeps its own.
    const added = await saveFinding(inspector, { reportId: report.id, description: "记录不全", categoryId: "fcat-org-life", severity: "LOW" });
    expect(adoptVersion(held, added.version)).toBe(held);
    const before = await auditRows(report.id);
    await expect(saveReport(inspector, { reportId: report.id, expectedVersion: held, summary: "本页的内容", inspectorIds: [] }, TEST_NOW)).rejects.toBeInstanceOf(ConflictError);
    expect(await auditRows(report.id)).toBe(before);
    expect((await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { summary: true } })).summary).toBe("他人的内容");
  });

  it("acts on a finding through the plan, progress, evidence and submission with the versions they answer", async () => {
    const report = await draftReport("U01-OPC");
    await saveReport(inspector, { reportId: report.id, expectedVersion: report.version, summary: "概况", inspectedOn: "2026-11-20", inspectorIds: [] }, TEST_NOW);
    const { findingId } = await saveFinding(inspector, { reportId: report.id, description: "学习计划未制定", categoryId: "fcat-theory", severity: "LOW" });
    const { version: reportVersion } = await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { version: true } });
    await issueReport(inspector, { reportId: report.id, expectedVersion: reportVersion }, TEST_NOW);
    let held = (await prisma.finding.findUniqueOrThrow({ where: { id: findingId }, select: { version: true } })).version;

    // The first evidence starts the rectification of an open finding: a version step the page must adopt.
    const evidence = await addFindingEvidence(secretary, { findingId, kind: "TEXT", title: "学习计划草案", text: "已起草" });
    expect(evidence.version).toEqual({ from: held, to: held + 1 });
    held = adoptVersion(held, evidence.version!);
    // Later evidence leaves the finding's version alone.
    expect((await addFindingEvidence(secretary, { findingId, kind: "TEXT", title: "学习计划定稿", text: "已定稿" })).version).toBeUndefined();
    held = adoptVersion(held, (await saveRectification(secretary, { findingId, expectedVersion: held, measures: "制定年度学习计划", ownerId: secretary.id })).version);
    held = adoptVersion(held, (await addFindingProgress(secretary, { findingId, expectedVersion: held, text: "已印发" })).version);
    const submitted = await submitRectification(secretary, { findingId, expectedVersion: held, text: "" }, TEST_NOW);
    expect(submitted.version.from).toBe(held);
    expect((await prisma.finding.findUniqueOrThrow({ where: { id: findingId }, select: { state: true } })).state).toBe("SUBMITTED");
  });

  it("lets only one of two steps sent with the same version through", async () => {
    const report = await draftReport("U02-OPC");
    const results = await Promise.allSettled(
      ["甲", "乙"].map((summary) => saveReport(inspector, { reportId: report.id, expectedVersion: report.version, summary, inspectorIds: [] }, TEST_NOW)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(1);
  });

  it("moves a checklist item by one version per step, so its steps chain the same way", async () => {
    const item = await itemOf("U01", "NOT_STARTED");
    await withEvidence(item.id);
    const saved = await saveProgress(secretary, { itemId: item.id, expectedVersion: item.version, note: "草稿" });
    expect(saved.version).toBe(item.version + 1);
    const submitted = await submitItem(secretary, { itemId: item.id, expectedVersion: saved.version, note: "完成" });
    expect(submitted.version).toBe(item.version + 2);
    await expect(saveProgress(secretary, { itemId: item.id, expectedVersion: saved.version, note: "旧版本" })).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("dates that contradict each other", () => {
  const fieldErrors = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).fieldErrors;
  };

  it("refuses an inspection date after today when the report is saved, and after the issue date when it is issued", async () => {
    const report = await draftReport("U03");
    expect(
      await fieldErrors(saveReport(inspector, { reportId: report.id, expectedVersion: report.version, summary: "概况", inspectedOn: "2026-11-26", inspectorIds: [] }, TEST_NOW)),
    ).toEqual({ inspectedOn: ["inspectedAfterToday"] });
    // A date saved on a later day, issued on an earlier one (a clock set back, a draft saved abroad): refused at issue.
    await saveReport(inspector, { reportId: report.id, expectedVersion: report.version, summary: "概况", inspectedOn: "2026-11-26", inspectorIds: [] }, new Date("2026-11-27T04:00:00Z"));
    const { version } = await prisma.inspectionReport.findUniqueOrThrow({ where: { id: report.id }, select: { version: true } });
    expect(await fieldErrors(issueReport(inspector, { reportId: report.id, expectedVersion: version }, TEST_NOW))).toEqual({ inspectedOn: ["inspectedAfterIssue"] });
  });
});
