import { z } from "zod";
import { LOCALES } from "@/i18n/config";
import { zCurrentPassword, zNewPassword } from "@/lib/validation/password";
import { NAME_MAX, zEmail } from "@/lib/validation/users";
import { ZId, zRequiredText } from "@/lib/validation/text";

// The signed-in user's own account (/account, /account/password) and the organization they act in.

/** One's own name, email address (for the email digests) and language. */
export const ZUpdateProfile = z.object({
  expectedVersion: z.number().int().min(1),
  name: zRequiredText(NAME_MAX),
  email: zEmail,
  locale: z.enum(LOCALES),
});
export type TUpdateProfile = z.input<typeof ZUpdateProfile>;

/** Changing one's own password: the current one, the new one twice. The username check needs the account (lib/server/users/change-password.ts). */
export const ZChangePassword = z
  .object({
    currentPassword: zCurrentPassword,
    newPassword: zNewPassword,
    confirmPassword: z.string().min(1, "required"),
  })
  .refine((value) => value.confirmPassword === value.newPassword, { path: ["confirmPassword"], message: "passwordMismatch" })
  .refine((value) => value.newPassword !== value.currentPassword, { path: ["newPassword"], message: "passwordUnchanged" });
export type TChangePassword = z.input<typeof ZChangePassword>;

/** The organization a user with roles in several acts in (the header's switcher). */
export const ZSetActingOrg = z.object({ orgId: ZId });
export type TSetActingOrg = z.input<typeof ZSetActingOrg>;
