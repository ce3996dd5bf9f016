/** A menu badge counts no further than this: a committee's queue can hold thousands, and the header is on every page. */
export const BADGE_COUNT_UP_TO = 99;

/** A count as a badge shows it: "99+" once past what badges count. */
export function badgeCount(count: number): string {
  return count > BADGE_COUNT_UP_TO ? `${BADGE_COUNT_UP_TO}+` : String(count);
}
