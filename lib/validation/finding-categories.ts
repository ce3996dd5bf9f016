import { z } from "zod";
import { ZId, zRequiredText, zText } from "@/lib/validation/text";

export const CATEGORY_NAME_MAX = 50;
export const CATEGORY_NAME_EN_MAX = 100;
export const CATEGORY_ORDER_MAX = 100_000;


/** The fields an administrator edits on a category; messages are keys under `findingCategories.error`. */
export const ZFindingCategoryFields = z.object({
  name: zRequiredText(CATEGORY_NAME_MAX),
  nameEn: zText(CATEGORY_NAME_EN_MAX),
  sortOrder: z.number({ error: "notANumber" }).int("notAnInteger").min(0, "notNegative").max(CATEGORY_ORDER_MAX, "orderRange"),
});

/** A new category: its code too, a stable key for exports and imports that never changes once made. */
export const ZNewFindingCategory = ZFindingCategoryFields.extend({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]{1,31}$/, "code"),
});

export type TFindingCategoryFields = z.input<typeof ZFindingCategoryFields>;
export type TNewFindingCategory = z.input<typeof ZNewFindingCategory>;

/** Everything the categories page does, through one action. */
export const ZSaveFindingCategory = z.discriminatedUnion("op", [
  ZNewFindingCategory.extend({ op: z.literal("create") }),
  ZFindingCategoryFields.extend({ op: z.literal("update"), id: ZId }),
  /** Retire (false) or restore (true): a retired category stays on its findings but is offered for no new one. */
  z.object({ op: z.literal("setActive"), id: ZId, isActive: z.boolean() }),
  /** One place up or down the list. */
  z.object({ op: z.literal("move"), id: ZId, direction: z.enum(["up", "down"]) }),
]);

export type TSaveFindingCategory = z.output<typeof ZSaveFindingCategory>;
