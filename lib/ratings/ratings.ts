import { z } from "zod";
import type { RatingScheme } from "@/lib/ratings/scheme";

/** One dimension's score as a rater gives it: a whole number from 0 to 100. */
export const ZDimensionScore = z.number({ error: "notANumber" }).int("notAnInteger").min(0, "percentRange").max(100, "percentRange");

/** A rater's scores by dimension key. */
export type DimensionScores = Record<string, number>;

type Dimensions = RatingScheme["rated"]["dimensions"];

/**
 * Checks a rater's scores against the scheme's dimensions: one whole score
 * from 0 to 100 for each, and no other key. Returns the refusals by
 * dimension key (message codes), none when the scores hold.
 */
export function scoreErrors(scores: Record<string, unknown>, dimensions: Dimensions): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const { key } of dimensions) {
    const parsed = ZDimensionScore.safeParse(scores[key]);
    if (!parsed.success) errors[key] = [scores[key] === undefined ? "required" : parsed.error.issues[0]!.message];
  }
  for (const key of Object.keys(scores)) if (!dimensions.some((d) => d.key === key)) errors[key] = ["unknownDimension"];
  return errors;
}

/** A rating: the mean of its dimensions' scores; null when one is missing. */
export function ratingOf(scores: DimensionScores, dimensions: Dimensions): number | null {
  const values = dimensions.map((d) => scores[d.key]);
  if (values.some((v) => typeof v !== "number")) return null;
  return meanOf(values as number[]);
}

/** The mean of `values`, null for none: the democratic rating is the mean of its ballots' ratings. */
export function meanOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}
