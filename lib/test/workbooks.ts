import { PassThrough, type Writable } from "node:stream";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import zh from "@/messages/zh.json";

/** The Chinese catalog as an export's translator, with every missing message kept in `errors`. */
export function zhTranslator(): { t: Translate; errors: unknown[] } {
  const errors: unknown[] = [];
  return { t: createTranslator({ locale: "zh", messages: zh, onError: (e) => errors.push(e) }) as unknown as Translate, errors };
}

/** What `write` streams, read back as a workbook: its first sheet's rows, each a list of cell values from the first column. */
export async function firstSheetRows(write: (output: Writable) => Promise<unknown>): Promise<ExcelJS.CellValue[][]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => output.on("end", resolve));
  await write(output);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(Buffer.concat(chunks)).buffer);
  return (workbook.worksheets[0]!.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((r) => Array.from(r.slice(1), (v) => v ?? null));
}
