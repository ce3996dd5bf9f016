/** Party organizations keep Beijing time; due dates are calendar days there. */
export const TIME_ZONE = "Asia/Shanghai";

// Made once: building an Intl.DateTimeFormat costs far more than formatting with it.
const BEIJING_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** A calendar day as "YYYY-MM-DD" in Beijing time. */
export function dayString(at: Date = new Date()): string {
  return BEIJING_DAY.format(at);
}

/** A "YYYY-MM-DD" day as a UTC-midnight Date, the form in which date columns come back. */
export function dayOf(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** Today in Beijing as a UTC-midnight Date. */
export function today(at: Date = new Date()): Date {
  return dayOf(dayString(at));
}

export function currentYear(at: Date = new Date()): number {
  return Number(dayString(at).slice(0, 4));
}

/** A date column value (UTC midnight) as "YYYY-MM-DD". */
export function isoDay(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** The last day of a month (1-12) as a UTC-midnight Date. */
export function monthEnd(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0));
}

/** A moment as a datetime-local field shows it in Beijing ("2026-12-20T09:00"), the form lib/validation/ratings.ts reads back. */
export function beijingMoment(at: Date): string {
  return new Date(at.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 16);
}
