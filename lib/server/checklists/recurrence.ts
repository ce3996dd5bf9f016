import { monthEnd } from "@/lib/dates";
import type { Frequency } from "@/lib/generated/prisma/enums";

export type Occurrence = { occurrence: number; dueDate: Date };

/** The items a duty makes in a year: one per occurrence, due at the end of its month, quarter or half. */
export function occurrencesInYear(frequency: Frequency, year: number): Occurrence[] {
  return occurrencesIn(frequency, year, 0);
}

const END_MONTHS: Record<Frequency, number[]> = {
  MONTHLY: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  QUARTERLY: [3, 6, 9, 12],
  HALF_YEARLY: [6, 12],
  YEARLY: [12],
  ONCE: [12],
};

/**
 * The items a duty makes in a period: a year (quarter 0) or one quarter.
 * In a quarter, a monthly duty makes one item per month of the quarter and
 * every other duty one item due at the quarter's end. Occurrences are
 * numbered from 1 within the period.
 */
export function occurrencesIn(frequency: Frequency, year: number, quarter: number): Occurrence[] {
  if (quarter === 0) {
    return END_MONTHS[frequency].map((m, i) => ({ occurrence: i + 1, dueDate: monthEnd(year, m) }));
  }
  const lastMonth = quarter * 3;
  const months = frequency === "MONTHLY" ? [lastMonth - 2, lastMonth - 1, lastMonth] : [lastMonth];
  return months.map((m, i) => ({ occurrence: i + 1, dueDate: monthEnd(year, m) }));
}

/** A due date moved by whole days (negative: earlier). */
export function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

/** The first and last day of a year (quarter 0) or of one of its quarters. */
export function periodRange(year: number, quarter: number): { startsOn: Date; endsOn: Date } {
  return {
    startsOn: new Date(Date.UTC(year, quarter === 0 ? 0 : (quarter - 1) * 3, 1)),
    endsOn: new Date(Date.UTC(year, quarter === 0 ? 12 : quarter * 3, 0)),
  };
}
