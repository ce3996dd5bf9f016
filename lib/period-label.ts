/** A next-intl translator over the whole catalog (no namespace). */
type RootTranslate = (key: string, values?: Record<string, string | number>) => string;

/** "2026 年度" or "2026 年第 3 季度" in the reader's language. */
export function periodLabel(t: RootTranslate, period: { year: number; quarter: number }): string {
  return period.quarter === 0 ? t("period.year", { year: period.year }) : t("period.quarter", { year: period.year, quarter: period.quarter });
}
