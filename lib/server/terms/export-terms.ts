import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { TERM_LEDGER_COLUMNS, type LedgerColumn, type TermLedger } from "@/lib/term-ledgers";
import type { Actor } from "@/lib/server/auth/actor";
import { commitUnlessClosed, ExportTooLargeError, type Translate } from "@/lib/server/checklists/export-checklist";
import { countHeadChanges, countTalks, listHeadRows, listTalkRows, type HeadLedgerRow, type TalkLedgerRow } from "@/lib/server/terms/list-records";
import { countTermLedger, getTermLedgerUnit, listTermLedgerIds, loadTermLedgerRows, type TermLedgerRow } from "@/lib/server/terms/list-terms";
import type { TRecordLedgerFilters, TTermLedgerFilters } from "@/lib/validation/terms";
import { writeSheetHeading } from "@/lib/server/sheet-heading";


/** The most rows one export writes; a larger selection is refused, never cut short. */
export const TERM_EXPORT_ROW_LIMIT = 50_000;

const BATCH_SIZE = 1_000;


/** The column headers of one ledger in the reader's language: 序号, 组织, … */
export function termExportHeaders(t: Translate, kind: TermLedger): string[] {
  return TERM_LEDGER_COLUMNS[kind].map((c) => t(`terms.columns.${c.key}`));
}

/** A term line's state in words, with the days left or overdue for a coloured one. */
export function termStateText(row: TermLedgerRow, t: Translate): string {
  const state = t(`terms.state.${row.state}`);
  if (!row.warning) return state;
  const { daysLeft } = row.warning;
  return `${state} · ${daysLeft < 0 ? t("warning.overdueDays", { days: -daysLeft }) : t("warning.daysLeft", { days: daysLeft })}`;
}

function termCells(row: TermLedgerRow, t: Translate, locale: string): Record<string, ExcelJS.CellValue> {
  return {
    org: localized(row.org.name, row.org.nameEn, locale),
    orgType: t(`orgType.${row.org.type}`),
    parent: row.parent ? localized(row.parent.name, row.parent.nameEn, locale) : "",
    state: termStateText(row, t),
    electedOn: row.term?.electedOn ?? null,
    termYears: row.term?.termYears ?? null,
    dueOn: row.term?.dueOn ?? null,
    secretary: row.term?.secretaryName ?? "",
    members: row.term ? row.term.members.join(t("terms.nameSeparator")) : "",
    approvedOn: row.term?.approvedOn ?? null,
    approvalNote: row.term?.approvalNote ?? "",
  };
}

function talkCells(row: TalkLedgerRow, locale: string): Record<string, ExcelJS.CellValue> {
  return {
    org: localized(row.org.name, row.org.nameEn, locale),
    talkedOn: row.talkedOn,
    appointee: row.appointeeName,
    talkedBy: row.talkedBy,
    points: row.points,
    recordedBy: row.recordedBy ?? "",
  };
}

function headCells(row: HeadLedgerRow, locale: string): Record<string, ExcelJS.CellValue> {
  return {
    org: localized(row.org.name, row.org.nameEn, locale),
    changedOn: row.changedOn,
    previousHead: row.previousName ?? "",
    newHead: row.newName,
    consultation: row.consultation,
    recordedBy: row.recordedBy ?? "",
  };
}

export type PreparedTermExport = { rows: number; writeTo: (output: Writable) => Promise<void> };

type ExportOptions = { t: Translate; locale: string; now?: Date; limit?: number };

/**
 * A ledger (terms, talks or head changes) for these filters, in the same
 * scope and order as its page, as an .xlsx of one sheet: a title row
 * (ledger, organization, export day), the headers, one row per line. A
 * selection over the limit is refused here, before the response starts.
 */
export async function prepareTermExport(
  actor: Actor,
  kind: TermLedger,
  filters: TTermLedgerFilters & TRecordLedgerFilters,
  options: ExportOptions,
): Promise<PreparedTermExport> {
  const { t, locale, now, limit = TERM_EXPORT_ROW_LIMIT } = options;
  const total =
    kind === "terms" ? await countTermLedger(actor, filters, now) : kind === "talks" ? await countTalks(actor, filters) : await countHeadChanges(actor, filters);
  if (total > limit) throw new ExportTooLargeError(total, limit);
  const unit = await getTermLedgerUnit(actor, filters.org);
  const title = [
    t(`terms.ledgers.${kind}`),
    unit ? localized(unit.name, unit.nameEn, locale) : null,
    kind !== "terms" && (filters.from || filters.to) ? t("terms.print.range", { from: filters.from ?? "…", to: filters.to ?? "…" }) : null,
    t("terms.export.exportedOn", { date: dayString(now) }),
  ]
    .filter(Boolean)
    .join(" · ");

  // Term lines are chosen once by id, so that the file lists the lines the count promised in ledger order.
  const termIds = kind === "terms" ? await listTermLedgerIds(actor, filters, { limit, offset: 0, now }) : [];
  async function* batches(): AsyncGenerator<Record<string, ExcelJS.CellValue>[]> {
    for (let start = 0; start < total; start += BATCH_SIZE) {
      if (kind === "terms") {
        const ids = termIds.slice(start, start + BATCH_SIZE);
        if (ids.length === 0) return;
        yield (await loadTermLedgerRows(actor, ids, now)).map((r) => termCells(r, t, locale));
      } else if (kind === "talks") {
        yield (await listTalkRows(actor, filters, { limit: BATCH_SIZE, offset: start })).map((r) => talkCells(r, locale));
      } else {
        yield (await listHeadRows(actor, filters, { limit: BATCH_SIZE, offset: start })).map((r) => headCells(r, locale));
      }
    }
  }
  return { rows: kind === "terms" ? termIds.length : total, writeTo: (output) => writeSheet(output, kind, title, t, batches()) };
}

async function writeSheet(output: Writable, kind: TermLedger, title: string, t: Translate, rows: AsyncGenerator<Record<string, ExcelJS.CellValue>[]>): Promise<void> {
  const columns: readonly LedgerColumn[] = TERM_LEDGER_COLUMNS[kind];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Duty Ledger";
  const sheet = workbook.addWorksheet(t(`terms.ledgers.${kind}`), {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  for (const c of columns) {
    const column = sheet.getColumn(c.key);
    if (c.date) column.numFmt = "yyyy-mm-dd";
    if (c.wrap) column.alignment = { wrapText: true, vertical: "top" };
  }
  writeSheetHeading(sheet, title, termExportHeaders(t, kind));
  let no = 0;
  for await (const batch of rows) {
    // The browser closed the download (the response stream cancelled destroys the output): stop reading.
    if (output.destroyed) return;
    for (const cells of batch) {
      no += 1;
      sheet.addRow({ ...cells, no }).commit();
    }
  }
  sheet.commit();
  await commitUnlessClosed(workbook, output);
}
