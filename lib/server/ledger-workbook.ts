import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { commitUnlessClosed } from "@/lib/server/checklists/export-checklist";
import { writeSheetHeading } from "@/lib/server/sheet-heading";

export type LedgerColumn = { key: string; width: number; header: string; wrap?: boolean };

/**
 * A ledger's list as one streamed sheet: the title row, the headers (the
 * filter row the ledgers' exports share), one row per entry, A4 across the
 * width. Values stay what they are: numbers as numbers, so the sheet sorts
 * and sums.
 */
export async function writeLedgerWorkbook(
  output: Writable,
  sheetOptions: { sheet: string; title: string; orientation?: "portrait" | "landscape" },
  columns: readonly LedgerColumn[],
  rows: Iterable<Record<string, ExcelJS.CellValue>>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Duty Ledger";
  const sheet = workbook.addWorksheet(sheetOptions.sheet, {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: sheetOptions.orientation ?? "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  for (const c of columns) if (c.wrap) sheet.getColumn(c.key).alignment = { wrapText: true, vertical: "top" };
  writeSheetHeading(
    sheet,
    sheetOptions.title,
    columns.map((c) => c.header),
  );
  for (const cells of rows) {
    if (output.destroyed) return;
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await commitUnlessClosed(workbook, output);
}
