import type { OrgType } from "@/lib/generated/prisma/enums";
import { COMPUTED_INDICATORS, GRADES, type ComputedIndicator, type Grade, type RatingScheme, type VetoCondition } from "@/lib/ratings/scheme";

/**
 * Scores a rated unit's year under a rating scheme, and explains every
 * point: each indicator's raw count, weight and points, each adjustment
 * with its reason and author, and the rule that set the grade. Points are
 * kept in hundredths, so that a band's boundary (90.00) is met exactly.
 */

/** A share: `done` of `of`, both counts (or, for the weighted completion, sums of duty points). */
export type Share = { done: number; of: number };

/** What the ledger says about one unit's subtree for the period (lib/server/ratings/unit-facts.ts). */
export type UnitFacts = Record<ComputedIndicator, Share> & {
  /** Findings still open past their deadline, by severity. */
  overdueFindings: { LOW: number; MEDIUM: number; HIGH: number };
  /** Which veto conditions hold. */
  vetoes: Record<VetoCondition, boolean>;
};

/** The three ratings (each the mean of its dimensions, 0 to 100); null while not given. */
export type Ratings = { self: number | null; superior: number | null; democratic: number | null };

export type Adjustment = { points: number; reason: string; by: string };

export type IndicatorScore = {
  key: ComputedIndicator;
  done: number;
  of: number;
  /** done / of, 0 to 1; null when there is nothing to count, which earns the full points. */
  value: number | null;
  weight: number;
  points: number;
};

export type GradeRule =
  | { kind: "band" }
  | { kind: "veto"; condition: VetoCondition }
  | { kind: "floor"; democratic: number; floor: number }
  | { kind: "cap"; cap: number; allowed: number };

export type UnitScore = {
  orgId: string;
  orgType: OrgType;
  indicators: IndicatorScore[];
  deductions: { overdue: UnitFacts["overdueFindings"]; points: number };
  rated: Ratings & { points: number; complete: boolean };
  adjustments: Adjustment[];
  /** The points before adjustments, and after them (kept within 0 to 100). */
  base: number;
  total: number;
  /** The grade of the total's band, before the veto, floor and cap. */
  bandGrade: Grade;
  grade: Grade;
  rule: GradeRule;
  /** Among the scored units of the same type, by grade, then total; the same grade and total share a rank. */
  rank: number;
  of: number;
};

export type UnitInput = { orgId: string; orgType: OrgType; facts: UnitFacts; ratings: Ratings; adjustments: Adjustment[] };

const hundredths = (points: number) => Math.round(points * 100);
const fromHundredths = (h: number) => h / 100;

function indicatorScore(key: ComputedIndicator, share: Share, weight: number): IndicatorScore & { h: number } {
  const h = share.of > 0 ? Math.round((share.done * weight * 100) / share.of) : hundredths(weight);
  return { key, done: share.done, of: share.of, value: share.of > 0 ? share.done / share.of : null, weight, points: fromHundredths(h), h };
}

/** The grade whose band holds `total` (in hundredths). */
export function bandOf(scheme: RatingScheme, totalH: number): Grade {
  const { good, fairlyGood, average } = scheme.bands;
  if (totalH >= hundredths(good)) return "GOOD";
  if (totalH >= hundredths(fairlyGood)) return "FAIRLY_GOOD";
  if (totalH >= hundredths(average)) return "AVERAGE";
  return "POOR";
}

type Scored = Omit<UnitScore, "rank" | "of"> & { totalH: number };

/** One unit's points and its grade before the rules that weigh it against the others (the cap). */
function scoreOne(scheme: RatingScheme, input: UnitInput): Scored {
  const indicators = COMPUTED_INDICATORS.map((key) => indicatorScore(key, input.facts[key], scheme.computed[key]));
  const { overdueFindings: overdue } = input.facts;
  const d = scheme.overdueDeductions;
  const deductionH = Math.min(hundredths(d.max), overdue.LOW * hundredths(d.LOW) + overdue.MEDIUM * hundredths(d.MEDIUM) + overdue.HIGH * hundredths(d.HIGH));

  const { self, superior, democratic } = input.ratings;
  const r = scheme.rated;
  const shares = [
    [self, r.self],
    [superior, r.superior],
    [democratic, r.democratic],
  ] as const;
  // Each rating (0 to 100) earns its share of the rated points: rating × share% × points / 100.
  const ratedH = Math.round(shares.reduce((sum, [rating, share]) => sum + (rating ?? 0) * share * hundredths(r.points), 0) / 10_000);
  const complete = shares.every(([rating, share]) => share === 0 || rating !== null);

  const baseH = indicators.reduce((sum, i) => sum + i.h, 0) - deductionH + ratedH;
  const adjustmentH = input.adjustments.reduce((sum, a) => sum + hundredths(a.points), 0);
  const totalH = Math.min(10_000, Math.max(0, baseH + adjustmentH));
  const bandGrade = bandOf(scheme, totalH);

  let grade = bandGrade;
  let rule: GradeRule = { kind: "band" };
  const veto = scheme.vetoes.find((condition) => input.facts.vetoes[condition]);
  if (veto) {
    grade = "POOR";
    rule = { kind: "veto", condition: veto };
  } else if (grade === "GOOD" && scheme.satisfactionFloor !== null && democratic !== null && democratic < scheme.satisfactionFloor) {
    grade = "FAIRLY_GOOD";
    rule = { kind: "floor", democratic, floor: scheme.satisfactionFloor };
  }
  return {
    orgId: input.orgId,
    orgType: input.orgType,
    indicators: indicators.map(({ h: _h, ...i }) => i),
    deductions: { overdue, points: fromHundredths(deductionH) },
    rated: { self, superior, democratic, points: fromHundredths(ratedH), complete },
    adjustments: input.adjustments,
    base: fromHundredths(baseH),
    total: fromHundredths(totalH),
    totalH,
    bandGrade,
    grade,
    rule,
  };
}

/**
 * Scores the units of a period together: each on its own, then, per type
 * of organization, the cap on the share of 好 (the highest totals keep it;
 * units tied at the cut all give it up, so that the cap is never passed)
 * and the rank by grade, then total (1, 2, 2, 4).
 */
export function scoreUnits(scheme: RatingScheme, inputs: UnitInput[]): UnitScore[] {
  const scored = inputs.map((input) => scoreOne(scheme, input));
  const byType = new Map<OrgType, Scored[]>();
  for (const s of scored) {
    const units = byType.get(s.orgType);
    if (units) units.push(s);
    else byType.set(s.orgType, [s]);
  }

  const ranks = new Map<Scored, { rank: number; of: number }>();
  for (const units of byType.values()) {
    const byTotal = [...units].sort((a, b) => b.totalH - a.totalH);
    if (scheme.topGradeCap !== null) {
      const allowed = Math.floor((scheme.topGradeCap * units.length) / 100);
      const good = byTotal.filter((u) => u.grade === "GOOD");
      const cut = good[allowed]?.totalH;
      for (const u of cut === undefined ? [] : good.filter((g) => g.totalH <= cut)) {
        u.grade = "FAIRLY_GOOD";
        u.rule = { kind: "cap", cap: scheme.topGradeCap, allowed };
      }
    }
    // Ranked by grade, then total: a unit a veto or the floor set back stands below every better grade.
    // A unit's rank is one more than the units above it: the same grade and total share a place.
    const byGrade = [...byTotal].sort((a, b) => GRADES.indexOf(a.grade) - GRADES.indexOf(b.grade) || b.totalH - a.totalH);
    byGrade.forEach((u, i) => {
      const prev = byGrade[i - 1];
      const above = prev && prev.totalH === u.totalH && prev.grade === u.grade ? ranks.get(prev)!.rank - 1 : i;
      ranks.set(u, { rank: above + 1, of: units.length });
    });
  }
  return scored.map((s) => {
    const { totalH: _totalH, ...score } = s;
    return { ...score, ...ranks.get(s)! };
  });
}
