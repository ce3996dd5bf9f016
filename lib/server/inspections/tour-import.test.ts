import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { importTourFeedback } from "@/lib/server/inspections/tour-import";
import { actorFor, actorWithRole } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import type { TTourMeta } from "@/lib/validation/inspections";

let drop: () => Promise<void>;

beforeAll(async () => {
  drop = await useSeededDatabase("tour-import");
});
afterAll(() => drop());

const META: TTourMeta = { kind: "PATROL", tourName: "省直机关第二巡察组", receivedOn: "2026-10-15", documentNo: "巡察反馈〔2026〕2号", summary: "巡察发现以下问题。" };

/** A workbook of the header (in this order) and the rows. */
async function sheet(header: string[], rows: (string | Date)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet("反馈问题");
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const HEADER = ["单位代码", "问题表述", "问题类别", "严重程度", "整改时限"];

describe("importing a tour's problem list", () => {
  it("lists every refusal by row and column and writes nothing", async () => {
    const [supervisor, unitAdmin] = await Promise.all([actorFor("supervisor"), actorWithRole("ADMIN", "U01")]);
    const findings = await prisma.finding.count();
    const bytes = await sheet(HEADER, [
      ["U01", "学习流于形式", "理论学习", "较重", "2026-12-31"],
      ["U99", "", "不存在的类别", "很严重", "明年"],
      ["WC", "问题", "THEORY", "一般", "2026-10-15"],
      ["U02", "问题", "Theoretical study", "serious", "2026/1/5"],
    ]);
    const outcome = await importTourFeedback(supervisor, META, bytes, TEST_NOW);
    expect(outcome).toEqual({
      ok: false,
      problems: [
        { row: 3, column: "单位代码", code: "unknownOrg", params: { code: "U99" } },
        { row: 3, column: "问题表述", code: "required" },
        { row: 3, column: "问题类别", code: "unknownCategory", params: { category: "不存在的类别" } },
        { row: 3, column: "严重程度", code: "badSeverity", params: { severity: "很严重" } },
        { row: 3, column: "整改时限", code: "badDate", params: { text: "明年" } },
        { row: 4, column: "单位代码", code: "notRated", params: { code: "WC" } },
        { row: 4, column: "整改时限", code: "deadlineAfterFeedback" },
        { row: 5, column: "整改时限", code: "deadlineAfterFeedback" },
      ],
    });
    // A unit's administrator reaches their own unit only: another unit's code reads as unknown.
    const other = await importTourFeedback(unitAdmin, META, await sheet(HEADER, [["U02", "问题", "理论学习", "一般", "2026-12-31"]]), TEST_NOW);
    expect(other).toEqual({ ok: false, problems: [{ row: 2, column: "单位代码", code: "unknownOrg", params: { code: "U02" } }] });
    expect(await prisma.tourFeedback.count()).toBe(0);
    expect(await prisma.finding.count()).toBe(findings);

    expect(await importTourFeedback(supervisor, META, await sheet(["单位代码", "问题表述"], [["U01", "x"]]), TEST_NOW)).toEqual({
      ok: false,
      problems: [
        { code: "missingColumn", column: "问题类别" },
        { code: "missingColumn", column: "严重程度" },
        { code: "missingColumn", column: "整改时限" },
      ],
    });
    expect(await importTourFeedback(supervisor, META, new TextEncoder().encode("not a workbook"), TEST_NOW)).toEqual({ ok: false, problems: [{ code: "unreadable" }] });
    await expect(importTourFeedback(await actorFor("u01-secretary"), META, bytes, TEST_NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(importTourFeedback(supervisor, { ...META, receivedOn: "2026-11-26" }, bytes, TEST_NOW)).rejects.toMatchObject({ fieldErrors: { receivedOn: ["receivedInFuture"] } });
  });

  it("makes one feedback per unit named, columns in any order and dates as dates or text, and adds nothing the second time", async () => {
    const supervisor = await actorFor("supervisor");
    const bytes = await sheet(
      ["问题表述", "Unit code", "整改时限", "严重程度", "问题类别"],
      [
        ["选人用人程序不规范", "U01", new Date(Date.UTC(2026, 11, 31)), "严重", "理论学习"],
        ["学习流于形式", "U01", "2027/1/5", "一般", "THEORY"],
        [],
        ["三会一课不经常", "U02", "2026-12-20", "moderate", "组织生活"],
      ],
    );
    const first = await importTourFeedback(supervisor, META, bytes, TEST_NOW);
    expect(first.ok && first.created.map((c) => [c.org, c.problems])).toEqual([
      ["省发展和改革委员会党组", 2],
      ["省教育厅党组", 1],
    ]);
    const tours = await prisma.tourFeedback.findMany({
      orderBy: { org: { code: "asc" } },
      select: { kind: true, documentNo: true, org: { select: { code: true } }, round: { select: { type: true, findings: { orderBy: { seq: "asc" }, select: { description: true, severity: true, deadline: true } } } } },
    });
    expect(tours.map((t) => [t.org.code, t.kind, t.documentNo, t.round.type, t.round.findings.map((f) => [f.description, f.severity, f.deadline?.toISOString().slice(0, 10)])])).toEqual([
      ["U01", "PATROL", "巡察反馈〔2026〕2号", "TOUR", [["选人用人程序不规范", "HIGH", "2026-12-31"], ["学习流于形式", "LOW", "2027-01-05"]]],
      ["U02", "PATROL", "巡察反馈〔2026〕2号", "TOUR", [["三会一课不经常", "MEDIUM", "2026-12-20"]]],
    ]);
    expect(await prisma.auditLog.count({ where: { action: "tour.record" } })).toBe(2);

    const second = await importTourFeedback(supervisor, META, bytes, TEST_NOW);
    expect(second).toEqual({ ok: true, created: [], skipped: [{ org: "省发展和改革委员会党组" }, { org: "省教育厅党组" }] });
    expect(await prisma.tourFeedback.count()).toBe(2);
  });
});
