import "server-only";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { ruleWords } from "@/lib/ratings/rule-words";
import type { Actor } from "@/lib/server/auth/actor";
import { commitUnlessClosed, type Translate } from "@/lib/server/checklists/export-checklist";
import { managesRatings } from "@/lib/server/ratings/schemes";
import { previewRatings, publishedRatings, type RatedUnit } from "@/lib/server/ratings/preview";
import { writeSheetHeading } from "@/lib/server/sheet-heading";

/** The workbook's columns: the rank and unit, each indicator's points, the ratings, the total, the grade and its rule. */
export const RATING_EXPORT_COLUMNS = [
  { key: "rank", width: 8 },
  { key: "unit", width: 34 },
  { key: "type", width: 18 },
  { key: "completion", width: 12 },
  { key: "onTime", width: 12 },
  { key: "evidence", width: 12 },
  { key: "findingsOnTime", width: 12 },
  { key: "tourRectification", width: 12 },
  { key: "deductions", width: 10 },
  { key: "self", width: 10 },
  { key: "superior", width: 10 },
  { key: "democratic", width: 10 },
  { key: "rated", width: 10 },
  { key: "adjustments", width: 36 },
  { key: "total", width: 10 },
  { key: "grade", width: 8 },
  { key: "rule", width: 34 },
] as const;

export type PreparedRatingExport = { units: number; published: boolean; writeTo: (output: Writable) => Promise<void> };

/**
 * The year's results as the reader's ratings page lists them, as an .xlsx:
 * the committee's preview (or the results once published), a unit's
 * readers the published results within their reach. A title row (year,
 * preview or published, export day), the headers, one row per unit by
 * type and rank; every number is a number, so the sheet sorts and sums.
 */
export async function prepareRatingExport(actor: Actor, periodId: string, options: { t: Translate; locale: string; now?: Date }): Promise<PreparedRatingExport> {
  const { t, locale, now } = options;
  const view = managesRatings(actor) ? await previewRatings(actor, periodId, now) : await publishedRatings(actor, periodId);
  const published = view.scheme.publishedAt !== null;
  const title = [
    t("ratings.export.title", { year: view.scheme.year }),
    published ? t("ratings.export.published", { date: dayString(view.scheme.publishedAt!) }) : t("ratings.export.preview"),
    t("ratings.export.exportedOn", { date: dayString(now) }),
  ].join(" · ");
  const tr: Translate = (key, values) => t(`ratings.${key}`, values);
  const cells = (u: RatedUnit): Record<string, ExcelJS.CellValue> => ({
    rank: u.rank,
    unit: localized(u.name, u.nameEn, locale),
    type: t(`orgType.${u.orgType}`),
    ...Object.fromEntries(u.indicators.map((i) => [i.key, i.points])),
    deductions: u.deductions.points > 0 ? -u.deductions.points : 0,
    self: u.rated.self,
    superior: u.rated.superior,
    democratic: u.rated.democratic,
    rated: u.rated.points,
    adjustments: u.adjustments.map((a) => `${a.points > 0 ? "+" : ""}${a.points} ${a.reason}（${a.by}）`).join("；"),
    total: u.total,
    grade: tr(`grade.${u.grade}`),
    rule: ruleWords(u.rule, tr),
  });
  // An indicator the year's scheme gives no points to is no part of the score: its column is left out.
  const computed = view.scheme.config.computed as Record<string, number>;
  const columns = RATING_EXPORT_COLUMNS.filter((c) => computed[c.key] !== 0);
  return { units: view.units.length, published, writeTo: (output) => writeSheet(output, title, t, columns, view.units.map(cells)) };
}

async function writeSheet(output: Writable, title: string, t: Translate, columns: readonly (typeof RATING_EXPORT_COLUMNS)[number][], rows: Record<string, ExcelJS.CellValue>[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Duty Ledger";
  const sheet = workbook.addWorksheet(t("ratings.export.sheet"), {
    views: [{ state: "frozen", ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
  });
  sheet.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  sheet.getColumn("adjustments").alignment = { wrapText: true, vertical: "top" };
  sheet.getColumn("rule").alignment = { wrapText: true, vertical: "top" };
  writeSheetHeading(
    sheet,
    title,
    columns.map((c) => t(`ratings.export.columns.${c.key}`)),
  );
  for (const cells of rows) {
    if (output.destroyed) return;
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await commitUnlessClosed(workbook, output);
}
