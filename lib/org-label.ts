/** Data keeps Chinese names; an English name is shown when the user reads English and one exists. */
export function orgLabel(name: string, nameEn: string | null | undefined, locale: string): string {
  return locale === "en" && nameEn ? nameEn : name;
}

export function localized(zh: string, en: string | null | undefined, locale: string): string {
  return locale === "en" && en ? en : zh;
}
