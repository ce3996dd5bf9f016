import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import type { Actor } from "@/lib/server/auth/actor";
import { EXPORT_ROW_LIMIT, ExportTooLargeError, prepareChecklistExport, type Translate } from "@/lib/server/checklists/export-checklist";
import { countChecklistItems, listChecklistItems, type ChecklistQuery } from "@/lib/server/checklists/list-checklist-items";
import { prisma } from "@/lib/server/db";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { countingTranslator } from "@/lib/test/counting-translator";
import { actorFor } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let periodId: string;

beforeAll(async () => {
  drop = await useSeededDatabase("export");
  const period = await getCurrentPeriod(TEST_NOW);
  if (!period) throw new Error("no period");
  periodId = period.id;
});
afterAll(() => drop());

const ZH_HEADERS = ["编号", "职责", "责任类别", "组织", "期间", "频次/次序", "截止日期", "状态", "预警", "完成人", "完成时间", "说明"];

async function exportToWorkbook(actor: Actor, q: ChecklistQuery, locale: "zh" | "en" = "zh", limit?: number) {
  const errors: unknown[] = [];
  const t = createTranslator({ locale, messages: locale === "zh" ? zh : en, onError: (e) => errors.push(e) }) as unknown as Translate;
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => output.on("end", resolve));
  const prepared = await prepareChecklistExport(actor, q, { t, locale, limit });
  await prepared.writeTo(output);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  const rows = sheet.getSheetValues().slice(1) as ExcelJS.CellValue[][];
  // Row values are 1-based arrays.
  return { rows: prepared.rows, errors, sheet, header: (rows[0] ?? []).slice(1), body: rows.slice(1).map((r) => r.slice(1)) };
}

describe("export of the ledger to Excel", () => {
  it("writes the filtered list with Chinese headers, one row per item, and nothing of another unit", async () => {
    const secretary = await actorFor("u01-secretary");
    const q: ChecklistQuery = { periodId, status: "open", kind: "IMPLEMENTING", now: TEST_NOW };
    const { rows, errors, sheet, header, body } = await exportToWorkbook(secretary, q);
    expect(errors).toEqual([]);
    expect(sheet.name).toBe("责任台账");
    expect(header).toEqual(ZH_HEADERS);
    const expected = await countChecklistItems(secretary, q);
    expect(expected).toBeGreaterThan(0);
    expect(body).toHaveLength(expected);
    expect(rows).toBe(expected);

    // The same rows, in the same order, as the list.
    const list = await listChecklistItems(secretary, { ...q, pageSize: 5000 });
    expect(body.map((r) => r[0])).toEqual(list.rows.map((r) => r.duty.code));
    const orgs = new Set(body.map((r) => r[3]));
    expect([...orgs].every((o) => typeof o === "string" && o.startsWith("省发展和改革委员会"))).toBe(true);
    const u02Names = (await prisma.org.findMany({ where: { code: { startsWith: "U02" } }, select: { name: true } })).map((o) => o.name);
    expect(u02Names.some((n) => orgs.has(n))).toBe(false);

    // Cells: labels, a real date, the warning in words.
    const first = body[0] ?? [];
    expect(first[2]).toBe("具体落实职责");
    expect(first[4]).toBe("2026 年度");
    expect(first[6]).toBeInstanceOf(Date);
    expect(["未开始", "进行中"]).toContain(first[7]);
    const warnings = body.map((r) => String(r[8] ?? ""));
    expect(warnings.some((w) => /^红色预警 · 逾期 \d+ 天$/.test(w))).toBe(true);
    expect(warnings.filter((w) => w.startsWith("红色预警")).length).toBe(list.rows.filter((r) => r.warning?.colour === "red").length);
  });

  it("writes English headers and labels for an English reader", async () => {
    const supervisor = await actorFor("supervisor");
    const q: ChecklistQuery = { periodId, warning: "red", now: TEST_NOW };
    const { errors, header, body } = await exportToWorkbook(supervisor, q, "en");
    expect(errors).toEqual([]);
    expect(header).toEqual(["Code", "Duty", "Kind", "Organization", "Period", "Frequency / occurrence", "Due", "Status", "Warning", "Done by", "Done at", "Note"]);
    expect(body).toHaveLength(await countChecklistItems(supervisor, q));
    expect(body.every((r) => String(r[8]).startsWith("Red"))).toBe(true);
  });

  it("stops reading items once the download is closed", async () => {
    const [read, closed] = [countingTranslator(), countingTranslator()];
    const secretary = await actorFor("u01-secretary");
    const q: ChecklistQuery = { periodId, now: TEST_NOW };
    const whole = new PassThrough().resume();
    await (await prepareChecklistExport(secretary, q, { t: read.t, locale: "zh" })).writeTo(whole);
    // The browser went away before the first batch: the route's stream is destroyed, as a cancelled response destroys it.
    const gone = new PassThrough();
    gone.destroy();
    await (await prepareChecklistExport(secretary, q, { t: closed.t, locale: "zh" })).writeTo(gone);
    // Each item's row asks for its labels; a closed download asks only for the headers.
    expect(closed.calls()).toBeGreaterThan(0);
    expect(closed.calls()).toBeLessThan(read.calls());
  });

  it("refuses a selection over the limit, and takes one at the limit", async () => {
    const supervisor = await actorFor("supervisor");
    const q: ChecklistQuery = { periodId, warning: "red", now: TEST_NOW };
    const total = await countChecklistItems(supervisor, q);
    expect(EXPORT_ROW_LIMIT).toBe(50_000);
    const t = createTranslator({ locale: "zh", messages: zh }) as unknown as Translate;
    const refused = await prepareChecklistExport(supervisor, q, { t, locale: "zh", limit: total - 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExportTooLargeError);
    expect(refused).toMatchObject({ total, limit: total - 1 });
    // Exactly at the limit is fine.
    const exact = await exportToWorkbook(supervisor, q, "zh", total);
    expect(exact.body).toHaveLength(total);
  });
});
