/** Where a user whose password was reset sets their own (lib/server/access/authorize.ts sends them there). */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** The change-password page, returning afterwards to `next` (a path of the app; checked again where it is read). */
export function changePasswordPath(next?: string): string {
  return next && next !== "/" && !next.startsWith(CHANGE_PASSWORD_PATH) ? `${CHANGE_PASSWORD_PATH}?next=${encodeURIComponent(next)}` : CHANGE_PASSWORD_PATH;
}
