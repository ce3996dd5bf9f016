import "server-only";
import type ExcelJS from "exceljs";

/**
 * A ledger sheet's first two rows, each committed: the title (bold, across
 * every column), then the column headers (bold, shaded, wrapped) with the
 * filter buttons on them. The ledgers' exports all open this way.
 */
export function writeSheetHeading(sheet: ExcelJS.Worksheet, title: string, headers: string[]): void {
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 14 };
  titleRow.height = 24;
  sheet.mergeCells(1, 1, 1, headers.length);
  titleRow.commit();
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  header.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };
}
