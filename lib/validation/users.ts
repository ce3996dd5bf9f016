import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { ALL_ROLES } from "@/lib/server/access/permissions";
import { ZId, zRequiredText, zSearchWords, zText } from "@/lib/validation/text";

// The administrators' forms for accounts and role grants (/admin/users), and the account's own (/account).

export const USERNAME_MAX = 64;
export const NAME_MAX = 64;
export const EMAIL_MAX = 254;
export const USER_SEARCH_MAX = 64;

/** Lowercase letters, digits, dots, underscores and hyphens, starting with a letter or digit: what people type at sign-in. */
const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export const zUsername = z
  .string()
  .trim()
  .min(1, "required")
  .max(USERNAME_MAX, "tooLong")
  .refine((value) => USERNAME_PATTERN.test(value), "usernameFormat");

// Pragmatic: one @, something on both sides, a dot in the domain, no spaces. The mail server has the last word.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An email address, or none ("" is none). */
export const zEmail = zText(EMAIL_MAX).refine((value) => value === "" || EMAIL_PATTERN.test(value), "invalidEmail");

function isRole(value: string): value is Role {
  return (ALL_ROLES as readonly string[]).includes(value);
}

/** A role from a select that starts blank: none picked is "required". */
export const zRole = z
  .string()
  .refine(isRole, "required")
  .transform((value) => value as Role);

const expectedVersion = z.number().int().min(1);

/** A new account with its first role; more roles are granted on the account's page. */
export const ZCreateUser = z.object({
  username: zUsername,
  name: zRequiredText(NAME_MAX),
  email: zEmail,
  orgId: ZId,
  role: zRole,
});
export type TCreateUser = z.input<typeof ZCreateUser>;

export const ZUpdateUser = z.object({ userId: ZId, expectedVersion, name: zRequiredText(NAME_MAX), email: zEmail });
export type TUpdateUser = z.input<typeof ZUpdateUser>;

/** A step on an account that needs nothing but the version seen: deactivate, reactivate, reset the password. */
export const ZUserStep = z.object({ userId: ZId, expectedVersion });
export type TUserStep = z.input<typeof ZUserStep>;

export const ZGrantRole = z.object({ userId: ZId, expectedVersion, orgId: ZId, role: zRole });
export type TGrantRole = z.input<typeof ZGrantRole>;

export const ZRevokeRole = z.object({ userId: ZId, expectedVersion, grantId: ZId });
export type TRevokeRole = z.input<typeof ZRevokeRole>;

export const USER_STATUS_FILTERS = ["active", "inactive"] as const;

/** The people list's search params, read with readSearchParams. */
export const ZUserQuery = z.object({
  /** Words in the name or the username, ignoring case. */
  q: zSearchWords(USER_SEARCH_MAX),
  status: z.enum(USER_STATUS_FILTERS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type TUserQuery = z.infer<typeof ZUserQuery>;

/** Words to find an organization by, for a role's select. */
export const ZFindOrgs = z.object({ q: zText(64) });
