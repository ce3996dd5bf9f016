import { z } from "zod";

/**
 * The password rule (the same in the browser and on the server): at least
 * PASSWORD_MIN characters, with characters of at least three of four kinds:
 * lowercase letters, capitals, digits, and anything else (symbols, spaces,
 * Chinese characters). On the server two more checks follow, which need the
 * account: not the username, and not the password it replaces.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_KINDS_MIN = 3;

const KINDS = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/] as const;

/** How many of the four kinds of character the password holds. */
export function passwordKinds(password: string): number {
  return KINDS.filter((kind) => kind.test(password)).length;
}

/** A new password as a form sends it; the codes are keys under `validation`. */
export const zNewPassword = z
  .string()
  .min(1, "required")
  .min(PASSWORD_MIN, "passwordTooShort")
  .max(PASSWORD_MAX, "tooLong")
  .refine((password) => passwordKinds(password) >= PASSWORD_KINDS_MIN, "passwordTooWeak");

/** A password typed to prove who one is (the current one); not checked for strength. */
export const zCurrentPassword = z.string().min(1, "required").max(256, "tooLong");

/** Whether a password is the username itself, ignoring case and surrounding spaces. */
export function isUsernameAsPassword(password: string, username: string): boolean {
  return password.trim().toLowerCase() === username.trim().toLowerCase();
}
