import "server-only";
import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { TIME_ZONE } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { periodLabel } from "@/lib/period-label";
import type { Actor } from "@/lib/server/auth/actor";
import {
  countChecklistItems,
  listChecklistItemIds,
  loadChecklistRows,
  type ChecklistQuery,
  type ChecklistRow,
} from "@/lib/server/checklists/list-checklist-items";
import { ValidationError } from "@/lib/server/errors";

/**
 * The most rows one export writes. A province's whole ledger is far more;
 * an export that silently stopped short would pass for complete, so a
 * larger selection is refused with a request to narrow it.
 */
export const EXPORT_ROW_LIMIT = 50_000;

/** Rows loaded per query while writing. */
const BATCH_SIZE = 1_000;

/**
 * Commits a streamed workbook unless its download was closed first (a
 * cancelled response destroys the output): exceljs would wait for the
 * output to finish, which a destroyed stream never does, and hold the
 * workbook for good.
 */
export async function commitUnlessClosed(workbook: ExcelJS.stream.xlsx.WorkbookWriter, output: Writable): Promise<void> {
  if (output.destroyed) return;
  await Promise.race([workbook.commit(), once(output, "close")]);
}

export class ExportTooLargeError extends ValidationError {
  constructor(
    readonly total: number,
    readonly limit: number,
  ) {
    super(`The selection holds ${total} items, more than the export limit of ${limit}`);
  }
}

/** A next-intl translator over the whole catalog: `getTranslations({ locale })` on the server, `createTranslator` in tests. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export const EXPORT_COLUMNS = [
  { key: "code", width: 10 },
  { key: "duty", width: 44 },
  { key: "kind", width: 14 },
  { key: "org", width: 32 },
  { key: "period", width: 16 },
  { key: "occurrence", width: 16 },
  { key: "due", width: 12 },
  { key: "status", width: 10 },
  { key: "warning", width: 22 },
  { key: "completedBy", width: 12 },
  { key: "completedAt", width: 18 },
  { key: "note", width: 48 },
] as const;

type ColumnKey = (typeof EXPORT_COLUMNS)[number]["key"];

/** The column headers in the reader's language: 编号, 职责, 责任类别, … */
export function exportHeaders(t: Translate): string[] {
  return EXPORT_COLUMNS.map((c) => t(`export.columns.${c.key}`));
}

const BEIJING_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
});

/** A moment as the wall-clock time in Beijing, which Excel shows as is (it has no time zones). */
function beijingWallClock(at: Date): Date {
  const parts = Object.fromEntries(
    BEIJING_CLOCK.formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
  return new Date(Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0));
}

function rowValues(row: ChecklistRow, t: Translate, locale: string): Record<ColumnKey, ExcelJS.CellValue> {
  const { frequency } = row.duty;
  const occurrence = frequency === "YEARLY" || frequency === "ONCE" ? "" : ` · ${t(`occurrence.${frequency}`, { n: row.occurrence })}`;
  const warning = row.warning
    ? `${t(`warning.${row.warning.colour}`)} · ${row.warning.daysLeft < 0 ? t("warning.overdueDays", { days: -row.warning.daysLeft }) : t("warning.daysLeft", { days: row.warning.daysLeft })}`
    : "";
  return {
    code: row.duty.code,
    duty: localized(row.duty.title, row.duty.titleEn, locale),
    kind: t(`kind.${row.duty.kind}`),
    org: localized(row.org.name, row.org.nameEn, locale),
    period: periodLabel(t, row.period),
    occurrence: `${t(`frequency.${frequency}`)}${occurrence}`,
    due: row.dueDate,
    status: t(`status.${row.status}`),
    warning,
    completedBy: row.completedBy?.name ?? "",
    completedAt: row.completedAt ? beijingWallClock(row.completedAt) : null,
    note: row.note ?? "",
  };
}

export type PreparedExport = {
  /** How many rows the file will hold. */
  rows: number;
  /** Writes the workbook to `output`, row by row, and ends it. */
  writeTo: (output: Writable) => Promise<void>;
};

/**
 * The ledger the list shows for `q` (same scope, filters and order), ready to
 * be written as an .xlsx. Refuses a selection larger than the limit
 * (EXPORT_ROW_LIMIT) here, before a response has started, so the refusal
 * can still be a plain message.
 */
export async function prepareChecklistExport(
  actor: Actor,
  q: ChecklistQuery,
  options: { t: Translate; locale: string; limit?: number },
): Promise<PreparedExport> {
  const { t, locale, limit = EXPORT_ROW_LIMIT } = options;
  const total = await countChecklistItems(actor, q);
  if (total > limit) throw new ExportTooLargeError(total, limit);
  // Taken once, so that rows changing while the file is written neither repeat nor go missing.
  const ids = await listChecklistItemIds(actor, q, { limit, offset: 0 });
  return { rows: ids.length, writeTo: (output) => writeWorkbook(ids, q.now, output, t, locale) };
}

async function writeWorkbook(ids: string[], now: Date | undefined, output: Writable, t: Translate, locale: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Duty Ledger";
  const sheet = workbook.addWorksheet(t("export.sheet"), { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = exportHeaders(t);
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({ key: c.key, header: headers[i], width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  header.commit();
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  sheet.getColumn("due").numFmt = "yyyy-mm-dd";
  sheet.getColumn("completedAt").numFmt = "yyyy-mm-dd hh:mm";
  for (const key of ["duty", "note"] as const) sheet.getColumn(key).alignment = { wrapText: true, vertical: "top" };

  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    // The browser closed the download (the response stream cancelled destroys the output): stop reading.
    if (output.destroyed) return;
    for (const row of await loadChecklistRows(ids.slice(start, start + BATCH_SIZE), now)) {
      sheet.addRow(rowValues(row, t, locale)).commit();
    }
  }
  sheet.commit();
  await commitUnlessClosed(workbook, output);
}
