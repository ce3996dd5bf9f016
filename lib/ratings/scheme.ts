import { z } from "zod";
import type { OrgType } from "@/lib/generated/prisma/enums";

/**
 * A rating scheme (考核方案): how a unit's year is scored. Part of the
 * points come from the ledger (computed indicators), part from people
 * (the self-rating, the superior's rating and the democratic rating of the
 * report meeting); adjustments, a cap on the top grade, a satisfaction
 * floor and vetoes then settle the grade. Every weight is in points of a
 * 100-point total; lib/ratings/score.ts applies it.
 */

/** The four grades, best first: 好, 较好, 一般, 差. */
export const GRADES = ["GOOD", "FAIRLY_GOOD", "AVERAGE", "POOR"] as const;
export type Grade = (typeof GRADES)[number];

/** The indicators computed from the ledger, in the order a score explains them. */
export const COMPUTED_INDICATORS = ["completion", "onTime", "evidence", "findingsOnTime", "tourRectification"] as const;
export type ComputedIndicator = (typeof COMPUTED_INDICATORS)[number];

/** Conditions that set the grade to 差 whatever the points (一票否决). */
export const VETO_CONDITIONS = [
  /** A finding of the highest severity still open when the period is rated. */
  "OPEN_SERIOUS_FINDING",
  /** A finding of a discipline inspection (纪律抽查) still open when the period is rated. */
  "OPEN_DISCIPLINE_FINDING",
] as const;
export type VetoCondition = (typeof VETO_CONDITIONS)[number];

/** The organizations a scheme may rate: each rated unit's party body, not the committee itself. */
export const RATED_TYPES = ["PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const satisfies readonly OrgType[];

// Refusals are message codes (ratings.error.*, validation.*), as the form shows them.
const points = z.number({ error: "notANumber" }).min(0, "notNegative").max(100, "pointsRange");
const percent = z.number({ error: "notANumber" }).int("notAnInteger").min(0, "notNegative").max(100, "percentRange");
/** A percent that may be left out: an empty number field (NaN) is no value. */
const optionalPercent = z.preprocess((v) => (typeof v === "number" && Number.isNaN(v) ? null : v), percent.nullable());
/** A count of units that may be left out, like optionalPercent. */
const optionalCount = z.preprocess(
  (v) => (typeof v === "number" && Number.isNaN(v) ? null : v),
  z.number({ error: "notANumber" }).int("notAnInteger").min(1, "countRange").max(1000, "countRange").nullable(),
);

export const ZRatingScheme = z
  .object({
    /** The types of organization rated (and ranked, each type apart). */
    ratedTypes: z.array(z.enum(RATED_TYPES)).min(1, "pickRatedType"),
    /**
     * Points of each computed indicator: its value (0 to 1) times these points. The rectification of
     * top-down inspection findings came later: schemes saved before it read it as 0 points.
     */
    computed: z.object({ completion: points, onTime: points, evidence: points, findingsOnTime: points, tourRectification: points.default(0) }),
    /** Points taken off per finding still open past its deadline, by severity, at most `max` in all. */
    overdueDeductions: z.object({ LOW: points, MEDIUM: points, HIGH: points, max: points }),
    /** The rated part: its points, and how the three ratings (each 0 to 100) share them, in percent. */
    rated: z.object({
      points,
      self: percent,
      superior: percent,
      democratic: percent,
      /** The named dimensions each rater scores (0 to 100); a rating is their mean. */
      dimensions: z
        .array(z.object({ key: z.string().trim().min(1, "required").max(40, "tooLong"), label: z.string().trim().min(1, "required").max(100, "tooLong"), labelEn: z.string().trim().max(100, "tooLong").optional() }))
        .min(1, "required")
        .max(20, "tooManyDimensions"),
    }),
    /** The lowest total of each grade but the last: 好 from `good`, 较好 from `fairlyGood`, 一般 from `average`. */
    bands: z.object({ good: points, fairlyGood: points, average: points }),
    /** At most this share (percent) of the rated units of a type get 好; null for no cap. */
    topGradeCap: optionalPercent,
    /** A democratic rating below this bars 好; null for no floor. */
    satisfactionFloor: optionalPercent,
    vetoes: z.array(z.enum(VETO_CONDITIONS)),
    /** The last this many units of each type count as lagging (后进), whatever their grade; null for none. Schemes saved before it read as none. */
    laggingLast: optionalCount.default(null),
  })
  // Each refusal of the whole is put at the field a committee would change to mend it.
  .superRefine((scheme, ctx) => {
    const total = Object.values(scheme.computed).reduce((sum, p) => sum + p, 0) + scheme.rated.points;
    if (Math.abs(total - 100) > 1e-9) ctx.addIssue({ code: "custom", path: ["rated", "points"], message: "pointsNot100" });
    if (scheme.rated.self + scheme.rated.superior + scheme.rated.democratic !== 100) ctx.addIssue({ code: "custom", path: ["rated", "democratic"], message: "sharesNot100" });
    const { good, fairlyGood, average } = scheme.bands;
    if (!(good > fairlyGood && fairlyGood > average)) ctx.addIssue({ code: "custom", path: ["bands", "average"], message: "bandsOutOfOrder" });
    const keys = scheme.rated.dimensions.map((d) => d.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["rated", "dimensions"], message: "duplicateDimension" });
  });

export type RatingScheme = z.infer<typeof ZRatingScheme>;

/**
 * The common scheme: the units' party groups rated; 60 points from the ledger (weighted completion 30,
 * on time 10, evidence 10, findings closed on time 10; a committee that weighs the rectification of
 * top-down inspection findings apart moves points to it), 40 from people
 * (40% self, 60% superior); bands at 90, 80 and 60; up to 5 points off for
 * overdue findings; the top grade capped at 20% and barred below 80%
 * satisfaction; a serious finding left open vetoes.
 */
export const DEFAULT_RATING_SCHEME: RatingScheme = {
  ratedTypes: ["PARTY_GROUP"],
  computed: { completion: 30, onTime: 10, evidence: 10, findingsOnTime: 10, tourRectification: 0 },
  overdueDeductions: { LOW: 0.5, MEDIUM: 1, HIGH: 2, max: 5 },
  rated: {
    points: 40,
    self: 40,
    superior: 60,
    democratic: 0,
    dimensions: [
      { key: "political", label: "政治建设", labelEn: "Political building" },
      { key: "duties", label: "履行职责", labelEn: "Duties performed" },
      { key: "rectification", label: "整改落实", labelEn: "Rectification" },
    ],
  },
  bands: { good: 90, fairlyGood: 80, average: 60 },
  topGradeCap: 20,
  satisfactionFloor: 80,
  vetoes: ["OPEN_SERIOUS_FINDING"],
  laggingLast: null,
};
