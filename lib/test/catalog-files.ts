import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

/** Catalog files of a given size, made in code, for the tests of the import's limits. */

const HEADER = ["编号", "职责名称", "责任类别", "责任主体", "频次"];

/** A valid list file (JSON) with `duties` duties. */
export function catalogJson(duties: number, key = "big-list"): Buffer {
  return Buffer.from(
    JSON.stringify({
      key,
      title: "大清单",
      issuer: "示例：机关工委",
      source: "sample",
      version: 1,
      duties: Array.from({ length: duties }, (_, i) => ({
        code: `D${i + 1}`,
        title: `职责第 ${i + 1} 项`,
        kind: "MAIN",
        bodyType: "BRANCH",
        frequency: "YEARLY",
      })),
    }),
  );
}

/**
 * A workbook in the import's layout with `rows` duty rows, written row by row
 * with exceljs's streaming writer so that even 100,000 rows take a second or two.
 */
export async function catalogWorkbook(rows: number, options: { key?: string; extraSheet?: number } = {}): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: true });
  const info = book.addWorksheet("清单");
  for (const row of [["清单标识", options.key ?? "big-sheet"], ["清单名称", "大表格"], ["发布机关", "示例：机关工委"], ["来源", "sample"], ["版本", 1]]) {
    info.addRow(row).commit();
  }
  info.commit();
  const duties = book.addWorksheet("职责");
  duties.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) duties.addRow([`D${i + 1}`, `职责第 ${i + 1} 项`, "主体责任", "党支部", "每年"]).commit();
  duties.commit();
  if (options.extraSheet) {
    const notes = book.addWorksheet("备注");
    for (let i = 0; i < options.extraSheet; i++) notes.addRow([`备注 ${i + 1}`]).commit();
    notes.commit();
  }
  await book.commit();
  return Buffer.concat(chunks);
}
