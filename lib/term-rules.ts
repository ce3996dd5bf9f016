import { isoDay } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { TERM_STATES, type TermState } from "@/lib/term-kinds";
import { daysLeft, type ItemWarning } from "@/lib/warnings";

// One home for the rules of committee terms (换届) over time: when a term
// falls due, and the colours and notice steps of a term falling due, in
// TypeScript and in SQL. lib/server/access/rule-forms.test.ts holds the two
// forms to each other. Which organizations hold terms and for how long is
// lib/term-kinds.ts (light enough for the browser). No "server-only": the
// notify command uses it too.

/**
 * `day` moved by whole calendar months, as PostgreSQL's `date + interval 'n
 * months'` does: the same day of the month, or the month's last day when the
 * target month is shorter (31 August + 6 months = 28 February).
 */
export function addMonths(day: Date, months: number): Date {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), lastDay)));
}

/** When a term elected on `electedOn` for `termYears` falls due: the same calendar day that many years on (29 February → 28 February). */
export function termDueOn(electedOn: Date, termYears: number): Date {
  return addMonths(electedOn, termYears * 12);
}

/** The months before the due day from which a term takes each colour. */
export const TERM_WARNING_MONTHS = { green: 6, yellow: 3 } as const;

/**
 * The colours of a current term, the ledger's three colours on a scale of
 * months (lib/warnings.ts has them on days for items and findings). With
 * `day` today and the due day D (electedOn + termYears):
 *
 * - red    when day > D                               (overdue: the due day has passed)
 * - yellow when D − 3 months ≤ day ≤ D                (due within three months; the due day itself is yellow)
 * - green  when D − 6 months ≤ day < D − 3 months     (due within six months)
 * - none   before D − 6 months.
 *
 * "D − n months" is the same day of the month n months earlier, or that
 * month's last day (addMonths). A term due on 2027-05-25 is green from
 * 2026-11-25, yellow from 2027-02-25 and red from 2027-05-26. `daysLeft` is
 * D − day in whole days, negative once overdue.
 */
export function termWarning(dueOn: Date, day: Date): ItemWarning {
  const left = daysLeft(dueOn, day);
  if (left < 0) return { colour: "red", daysLeft: left };
  if (day >= addMonths(dueOn, -TERM_WARNING_MONTHS.yellow)) return { colour: "yellow", daysLeft: left };
  if (day >= addMonths(dueOn, -TERM_WARNING_MONTHS.green)) return { colour: "green", daysLeft: left };
  return null;
}

const sqlDay = (day: Date) => Prisma.sql`${isoDay(day)}::date`;
const monthsBefore = (dueOn: Prisma.Sql, months: number) => Prisma.sql`(${dueOn} - make_interval(months => ${months}::int))::date`;

/** The SQL twin of `termWarning`: 'red', 'yellow', 'green' or NULL for a date expression (NULL gives NULL). */
export function termWarningSql(dueOn: Prisma.Sql, day: Date): Prisma.Sql {
  const today = sqlDay(day);
  return Prisma.sql`(CASE
    WHEN ${dueOn} IS NULL THEN NULL
    WHEN ${dueOn} < ${today} THEN 'red'
    WHEN ${today} >= ${monthsBefore(dueOn, TERM_WARNING_MONTHS.yellow)} THEN 'yellow'
    WHEN ${today} >= ${monthsBefore(dueOn, TERM_WARNING_MONTHS.green)} THEN 'green'
    ELSE NULL END)`;
}

export function termState(dueOn: Date | null, day: Date): TermState {
  return dueOn === null ? "missing" : (termWarning(dueOn, day)?.colour ?? "notDue");
}

/** The SQL twin of `termState`: `dueOn` is the current term's due day, NULL when the organization has no current term. */
export function termStateSql(dueOn: Prisma.Sql, day: Date): Prisma.Sql {
  return Prisma.sql`(CASE WHEN ${dueOn} IS NULL THEN 'missing' ELSE COALESCE(${termWarningSql(dueOn, day)}, 'notDue') END)`;
}

/** The ledger's order: red, yellow, green, none recorded, then the rest; for `ORDER BY … ASC`. */
export function termStateRankSql(state: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(CASE ${state} ${Prisma.join(
    TERM_STATES.map((s, i) => Prisma.sql`WHEN ${s} THEN ${i}::int`),
    " ",
  )} ELSE ${TERM_STATES.length}::int END)`;
}

/** Whole months since an overdue term's due day: 0 in the first month after it, 1 from the same day a month later, … */
export function monthsOverdue(dueOn: Date, day: Date): number {
  const roughly = (day.getUTCFullYear() - dueOn.getUTCFullYear()) * 12 + (day.getUTCMonth() - dueOn.getUTCMonth());
  return addMonths(dueOn, roughly) > day ? roughly - 1 : roughly;
}

/**
 * The notice step a current term has reached (TERM_DUE notices, one per
 * step): "6m" while green, "3m" while yellow, and once overdue "overdue-<n>"
 * with n the whole months since the due day, so that a new one comes each
 * month. Null before the six-month mark.
 */
export function termNoticeStep(dueOn: Date, day: Date): string | null {
  const warning = termWarning(dueOn, day);
  if (!warning) return null;
  if (warning.colour === "red") return `overdue-${monthsOverdue(dueOn, day)}`;
  return warning.colour === "yellow" ? "3m" : "6m";
}

/** The SQL twin of `monthsOverdue`, for a due day before `day`. */
export function monthsOverdueSql(dueOn: Prisma.Sql, day: Date): Prisma.Sql {
  const today = sqlDay(day);
  const roughly = Prisma.sql`((extract(year from ${today})::int - extract(year from ${dueOn})::int) * 12 + extract(month from ${today})::int - extract(month from ${dueOn})::int)`;
  return Prisma.sql`(${roughly} - CASE WHEN (${dueOn} + make_interval(months => ${roughly}))::date > ${today} THEN 1 ELSE 0 END)`;
}

/** The SQL twin of `termNoticeStep`. */
export function termNoticeStepSql(dueOn: Prisma.Sql, day: Date): Prisma.Sql {
  const colour = termWarningSql(dueOn, day);
  return Prisma.sql`(CASE ${colour}
    WHEN 'red' THEN 'overdue-' || ${monthsOverdueSql(dueOn, day)}::text
    WHEN 'yellow' THEN '3m'
    WHEN 'green' THEN '6m'
    ELSE NULL END)`;
}
