import "server-only";
import { dayOf } from "@/lib/dates";
import type { FindingSeverity } from "@/lib/generated/prisma/enums";
import { readTourSheet, type TourSheetProblem } from "@/lib/inspections/tour-sheet";
import { can } from "@/lib/server/access/permissions";
import { reachesPath } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { checkReceived, takesFeedback, writeTourFeedback } from "@/lib/server/inspections/tours";
import { TEXT_MAX, TOUR_PROBLEMS_MAX, type TProblemEntry, type TTourMeta } from "@/lib/validation/inspections";
import { hasUnstorableText } from "@/lib/validation/text";

/** The severities as a sheet may write them: the words of the interface in either language, or the codes. */
const SEVERITY_WORDS: Record<string, FindingSeverity> = {
  一般: "LOW",
  较重: "MEDIUM",
  严重: "HIGH",
  minor: "LOW",
  moderate: "MEDIUM",
  serious: "HIGH",
  low: "LOW",
  medium: "MEDIUM",
  high: "HIGH",
};

export type TourImportOutcome =
  | {
      ok: true;
      /** One feedback per unit named, in the sheet's order. */
      created: { tourId: string; org: string; problems: number }[];
      /** Units whose feedback from this tour on this day was imported before: left as they are. */
      skipped: { org: string }[];
    }
  | { ok: false; problems: TourSheetProblem[] };

const isDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(dayOf(text).getTime()) && dayOf(text).toISOString().startsWith(text);

/**
 * Imports a tour's problem list from a sheet, for every unit it names: each
 * row checked first (the unit in the committee's reach and of a kind that
 * takes feedback, the text, a known category, a severity, a deadline after
 * the day received) and every refusal listed by row, nothing written while
 * any stands. Then one feedback per unit, all in one transaction. A unit
 * already holding this tour's feedback of that day is skipped, so that the
 * same sheet imported twice adds nothing.
 */
export async function importTourFeedback(actor: Actor, meta: TTourMeta, bytes: Uint8Array, now: Date = new Date()): Promise<TourImportOutcome> {
  if (!can(actor, "inspection.oversee")) throw new NotFoundError();
  checkReceived(meta, now);
  const read = await readTourSheet(bytes);
  if (read.problems.length > 0) return { ok: false, problems: read.problems };

  const codes = [...new Set(read.rows.map((r) => r.orgCode).filter(Boolean))];
  const [orgs, categories] = await Promise.all([
    prisma.org.findMany({ where: { code: { in: codes } }, select: { id: true, code: true, name: true, path: true, type: true, closedAt: true } }),
    prisma.findingCategory.findMany({ where: { isActive: true }, select: { id: true, code: true, name: true, nameEn: true } }),
  ]);
  const orgByCode = new Map(orgs.filter((o) => reachesPath(actor, "inspection.oversee", o.path)).map((o) => [o.code, o]));
  const categoryOf = new Map<string, string>();
  for (const c of categories) for (const key of [c.code, c.name, c.nameEn]) if (key) categoryOf.set(key.toLowerCase(), c.id);

  const problems: TourSheetProblem[] = [];
  const byOrg = new Map<string, TProblemEntry[]>();
  for (const row of read.rows) {
    const at = (column: string, code: string, params?: TourSheetProblem["params"]) => problems.push({ row: row.row, column, code, params });
    const org = orgByCode.get(row.orgCode);
    if (!row.orgCode) at("单位代码", "required");
    // A unit outside the committee's reach reads as unknown: the sheet learns nothing of other trees.
    else if (!org) at("单位代码", "unknownOrg", { code: row.orgCode });
    else if (!takesFeedback(org)) at("单位代码", "notRated", { code: row.orgCode });
    if (!row.text) at("问题表述", "required");
    else if (row.text.length > TEXT_MAX) at("问题表述", "tooLong", { max: TEXT_MAX });
    else if (hasUnstorableText(row.text)) at("问题表述", "unstorable");
    const categoryId = categoryOf.get(row.category.toLowerCase());
    if (!categoryId) at("问题类别", "unknownCategory", { category: row.category });
    const severity = SEVERITY_WORDS[row.severity.toLowerCase()];
    if (!severity) at("严重程度", "badSeverity", { severity: row.severity });
    if (!isDay(row.deadline)) at("整改时限", "badDate", { text: row.deadline });
    else if (row.deadline <= meta.receivedOn) at("整改时限", "deadlineAfterFeedback");
    if (org && categoryId && severity) {
      const list = byOrg.get(org.id) ?? byOrg.set(org.id, []).get(org.id)!;
      if (list.length === TOUR_PROBLEMS_MAX) at("单位代码", "tooManyForUnit", { code: row.orgCode, max: TOUR_PROBLEMS_MAX });
      list.push({ text: row.text, categoryId, severity, deadline: row.deadline });
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const orgById = new Map(orgs.map((o) => [o.id, o]));
  return prisma.$transaction(async (tx) => {
    const created: { tourId: string; org: string; problems: number }[] = [];
    const skipped: { org: string }[] = [];
    for (const [orgId, list] of byOrg) {
      const org = orgById.get(orgId)!;
      const before = await tx.tourFeedback.findFirst({ where: { orgId, tourName: meta.tourName, receivedOn: dayOf(meta.receivedOn) }, select: { id: true } });
      if (before) {
        skipped.push({ org: org.name });
        continue;
      }
      created.push({ tourId: await writeTourFeedback(tx, actor, org, meta, list, now), org: org.name, problems: list.length });
    }
    return { ok: true as const, created, skipped };
  });
}
