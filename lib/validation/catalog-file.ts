import { z } from "zod";

const ORG_TYPES = ["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const;

export const ZCatalogDutyFile = z.object({
  code: z.string().trim().min(1).max(32),
  title: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().max(300).optional(),
  description: z.string().trim().max(4000).default(""),
  descriptionEn: z.string().trim().max(6000).optional(),
  kind: z.enum(["MAIN", "ASSISTING", "SUPERVISORY", "IMPLEMENTING"]),
  bodyType: z.enum(ORG_TYPES),
  frequency: z.enum(["YEARLY", "HALF_YEARLY", "QUARTERLY", "MONTHLY", "ONCE"]),
  evidenceRequired: z.boolean().default(false),
  weight: z.number().int().min(0).max(1000).default(1),
  group: z.string().trim().max(100).optional(),
});

/** A responsibility list as a data file (prisma/catalogs/*.json). */
export const ZCatalogFile = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/),
    title: z.string().trim().min(1).max(200),
    titleEn: z.string().trim().max(300).optional(),
    issuer: z.string().trim().min(1).max(200),
    issuerEn: z.string().trim().max(300).optional(),
    source: z.string().trim().min(1).max(500),
    sourceNote: z.string().trim().max(2000).optional(),
    version: z.number().int().min(1),
    duties: z.array(ZCatalogDutyFile).min(1),
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
