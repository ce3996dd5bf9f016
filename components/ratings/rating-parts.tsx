import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/lib/org-label";
import type { Grade, RatingScheme } from "@/lib/ratings/scheme";
import { formatPoints, ruleWords } from "@/lib/ratings/rule-words";
import type { GradeRule } from "@/lib/ratings/score";
import type { SchemeView } from "@/lib/server/ratings/schemes";

const GRADE_TONE = { GOOD: "ok", FAIRLY_GOOD: "brand", AVERAGE: "warn", POOR: "danger" } as const;

/** A grade as a coloured word: 好, 较好, 一般, 差. */
export async function GradeBadge({ grade }: { grade: Grade }) {
  const t = await getTranslations("ratings.grade");
  return <Badge tone={GRADE_TONE[grade]}>{t(grade)}</Badge>;
}

/** What set a grade, in words. */
export async function ruleText(rule: GradeRule): Promise<string> {
  return ruleWords(rule, (await getTranslations("ratings")) as unknown as Parameters<typeof ruleWords>[1]);
}

export { formatPoints };

/** The scheme of a year as a list the committee reads: who is rated, where the points come from, the bands and rules. */
export async function SchemeSummary({ scheme }: { scheme: SchemeView }) {
  const [t, tt, format, locale] = await Promise.all([getTranslations("ratings"), getTranslations("orgType"), getFormatter(), getLocale()]);
  const c: RatingScheme = scheme.config;
  const rows: [string, string][] = [
    [t("scheme.ratedTypes"), format.list(c.ratedTypes.map((type) => tt(type)))],
    [t("scheme.computed"), format.list((Object.keys(c.computed) as (keyof RatingScheme["computed"])[]).map((k) => `${t(`indicator.${k}`)} ${formatPoints(c.computed[k])}`))],
    [t("scheme.rated"), t("scheme.ratedShares", { points: formatPoints(c.rated.points), self: c.rated.self, superior: c.rated.superior, democratic: c.rated.democratic })],
    [t("scheme.dimensions"), format.list(c.rated.dimensions.map((d) => localized(d.label, d.labelEn, locale)))],
    [t("scheme.deductions"), t("scheme.deductionsText", { ...c.overdueDeductions })],
    [t("scheme.bands"), t("scheme.bandsText", { ...c.bands })],
    [t("scheme.cap"), c.topGradeCap === null ? t("scheme.none") : t("scheme.capText", { cap: c.topGradeCap })],
    [t("scheme.floor"), c.satisfactionFloor === null ? t("scheme.none") : t("scheme.floorText", { floor: c.satisfactionFloor })],
    [t("scheme.vetoes"), c.vetoes.length === 0 ? t("scheme.none") : format.list(c.vetoes.map((v) => t(`veto.${v}`)))],
    [t("scheme.lagging"), c.laggingLast === null ? t("scheme.laggingText") : t("scheme.laggingLastText", { last: c.laggingLast })],
  ];
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        {scheme.frozenAt
          ? t("scheme.frozen")
          : scheme.version === 0
            ? t("scheme.unsaved")
            : t("scheme.saved", { version: scheme.version, who: scheme.savedBy ?? "—", date: format.dateTime(scheme.updatedAt!, { dateStyle: "medium" }) })}
      </p>
      <dl className="space-y-2 text-sm">
        {rows.map(([term, text]) => (
          <div key={term}>
            <dt className="text-xs font-medium text-muted">{term}</dt>
            <dd className="min-w-0 break-words">{text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
