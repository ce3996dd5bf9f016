// No "server-only": the forms and the pages name the kinds and the rule alike.

/** The meetings of a branch's organizational life (三会一课) and the themed party day, in the order the pages list them. */
export const MEETING_KINDS = ["ASSEMBLY", "COMMITTEE", "GROUP", "LECTURE", "THEMED_DAY"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * How many of each a branch holds at least in a quarter: a party members'
 * assembly and a party lecture each quarter; a committee meeting, a group
 * meeting and a themed party day each month.
 */
export const REQUIRED_PER_QUARTER: Record<MeetingKind, number> = { ASSEMBLY: 1, COMMITTEE: 3, GROUP: 3, LECTURE: 1, THEMED_DAY: 3 };

/** What is missing of each kind, given what was held: never below zero. */
export function missingMeetings(held: Partial<Record<MeetingKind, number>>): Record<MeetingKind, number> {
  return Object.fromEntries(MEETING_KINDS.map((k) => [k, Math.max(0, REQUIRED_PER_QUARTER[k] - (held[k] ?? 0))])) as Record<MeetingKind, number>;
}

/** The first and last day of a quarter, as ISO days. */
export function quarterDays(year: number, quarter: number): { from: string; to: string } {
  const from = new Date(Date.UTC(year, (quarter - 1) * 3, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  return { from, to };
}
