import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { dayString, isoDay } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import type { Actor } from "@/lib/server/auth/actor";
import { commitUnlessClosed, ExportTooLargeError, type Translate } from "@/lib/server/checklists/export-checklist";
import {
  countFindings,
  getLedgerHeading,
  LEDGER_LISTS,
  listFindingIds,
  loadLedgerRows,
  type LedgerHeading,
  type LedgerList,
  type LedgerRow,
  type TFindingFilters,
} from "@/lib/server/inspections/list-findings";
import { writeSheetHeading } from "@/lib/server/sheet-heading";


/** The most findings one export writes; a larger selection is refused, never cut short. */
export const FINDING_EXPORT_ROW_LIMIT = 50_000;

const BATCH_SIZE = 1_000;

/** The columns of each list, as the page's tables show them. */
export const LEDGER_EXPORT_COLUMNS = {
  problems: [
    { key: "no", width: 6 },
    { key: "unit", width: 28 },
    { key: "round", width: 28 },
    { key: "roundType", width: 12 },
    { key: "issuedOn", width: 12 },
    { key: "seq", width: 8 },
    { key: "category", width: 16 },
    { key: "severity", width: 8 },
    { key: "tag", width: 8 },
    { key: "description", width: 48 },
    { key: "duty", width: 32 },
    { key: "state", width: 10 },
  ],
  tasks: [
    { key: "no", width: 6 },
    { key: "unit", width: 28 },
    { key: "description", width: 40 },
    { key: "measures", width: 48 },
    { key: "deadline", width: 12 },
    { key: "warning", width: 20 },
    { key: "state", width: 10 },
    { key: "lastProgress", width: 40 },
    { key: "lastProgressOn", width: 12 },
  ],
  responsibilities: [
    { key: "no", width: 6 },
    { key: "unit", width: 28 },
    { key: "description", width: 40 },
    { key: "owner", width: 12 },
    { key: "deadline", width: 12 },
    { key: "acceptances", width: 44 },
    { key: "closedOn", width: 12 },
    { key: "state", width: 10 },
  ],
} as const satisfies Record<LedgerList, readonly { key: string; width: number }[]>;

const WRAPPED = new Set(["description", "measures", "duty", "lastProgress", "acceptances", "round", "unit"]);
const DATES = new Set(["issuedOn", "deadline", "lastProgressOn", "closedOn"]);

/** The column headers of one list in the reader's language: 序号, 单位, … */
export function ledgerExportHeaders(t: Translate, list: LedgerList): string[] {
  return LEDGER_EXPORT_COLUMNS[list].map((c) => t(`rectification.columns.${c.key}`));
}

/** A calendar day (Beijing) of a moment, as a UTC-midnight Date that Excel shows as that day. */
function beijingDay(at: Date): Date {
  return new Date(`${dayString(at)}T00:00:00.000Z`);
}

/** "督查组：张三 2026-11-20；机关工委：待验收" for the current close-out attempt. */
export function acceptanceText(row: LedgerRow, t: Translate): string {
  const parties = [...new Set([...row.requiredParties, ...row.acceptances.map((a) => a.party)])];
  return parties
    .map((party) => {
      const a = row.acceptances.find((x) => x.party === party);
      const label = t(`acceptanceParty.${party}`);
      return a
        ? t("rectification.acceptedBy", { party: label, name: a.by ?? "—", date: dayString(a.at) })
        : t("rectification.acceptancePending", { party: label });
    })
    .join(t("rectification.listSeparator"));
}

export function warningText(row: LedgerRow, t: Translate): string {
  if (!row.warning) return "";
  const { colour, daysLeft } = row.warning;
  return `${t(`warning.${colour}`)} · ${daysLeft < 0 ? t("warning.overdueDays", { days: -daysLeft }) : t("warning.daysLeft", { days: daysLeft })}`;
}

function cells(list: LedgerList, row: LedgerRow, no: number, t: Translate, locale: string): Record<string, ExcelJS.CellValue> {
  const common = {
    no,
    unit: localized(row.org.name, row.org.nameEn, locale),
    description: row.description,
    state: t(`findingState.${row.state}`),
  };
  switch (list) {
    case "problems":
      return {
        ...common,
        round: row.round.title,
        roundType: t(`inspectionType.${row.round.type}`),
        issuedOn: row.issuedAt ? beijingDay(row.issuedAt) : null,
        seq: row.seq,
        category: localized(row.category.name, row.category.nameEn, locale),
        severity: t(`findingSeverity.${row.severity}`),
        tag: row.tag ? t(`findingTag.${row.tag}`) : "",
        duty: row.duty ? `${row.duty.code} ${localized(row.duty.title, row.duty.titleEn, locale)}` : "",
      };
    case "tasks":
      return {
        ...common,
        measures: row.measures ?? "",
        deadline: row.deadline,
        warning: warningText(row, t),
        lastProgress: row.lastEvent ? (row.lastEvent.text ?? t(`rectification.eventKind.${row.lastEvent.kind}`)) : "",
        lastProgressOn: row.lastEvent ? beijingDay(row.lastEvent.at) : null,
      };
    case "responsibilities":
      return {
        ...common,
        owner: row.owner?.name ?? "",
        deadline: row.deadline,
        acceptances: acceptanceText(row, t),
        closedOn: row.closedAt ? beijingDay(row.closedAt) : null,
      };
  }
}

/** "省发展和改革委员会 · 2026年第一轮督查 · 导出日期 2026-11-25" */
export function ledgerTitle(heading: LedgerHeading, t: Translate, locale: string, now: Date): string {
  const parts = [
    heading.unit ? localized(heading.unit.name, heading.unit.nameEn, locale) : null,
    heading.round ? t("rectification.print.roundDates", { title: heading.round.title, from: isoDay(heading.round.startsOn), to: isoDay(heading.round.endsOn) }) : null,
    t("rectification.export.exportedOn", { date: dayString(now) }),
  ];
  return parts.filter(Boolean).join(" · ");
}

export type PreparedFindingExport = {
  rows: number;
  writeTo: (output: Writable) => Promise<void>;
};

/**
 * The ledger for these filters (same scope and order as the page) as an
 * .xlsx of three sheets: problems, tasks, responsibilities. A selection
 * over the limit is refused here, before the response starts.
 */
export async function prepareFindingExport(
  actor: Actor,
  filters: TFindingFilters,
  options: { t: Translate; locale: string; now?: Date; limit?: number },
): Promise<PreparedFindingExport> {
  const { t, locale, now, limit = FINDING_EXPORT_ROW_LIMIT } = options;
  const total = await countFindings(actor, filters, now);
  if (total > limit) throw new ExportTooLargeError(total, limit);
  // Taken once, so that the three sheets list the same findings in the same order.
  const [ids, heading] = await Promise.all([listFindingIds(actor, filters, { limit, offset: 0, now }), getLedgerHeading(actor, filters)]);
  const title = ledgerTitle(heading, t, locale, now ?? new Date());
  return { rows: ids.length, writeTo: (output) => writeWorkbook(actor, ids, title, output, { t, locale, now }) };
}

async function writeWorkbook(
  actor: Actor,
  ids: string[],
  title: string,
  output: Writable,
  { t, locale, now }: { t: Translate; locale: string; now?: Date },
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Duty Ledger";
  const sheets = LEDGER_LISTS.map((list) => {
    const columns = LEDGER_EXPORT_COLUMNS[list];
    const sheet = workbook.addWorksheet(t(`rectification.lists.${list}`), {
      views: [{ state: "frozen", ySplit: 2 }],
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
    });
    sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
    for (const c of columns) {
      const column = sheet.getColumn(c.key);
      if (DATES.has(c.key)) column.numFmt = "yyyy-mm-dd";
      if (WRAPPED.has(c.key)) column.alignment = { wrapText: true, vertical: "top" };
    }
    writeSheetHeading(sheet, `${t(`rectification.lists.${list}`)} · ${title}`, ledgerExportHeaders(t, list));
    return { list, sheet };
  });

  // Each batch is read once and written to all three sheets. The zip takes the sheets one after the
  // other, so the second and third wait in memory as XML until the first is done: for the largest
  // export allowed some tens of megabytes, against reading every finding three times.
  let no = 0;
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    // The browser closed the download (the response stream cancelled destroys the output): stop reading.
    if (output.destroyed) return;
    for (const row of await loadLedgerRows(actor, ids.slice(start, start + BATCH_SIZE), now)) {
      no += 1;
      for (const { list, sheet } of sheets) sheet.addRow(cells(list, row, no, t, locale)).commit();
    }
  }
  for (const { sheet } of sheets) sheet.commit();
  await commitUnlessClosed(workbook, output);
}
