import ExcelJS from "exceljs";
import { cellText } from "@/lib/sheets/cell-text";

/**
 * The problem list of a top-down inspection tour as an Excel sheet: one
 * problem a row, under a header row naming the columns (in Chinese or
 * English, in any order). Several units may share one sheet (a 巡察 of
 * many units at once); each row names its unit by code.
 */

export const TOUR_SHEET_COLUMNS = [
  { field: "orgCode", header: "单位代码", headerEn: "Unit code" },
  { field: "text", header: "问题表述", headerEn: "Problem" },
  { field: "category", header: "问题类别", headerEn: "Category" },
  { field: "severity", header: "严重程度", headerEn: "Severity" },
  { field: "deadline", header: "整改时限", headerEn: "Deadline" },
] as const;

export type TourSheetField = (typeof TOUR_SHEET_COLUMNS)[number]["field"];

export const MAX_TOUR_FILE_BYTES = 2 * 1024 * 1024;
export const MAX_TOUR_ROWS = 1000;

/** A refusal of the file or of one cell: `row` is the sheet's row number, `column` the header a person reads. */
export type TourSheetProblem = { code: string; row?: number; column?: string; params?: Record<string, string | number> };

export type TourSheetRow = { row: number } & Record<TourSheetField, string>;

/** "2026/1/5", "2026-1-5", "2026-01-05" → "2026-01-05"; anything else as it was. */
function normalDay(text: string): string {
  const m = text.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
  return m ? `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}` : text;
}

/**
 * Reads the first sheet of the workbook: its rows (blank ones skipped) with
 * each cell's text, or the problems that keep it from being read (not a
 * workbook, a column missing, too many rows). The cells' content is the
 * import's to judge.
 */
export async function readTourSheet(bytes: Uint8Array): Promise<{ rows: TourSheetRow[]; problems: TourSheetProblem[] }> {
  if (bytes.length > MAX_TOUR_FILE_BYTES) return { rows: [], problems: [{ code: "tooLarge", params: { max: MAX_TOUR_FILE_BYTES / 1024 / 1024 } }] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ code: "unreadable" }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], problems: [{ code: "unreadable" }] };
  if (sheet.actualRowCount > MAX_TOUR_ROWS + 1) return { rows: [], problems: [{ code: "tooManyRows", params: { max: MAX_TOUR_ROWS } }] };

  const texts: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    texts[number] = values.map((v) => cellText(v as ExcelJS.CellValue).trim());
  });
  const headerRow = texts.findIndex((r) => r !== undefined);
  const header = texts[headerRow] ?? [];
  const at = new Map<TourSheetField, number>();
  for (const column of TOUR_SHEET_COLUMNS) {
    const index = header.findIndex((h) => h === column.header || h.toLowerCase() === column.headerEn.toLowerCase());
    if (index >= 0) at.set(column.field, index);
  }
  const missing = TOUR_SHEET_COLUMNS.filter((c) => !at.has(c.field));
  if (missing.length > 0) return { rows: [], problems: missing.map((c) => ({ code: "missingColumn", column: c.header })) };

  const rows: TourSheetRow[] = [];
  texts.forEach((cells, number) => {
    if (number <= headerRow || cells.every((c) => !c)) return;
    const row = { row: number } as TourSheetRow;
    for (const column of TOUR_SHEET_COLUMNS) row[column.field] = cells[at.get(column.field)!] ?? "";
    row.deadline = normalDay(row.deadline);
    rows.push(row);
  });
  return { rows, problems: rows.length === 0 ? [{ code: "noRows" }] : [] };
}

/** A workbook of the sheet's header and one example row: the template staff fill in. */
export async function tourSheetTemplate(example: Record<TourSheetField, string>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Duty Ledger";
  const sheet = workbook.addWorksheet("反馈问题");
  sheet.columns = TOUR_SHEET_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.field === "text" ? 60 : 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(example);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
