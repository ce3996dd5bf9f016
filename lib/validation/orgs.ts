import { z } from "zod";
import { ORG_TYPE_LEVELS } from "@/lib/orgs/org-rules";
import type { OrgType } from "@/lib/generated/prisma/enums";
import { ZId, zRequiredText, zSearchWords, zText } from "@/lib/validation/text";

// The administrators' forms on the organization tree (/admin/orgs).

export const ORG_CODE_MAX = 64;
export const ORG_NAME_MAX = 100;
export const ORG_NAME_EN_MAX = 200;
export const ORG_SEARCH_MAX = 64;

/** Letters, digits, dots, underscores and hyphens: a code that reads the same in a file, a URL and a search. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const zOrgCode = zRequiredText(ORG_CODE_MAX).refine((value) => value === "" || CODE_PATTERN.test(value), "orgCodeFormat");

/** A type from a select that starts blank: none picked is "required". */
export const zOrgType = z
  .string()
  .refine((value) => (ORG_TYPE_LEVELS as readonly string[]).includes(value), "required")
  .transform((value) => value as OrgType);

const expectedVersion = z.number().int().min(1);

const orgFields = {
  code: zOrgCode,
  name: zRequiredText(ORG_NAME_MAX),
  nameEn: zText(ORG_NAME_EN_MAX),
  type: zOrgType,
};

/** A new organization under one the administrator manages. */
export const ZCreateOrg = z.object({ parentId: ZId, ...orgFields });
export type TCreateOrg = z.input<typeof ZCreateOrg>;

/** Rename, re-code or change the type of an organization, at the version the page showed. */
export const ZUpdateOrg = z.object({ orgId: ZId, expectedVersion, ...orgFields });
export type TUpdateOrg = z.input<typeof ZUpdateOrg>;

/**
 * A move (targetId: the new parent), a merge (targetId: the survivor) or a
 * closing (no target): previewed, then applied at the version of the
 * organization that the preview showed.
 */
export const ZRestructure = z.object({ orgId: ZId, targetId: ZId.optional(), expectedVersion: expectedVersion.optional() });
export type TRestructure = z.input<typeof ZRestructure>;

/** The children of one organization in the tree, loaded when it is opened. */
export const ZOrgChildren = z.object({ parentId: ZId, page: z.number().int().min(1).max(10_000).default(1) });

export const ZOrgQuery = z.object({
  q: zSearchWords(ORG_SEARCH_MAX),
  closed: z.enum(["1"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TOrgQuery = z.output<typeof ZOrgQuery>;

/** What the move and merge pages pick their target from: the organization's candidates, found by name or code. */
export const ZFindTargets = z.object({ orgId: ZId, kind: z.enum(["move", "merge"]), q: zText(ORG_SEARCH_MAX) });
