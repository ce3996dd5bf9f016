import { z } from "zod";
import { MAX_CATALOG_DUTIES } from "@/lib/validation/catalog-file";
import { ZId, zText } from "@/lib/validation/text";

export const DUTY_KIND_VALUES = ["MAIN", "ASSISTING", "SUPERVISORY", "IMPLEMENTING"] as const;
export const BODY_TYPE_VALUES = ["WORKING_COMMITTEE", "PARTY_GROUP", "ORGAN_PARTY_COMMITTEE", "GENERAL_BRANCH", "BRANCH"] as const;
export const FREQUENCY_VALUES = ["YEARLY", "HALF_YEARLY", "QUARTERLY", "MONTHLY", "ONCE"] as const;

const text = zText;
const requiredText = (max: number) => text(max).min(1, "required");

/** One duty as the editor edits it; messages are keys under `validation`. */
export const ZDutyForm = z.object({
  code: requiredText(32),
  title: requiredText(200),
  titleEn: text(300),
  description: text(4000),
  descriptionEn: text(6000),
  kind: z.enum(DUTY_KIND_VALUES),
  bodyType: z.enum(BODY_TYPE_VALUES),
  frequency: z.enum(FREQUENCY_VALUES),
  evidenceRequired: z.boolean(),
  weight: z.number({ error: "notANumber" }).int("notAnInteger").min(0, "notNegative").max(1000, "weightRange"),
  group: text(100),
});

export type TDutyForm = z.infer<typeof ZDutyForm>;

/** A draft version's content as the editor saves it; the server checks it again with this schema. */
export const ZCatalogDraft = z.object({
  versionId: ZId,
  source: requiredText(500),
  sourceNote: text(2000),
  duties: z
    .array(ZDutyForm)
    .min(1, "noDuties")
    .max(MAX_CATALOG_DUTIES, "tooManyDuties")
    .superRefine((duties, ctx) => {
      const seen = new Map<string, number>();
      duties.forEach((duty, index) => {
        const code = duty.code.trim();
        if (seen.has(code)) ctx.addIssue({ code: "custom", path: [index, "code"], message: "duplicateCode" });
        seen.set(code, index);
      });
    }),
});

export type TCatalogDraft = z.infer<typeof ZCatalogDraft>;

export const ZNewCatalog = z.object({
  key: z.string().trim().min(1, "required").regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "catalogKey"),
  title: requiredText(200),
  issuer: requiredText(200),
});

export type TNewCatalog = z.infer<typeof ZNewCatalog>;

export const EMPTY_DUTY: TDutyForm = {
  code: "",
  title: "",
  titleEn: "",
  description: "",
  descriptionEn: "",
  kind: "MAIN",
  bodyType: "PARTY_GROUP",
  frequency: "YEARLY",
  evidenceRequired: true,
  weight: 1,
  group: "",
};
