export const LOCALES = ["zh", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "zh";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** sessionStorage key: a language chosen before signing in, applied to the user at sign-in. */
export const LOCALE_CHOICE_KEY = "duty-ledger.locale-choice";
