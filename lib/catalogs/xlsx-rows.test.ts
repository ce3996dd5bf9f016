import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { catalogWorkbook } from "../test/catalog-files";
import { forEachRow, zipEntries, type CellValue } from "./xlsx-rows";

/** Every sheet's rows as forEachRow reads them: non-blank cells only, rows with none left out. */
async function streamed(bytes: Buffer): Promise<Record<string, [number, CellValue][][]>> {
  const sheets: Record<string, [number, CellValue][][]> = {};
  await forEachRow(bytes, (name) => {
    const rows: [number, CellValue][][] = (sheets[name] = []);
    return (cells) => {
      if (cells.size > 0) rows.push([...cells]);
    };
  });
  return sheets;
}

/** The same as exceljs reads it with the whole workbook loaded, text values as their text. */
async function loaded(bytes: Buffer): Promise<Record<string, [number, CellValue][][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  const text = (value: ExcelJS.CellValue): CellValue | undefined => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
    if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
    if ("richText" in value) return value.richText.map((run) => run.text).join("");
    if ("hyperlink" in value) return text(value.text);
    if ("error" in value) return value.error;
    if ("result" in value) return text(value.result);
    return undefined;
  };
  return Object.fromEntries(
    book.worksheets.map((sheet) => {
      const rows: [number, CellValue][][] = [];
      sheet.eachRow({ includeEmpty: false }, (row) => {
        const cells: [number, CellValue][] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const value = text(cell.value);
          if (value !== undefined) cells.push([column, value]);
        });
        if (cells.length > 0) rows.push(cells);
      });
      return [sheet.name, rows];
    }),
  );
}

describe("forEachRow", () => {
  it("reads every kind of cell as exceljs does with the workbook loaded whole", async () => {
    const book = new ExcelJS.Workbook();
    const first = book.addWorksheet("清单");
    first.getCell("A1").value = "清单标识";
    first.getCell("B1").value = "shared";
    first.getCell("A3").value = { richText: [{ text: "富" }, { text: "文本", font: { bold: true } }] };
    first.getCell("AB3").value = 12.5;
    first.getCell("C4").value = true;
    first.getCell("D4").value = false;
    first.getCell("E4").value = { formula: "1+1", result: 2 };
    first.getCell("F4").value = { formula: "\"a\"&\"b\"", result: "ab" };
    first.getCell("G4").value = { error: "#N/A" };
    first.getCell("H4").value = { text: "链接", hyperlink: "https://example.org" };
    first.getCell("I4").value = new Date(Date.UTC(2026, 0, 31));
    first.getCell("A6").value = "shared";
    const second = book.addWorksheet("职责");
    second.getCell("B2").value = "<第二张> & \"引号\"";
    book.addWorksheet("空白");
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const expected = await loaded(bytes);
    expect(expected["清单"]).toHaveLength(4);
    expect(await streamed(bytes)).toStrictEqual(expected);
  });

  it("reads inline strings as shared ones", async () => {
    const written = async (useSharedStrings: boolean) => {
      const output = new PassThrough();
      const chunks: Buffer[] = [];
      output.on("data", (chunk: Buffer) => chunks.push(chunk));
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings });
      const sheet = book.addWorksheet("职责");
      sheet.addRow(["编号", "职责名称"]).commit();
      sheet.addRow(["A-01", "研究部署"]).commit();
      sheet.commit();
      await book.commit();
      return Buffer.concat(chunks);
    };
    const [shared, inline] = await Promise.all([written(true), written(false)]);
    expect(zipEntries(inline)).not.toContainEqual(expect.objectContaining({ name: "xl/sharedStrings.xml" }));
    expect(await streamed(inline)).toStrictEqual(await streamed(shared));
    expect(await streamed(inline)).toStrictEqual({ 职责: [[[1, "编号"], [2, "职责名称"]], [[1, "A-01"], [2, "研究部署"]]] });
  });

  it("stops when a row visitor says so, without reading further sheets", async () => {
    const bytes = await catalogWorkbook(1000, { extraSheet: 10 });
    const sheets: string[] = [];
    let rows = 0;
    await forEachRow(bytes, (name) => {
      sheets.push(name);
      return () => ++rows === 20;
    });
    expect({ sheets, rows }).toStrictEqual({ sheets: ["清单", "职责"], rows: 20 });
  });

  it("throws on bytes that are not a workbook", async () => {
    await expect(forEachRow(Buffer.from("PK\u0003\u0004 not really a zip"), () => () => undefined)).rejects.toThrow();
    const book = new ExcelJS.Workbook();
    book.addWorksheet("职责").addRow(["编号"]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    // The central directory names the entries; the entries' own headers are gone.
    const damaged = Buffer.from(bytes);
    damaged.fill(0, 0, damaged.indexOf("xl/workbook.xml") + 10);
    await expect(forEachRow(damaged, () => () => undefined)).rejects.toThrow();
  });
});
