import { z } from "zod";
import { ZRatingScheme } from "@/lib/ratings/scheme";
import { ZId, ZIdParam } from "@/lib/validation/text";

/** A year's rating scheme as the committee saves it, against the version it saw (0: never saved). */
export const ZSaveRatingScheme = z.object({
  periodId: ZId,
  expectedVersion: z.number().int().min(0),
  config: ZRatingScheme,
});

export type TSaveRatingScheme = z.input<typeof ZSaveRatingScheme>;

/** The rating pages' address: the year period shown (the latest when none). */
export const ZRatingQuery = z.object({ period: ZIdParam });
