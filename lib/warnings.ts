import { isoDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { FINDING_OPEN_STATES } from "@/lib/finding-state";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { isOpen, OPEN_STATUSES } from "@/lib/item-status";

// One home for the three-colour rule, in TypeScript (itemWarning, deadlineWarning) and in SQL (warningColourSql,
// deadlineWarningSql); a test holds the two to each other. No "server-only": the notify command uses it too.

/**
 * Three-colour warnings by the time left to an open item's due date
 * (红黄绿三色预警). Everything is derived when read, from the due date and
 * "today" (lib/dates.ts `today`): no job stores a colour.
 *
 * With `left` = due date − today in whole calendar days and the
 * deployment's thresholds (WARN_YELLOW_DAYS ≤ WARN_GREEN_DAYS,
 * `warningThresholds`), an open item (NOT_STARTED, IN_PROGRESS, RETURNED) is
 *
 * - red    when left < 0                      (overdue: due yesterday or earlier)
 * - yellow when 0 ≤ left ≤ yellowDays         (due today counts as yellow, not red)
 * - green  when yellowDays < left ≤ greenDays
 * - none   when left > greenDays.
 *
 * With the defaults 20/10: due today → yellow, in 10 days → yellow, in 11
 * → green, in 20 → green, in 21 → none. Submitted, done, not applicable and
 * withdrawn items never carry a colour: the organization has done its part.
 *
 * The SQL twin of `itemWarning` is `warningColourSql`, below; a test
 * checks that both agree on every boundary.
 */
export const WARNING_COLOURS = ["red", "yellow", "green"] as const;

export type WarningColour = (typeof WARNING_COLOURS)[number];

export type WarningThresholds = { greenDays: number; yellowDays: number };

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { greenDays: 20, yellowDays: 10 };

/** An item's colour and the whole days left (negative when overdue); null when it has no colour. */
export type ItemWarning = { colour: WarningColour; daysLeft: number } | null;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole calendar days from `day` to `dueDate`, both UTC-midnight dates; negative when overdue. */
export function daysLeft(dueDate: Date, day: Date): number {
  return Math.round((dueDate.getTime() - day.getTime()) / DAY_MS);
}

export function itemWarning(status: ItemStatus, dueDate: Date, day: Date, thresholds: WarningThresholds): ItemWarning {
  return deadlineWarning(isOpen(status), dueDate, day, thresholds);
}

/**
 * The same colours for anything with a deadline that is `open` (still owed):
 * a checklist item, or a finding under rectification (lib/finding-state.ts).
 */
export function deadlineWarning(open: boolean, dueDate: Date, day: Date, thresholds: WarningThresholds): ItemWarning {
  if (!open) return null;
  const left = daysLeft(dueDate, day);
  if (left < 0) return { colour: "red", daysLeft: left };
  if (left <= thresholds.yellowDays) return { colour: "yellow", daysLeft: left };
  if (left <= thresholds.greenDays) return { colour: "green", daysLeft: left };
  return null;
}

export function warningColour(status: ItemStatus, dueDate: Date, day: Date, thresholds: WarningThresholds): WarningColour | null {
  return itemWarning(status, dueDate, day, thresholds)?.colour ?? null;
}

/** Red is worse than yellow, yellow than green, green than none. */
export const WARNING_RANK: Record<WarningColour, number> = { red: 3, yellow: 2, green: 1 };

/** The worst of some colours, as a roll-up shows it; null when none has a colour. */
export function worstWarning(colours: Iterable<WarningColour | null>): WarningColour | null {
  let worst: WarningColour | null = null;
  for (const colour of colours) {
    if (colour && (!worst || WARNING_RANK[colour] > WARNING_RANK[worst])) worst = colour;
  }
  return worst;
}

export function isWarningColour(value: unknown): value is WarningColour {
  return typeof value === "string" && (WARNING_COLOURS as readonly string[]).includes(value);
}

/** This deployment's thresholds (WARN_GREEN_DAYS, WARN_YELLOW_DAYS), read afresh like the rest of the environment. */
export function warningThresholds(): WarningThresholds {
  const { WARN_GREEN_DAYS: greenDays, WARN_YELLOW_DAYS: yellowDays } = env();
  return { greenDays, yellowDays };
}

/**
 * The SQL twin of `itemWarning`: 'red', 'yellow', 'green'
 * or NULL for an item with these status and due-date columns. `date - date`
 * is a whole number of days in PostgreSQL, so the boundaries are the same
 * as in JavaScript; a test compares the two on each of them.
 */
export function warningColourSql(columns: { status: Prisma.Sql; dueDate: Prisma.Sql }, day: Date, thresholds: WarningThresholds): Prisma.Sql {
  return deadlineWarningSql({ open: Prisma.sql`${columns.status}::text = ANY (${[...OPEN_STATUSES]}::text[])`, dueDate: columns.dueDate }, day, thresholds);
}

/** The SQL twin of `deadlineWarning`: `open` is a boolean expression, `dueDate` a date one (NULL gives no colour). */
export function deadlineWarningSql(columns: { open: Prisma.Sql; dueDate: Prisma.Sql }, day: Date, thresholds: WarningThresholds): Prisma.Sql {
  const today = Prisma.sql`${isoDay(day)}::date`;
  return Prisma.sql`(CASE
    WHEN NOT (${columns.open}) OR ${columns.dueDate} IS NULL THEN NULL
    WHEN ${columns.dueDate} < ${today} THEN 'red'
    WHEN ${columns.dueDate} - ${today} <= ${thresholds.yellowDays}::int THEN 'yellow'
    WHEN ${columns.dueDate} - ${today} <= ${thresholds.greenDays}::int THEN 'green'
    ELSE NULL END)`;
}

/**
 * Red first, then yellow, then the rest (green and none alike), for
 * `ORDER BY ... ASC`: `colour` is one of the expressions above.
 */
export function warningFirstSql(colour: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE ${colour} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END)`;
}

/** The colour of a `"ChecklistItem"` row under the alias `i`. */
export function itemWarningSql(day: Date, thresholds: WarningThresholds): Prisma.Sql {
  return warningColourSql({ status: Prisma.sql`i."status"`, dueDate: Prisma.sql`i."dueDate"` }, day, thresholds);
}

/** The colour of a `"Finding"` row under the alias `f`: open findings (lib/finding-state.ts) by their deadline. */
export function findingWarningSql(day: Date, thresholds: WarningThresholds): Prisma.Sql {
  return deadlineWarningSql(
    { open: Prisma.sql`f."state"::text = ANY (${[...FINDING_OPEN_STATES]}::text[])`, dueDate: Prisma.sql`f."deadline"` },
    day,
    thresholds,
  );
}
