import { isoDay } from "@/lib/dates";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { FINDING_OPEN_STATES } from "@/lib/finding-state";
import { OPEN_STATUSES } from "@/lib/item-status";
import type { WarningThresholds } from "@/lib/warnings";

// No "server-only" here: the notify command (scripts/notify.ts) raises warning notices outside Next.js.

/** This deployment's thresholds (WARN_GREEN_DAYS, WARN_YELLOW_DAYS), read afresh like the rest of the environment. */
export function warningThresholds(): WarningThresholds {
  const { WARN_GREEN_DAYS: greenDays, WARN_YELLOW_DAYS: yellowDays } = env();
  return { greenDays, yellowDays };
}

/**
 * The SQL twin of `itemWarning` (lib/warnings.ts): 'red', 'yellow', 'green'
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
