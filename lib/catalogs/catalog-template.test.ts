import fs from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { CATALOG_EXCEL_LAYOUT, CATALOG_SHEET, DUTIES_SHEET, importCatalogFile } from "@/lib/catalogs/catalog-io";
import { exportCatalogTemplate } from "@/lib/catalogs/catalog-template";
import { isSampleSource } from "@/lib/catalogs/sample-source";
import { ZCatalogDutyFile, ZCatalogFile } from "@/lib/validation/catalog-file";

async function sheets(bytes: Buffer): Promise<{ labels: string[]; headers: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const labels: string[] = [];
  workbook.getWorksheet(CATALOG_SHEET)?.eachRow((row) => labels.push(String(row.getCell(1).value)));
  const headers: string[] = [];
  workbook.getWorksheet(DUTIES_SHEET)?.getRow(1).eachCell((cell) => headers.push(String(cell.value)));
  return { labels, headers };
}

describe("the Excel import template", () => {
  it("imports as it is downloaded, as a sample list with its example duty", async () => {
    const result = await importCatalogFile("责任清单导入模板.xlsx", await exportCatalogTemplate({ year: 2026, nonce: "3f9a" }));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.catalog.key).toBe("list-2026-3f9a");
    expect(isSampleSource(result.catalog.source)).toBe(true);
    expect(result.catalog.duties).toHaveLength(1);
  });

  it("has a column for every field a list file holds, and the importer reads every one of them", async () => {
    const bytes = await exportCatalogTemplate({ year: 2026, nonce: "3f9a" });
    const { labels, headers } = await sheets(bytes);
    const dutyFields = Object.keys(ZCatalogDutyFile.shape);
    const catalogFields = Object.keys(ZCatalogFile.shape).filter((field) => field !== "duties");
    expect(headers).toHaveLength(dutyFields.length);
    expect(labels).toHaveLength(catalogFields.length);
    // The guide lists the same labels and headers, in the same order.
    expect(headers).toEqual(CATALOG_EXCEL_LAYOUT.dutyColumns.map((column) => column.header));
    expect(labels).toEqual(CATALOG_EXCEL_LAYOUT.catalogFields.map((field) => field.header));

    // The example fills every cell; had the importer skipped a column, its field would be missing here.
    const result = await importCatalogFile("template.xlsx", bytes);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [duty] = result.catalog.duties;
    expect(dutyFields.filter((field) => duty?.[field as keyof typeof duty] === undefined)).toEqual([]);
    expect(catalogFields.filter((field) => result.catalog[field as keyof typeof result.catalog] === undefined)).toEqual([]);
  });

  it("is described, field by field, in both languages of the format guide", () => {
    for (const locale of ["zh", "en"]) {
      const guide = (JSON.parse(fs.readFileSync(`messages/${locale}.json`, "utf8")) as { catalogFormat: { fields: Record<string, string>; columns: Record<string, string> } })
        .catalogFormat;
      expect(Object.keys(guide.fields)).toEqual(CATALOG_EXCEL_LAYOUT.catalogFields.map((field) => field.field));
      expect(Object.keys(guide.columns)).toEqual(CATALOG_EXCEL_LAYOUT.dutyColumns.map((column) => column.field));
    }
  });
});
