import type { GradeRule } from "@/lib/ratings/score";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** What set a grade, in words, with `t` reading the `ratings` namespace: the page and the workbook say it alike. */
export function ruleWords(rule: GradeRule, t: Translate): string {
  switch (rule.kind) {
    case "band":
      return t("rule.band");
    case "veto":
      return t("rule.veto", { condition: t(`veto.${rule.condition}`) });
    case "floor":
      return t("rule.floor", { democratic: rule.democratic, floor: rule.floor });
    case "cap":
      return t("rule.cap", { cap: rule.cap, allowed: rule.allowed });
  }
}

/** Points to two places at most: 27, 23.33, 34.8. */
export const formatPoints = (points: number) => String(Math.round(points * 100) / 100);
