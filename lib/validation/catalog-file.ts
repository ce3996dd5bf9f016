import { z } from "zod";
import { zRequiredText, zText } from "./text";

/** The most duties one list may hold, in the editor and in an imported file alike. */
export const MAX_CATALOG_DUTIES = 500;

const ORG_TYPES = ["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const;

export const ZCatalogDutyFile = z.object({
  code: zRequiredText(32),
  title: zRequiredText(200),
  titleEn: zText(300).optional(),
  description: zText(4000).default(""),
  descriptionEn: zText(6000).optional(),
  kind: z.enum(["MAIN", "ASSISTING", "SUPERVISORY", "IMPLEMENTING"]),
  bodyType: z.enum(ORG_TYPES),
  frequency: z.enum(["YEARLY", "HALF_YEARLY", "QUARTERLY", "MONTHLY", "ONCE"]),
  evidenceRequired: z.boolean().default(false),
  weight: z.number().int().min(0).max(1000).default(1),
  group: zText(100).optional(),
});

/** A responsibility list as a data file (prisma/catalogs/*.json). */
export const ZCatalogFile = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    title: zRequiredText(200),
    titleEn: zText(300).optional(),
    issuer: zRequiredText(200),
    issuerEn: zText(300).optional(),
    source: zRequiredText(500),
    sourceNote: zText(2000).optional(),
    version: z.number().int().min(1),
    duties: z.array(ZCatalogDutyFile).min(1).max(MAX_CATALOG_DUTIES),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.duties.forEach((duty, index) => {
      if (seen.has(duty.code)) {
        ctx.addIssue({ code: "custom", path: ["duties", index, "code"], message: `duplicate code ${duty.code}` });
      }
      seen.add(duty.code);
    });
  });

export type TCatalogFile = z.infer<typeof ZCatalogFile>;
