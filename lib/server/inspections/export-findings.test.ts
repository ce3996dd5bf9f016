import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import type { Actor } from "@/lib/server/auth/actor";
import { ExportTooLargeError, type Translate } from "@/lib/server/checklists/export-checklist";
import { prisma } from "@/lib/server/db";
import { FINDING_EXPORT_ROW_LIMIT, prepareFindingExport } from "@/lib/server/inspections/export-findings";
import { listFindings, type TFindingFilters } from "@/lib/server/inspections/list-findings";
import { countingTranslator } from "@/lib/test/counting-translator";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let supervisor: Actor;
let unitSecretary: Actor;
let member: Actor;
let roundId: string;
let u01Name: string;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** One issued round on U01 and U02 with three findings, and a draft round whose finding must never show. */
beforeAll(async () => {
  drop = await useSeededDatabase("export-findings");
  supervisor = await actorFor("supervisor");
  unitSecretary = await actorFor("u01-secretary");
  member = await actorWithRole("INSPECTOR", "WC");
  const wc = await orgId("WC");
  const u01 = await orgId("U01");
  const u02 = await orgId("U02");
  u01Name = (await prisma.org.findUniqueOrThrow({ where: { id: u01 }, select: { name: true } })).name;
  roundId = (
    await prisma.inspectionRound.create({
      data: {
        title: "2026年第三季度党建督查",
        type: "CONCENTRATED",
        scopeOrgId: wc,
        startsOn: day("2026-09-01"),
        endsOn: day("2026-09-15"),
        members: { create: { userId: member.id } },
      },
    })
  ).id;
  const draftRound = await prisma.inspectionRound.create({
    data: { title: "草稿轮次", type: "ROUTINE", scopeOrgId: wc, startsOn: day("2026-10-01"), endsOn: day("2026-10-02") },
  });
  const issuedAt = new Date("2026-09-20T02:00:00Z");
  const r1 = await prisma.inspectionReport.create({ data: { roundId, orgId: u01, status: "ISSUED", issuedAt } });
  const r2 = await prisma.inspectionReport.create({ data: { roundId, orgId: u02, status: "ISSUED", issuedAt } });
  const draft = await prisma.inspectionReport.create({ data: { roundId: draftRound.id, orgId: u01, status: "DRAFT" } });

  const overdue = await prisma.finding.create({
    data: {
      reportId: r1.id,
      roundId,
      orgId: u01,
      seq: 1,
      description: "组织生活会会前未开展谈心谈话",
      categoryId: "fcat-org-life",
      severity: "MEDIUM",
      tag: "COMMON",
      state: "IN_PROGRESS",
      measures: "补开谈心谈话并形成记录",
      ownerId: unitSecretary.id,
      deadline: day("2026-11-19"),
    },
  });
  await prisma.findingEvent.create({
    data: { findingId: overdue.id, kind: "PROGRESS", text: "已完成半数谈话", actorId: unitSecretary.id, createdAt: new Date("2026-11-18T08:00:00Z") },
  });
  const closed = await prisma.finding.create({
    data: {
      reportId: r1.id,
      roundId,
      orgId: u01,
      seq: 2,
      description: "党费收缴台账不规范",
      categoryId: "fcat-records",
      state: "CLOSED",
      deadline: day("2026-11-19"),
      closedAt: new Date("2026-11-10T02:00:00Z"),
    },
  });
  await prisma.findingAcceptance.createMany({
    data: [
      { findingId: closed.id, cycle: 1, party: "GROUP", acceptedById: member.id, acceptedAt: new Date("2026-11-08T02:00:00Z") },
      { findingId: closed.id, cycle: 1, party: "COMMITTEE", acceptedById: supervisor.id, acceptedAt: new Date("2026-11-10T02:00:00Z") },
    ],
  });
  await prisma.finding.create({
    data: { reportId: r2.id, roundId, orgId: u02, seq: 1, description: "另一单位的问题", categoryId: "fcat-other", deadline: day("2026-12-05") },
  });
  await prisma.finding.create({
    data: { reportId: draft.id, roundId: draftRound.id, orgId: u01, seq: 1, description: "草稿问题", categoryId: "fcat-other", deadline: day("2026-12-05") },
  });
});
afterAll(() => drop());

type Sheet = { name: string; title: string; header: ExcelJS.CellValue[]; body: ExcelJS.CellValue[][] };

async function exportToWorkbook(actor: Actor, filters: TFindingFilters, locale: "zh" | "en" = "zh", limit?: number) {
  const errors: unknown[] = [];
  const t = createTranslator({ locale, messages: locale === "zh" ? zh : en, onError: (e) => errors.push(e) }) as unknown as Translate;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => output.on("end", resolve));
  const prepared = await prepareFindingExport(actor, filters, { t, locale, now: TEST_NOW, limit });
  await prepared.writeTo(output);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  const sheets: Sheet[] = workbook.worksheets.map((sheet) => {
    // Row values are 1-based arrays: row 1 the title, row 2 the headers.
    const rows = (sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((r) => (r ?? []).slice(1));
    return { name: sheet.name, title: String(rows[0]?.[0] ?? ""), header: rows[1] ?? [], body: rows.slice(2) };
  });
  return { rows: prepared.rows, errors, sheets };
}

function sheet(sheets: Sheet[], name: string): Sheet {
  const found = sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

describe("export of the rectification ledger", () => {
  it("writes three sheets with Chinese headers, a title row, and only the unit's issued findings", async () => {
    const { rows, errors, sheets } = await exportToWorkbook(unitSecretary, {});
    expect(errors).toEqual([]);
    expect(rows).toBe(2);
    expect(sheets.map((s) => s.name)).toEqual(["问题清单", "任务清单", "责任清单"]);

    const problems = sheet(sheets, "问题清单");
    expect(problems.title).toBe(`问题清单 · ${u01Name} · 导出日期 2026-11-25`);
    expect(problems.header).toEqual(["序号", "单位", "督查轮次", "督查类型", "反馈日期", "报告内序号", "问题类别", "严重程度", "共性/个性", "问题描述", "关联职责", "整改状态"]);
    // The ledger's order: deadline, unit, number.
    expect(problems.body.map((r) => r[9])).toEqual(["组织生活会会前未开展谈心谈话", "党费收缴台账不规范"]);
    expect(problems.body[0]?.slice(0, 9)).toEqual([1, u01Name, "2026年第三季度党建督查", "集中检查", day("2026-09-20"), 1, "组织生活", "较重", "共性问题"]);
    expect(problems.body[0]?.[11]).toBe("整改中");
    expect(problems.body[1]?.[11]).toBe("已销号");

    const tasks = sheet(sheets, "任务清单");
    expect(tasks.header).toEqual(["序号", "单位", "问题描述", "整改措施", "整改时限", "预警", "整改状态", "最新进展", "进展日期"]);
    expect(tasks.body[0]).toEqual([1, u01Name, "组织生活会会前未开展谈心谈话", "补开谈心谈话并形成记录", day("2026-11-19"), "红色预警 · 逾期 6 天", "整改中", "已完成半数谈话", day("2026-11-18")]);
    // A closed finding carries no colour.
    expect(tasks.body[1]?.[5] ?? "").toBe("");

    const duties = sheet(sheets, "责任清单");
    expect(duties.header).toEqual(["序号", "单位", "问题描述", "责任人", "整改时限", "验收情况", "销号日期", "整改状态"]);
    expect(duties.body[0]?.[3]).toBe(unitSecretary.name);
    expect(duties.body[0]?.[5]).toBe("督查组：待验收；机关工委：待验收");
    expect(duties.body[1]?.[5]).toBe(`督查组：${member.name} 2026-11-08；机关工委：${supervisor.name} 2026-11-10`);
    expect(duties.body[1]?.[6]).toEqual(day("2026-11-10"));

    // Never the draft's finding, nor another unit's.
    const text = JSON.stringify(sheets);
    expect(text).not.toContain("草稿问题");
    expect(text).not.toContain("另一单位的问题");
  });

  it("writes the same rows as the list for the same filters, and names the round in the title", async () => {
    const filters: TFindingFilters = { round: roundId, open: true };
    const { sheets } = await exportToWorkbook(supervisor, filters);
    const list = await listFindings(supervisor, filters, { now: TEST_NOW, pageSize: 100 });
    expect(list.total).toBe(2);
    for (const s of sheets) expect(s.body).toHaveLength(list.total);
    expect(sheet(sheets, "问题清单").body.map((r) => r[9])).toEqual(list.rows.map((r) => r.description));
    expect(sheet(sheets, "任务清单").title).toContain("2026年第三季度党建督查（2026-09-01 至 2026-09-15）");
  });

  it("writes English sheet names, headers and labels for an English reader", async () => {
    const { errors, sheets } = await exportToWorkbook(supervisor, { round: roundId }, "en");
    expect(errors).toEqual([]);
    expect(sheets.map((s) => s.name)).toEqual(["Problem list", "Task list", "Responsibility list"]);
    expect(sheet(sheets, "Task list").header).toEqual(["No.", "Unit", "Problem", "Measures", "Deadline", "Warning", "State", "Latest progress", "Progress date"]);
    expect(sheet(sheets, "Task list").body[0]?.[5]).toBe("Red warning · 6 days overdue");
    expect(sheet(sheets, "Problem list").body[0]?.[3]).toBe("Concentrated inspection");
  });

  it("stops reading findings once the download is closed", async () => {
    const [read, closed] = [countingTranslator(), countingTranslator()];
    const whole = new PassThrough().resume();
    await (await prepareFindingExport(supervisor, { round: roundId }, { t: read.t, locale: "zh", now: TEST_NOW })).writeTo(whole);
    // The browser went away before the first batch: the route's stream is destroyed, as a cancelled response destroys it.
    const gone = new PassThrough();
    gone.destroy();
    await (await prepareFindingExport(supervisor, { round: roundId }, { t: closed.t, locale: "zh", now: TEST_NOW })).writeTo(gone);
    // Each finding's row asks for its labels; a closed download asks only for the title and headers.
    expect(closed.calls()).toBeGreaterThan(0);
    expect(closed.calls()).toBeLessThan(read.calls());
  });

  it("refuses a selection over the row cap, and takes one at the cap", async () => {
    expect(FINDING_EXPORT_ROW_LIMIT).toBe(50_000);
    const t = createTranslator({ locale: "zh", messages: zh }) as unknown as Translate;
    const refused = await prepareFindingExport(supervisor, { round: roundId }, { t, locale: "zh", now: TEST_NOW, limit: 2 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExportTooLargeError);
    expect(refused).toMatchObject({ total: 3, limit: 2 });
    const exact = await exportToWorkbook(supervisor, { round: roundId }, "zh", 3);
    expect(exact.rows).toBe(3);
    expect(exact.sheets.every((s) => s.body.length === 3)).toBe(true);
  });
});
