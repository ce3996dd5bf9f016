"use client";

import { useTranslations } from "next-intl";
import { FormBody, InputField, RadioField } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { LOCALES, type AppLocale } from "@/i18n/config";
import { changePassword, updateProfile } from "@/lib/actions/account";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { ZChangePassword, ZUpdateProfile } from "@/lib/validation/account";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/password";
import { EMAIL_MAX, NAME_MAX } from "@/lib/validation/users";

// The signed-in user's own account (/account, /account/password).

const MESSAGES = ["account.errors", "users.errors"];

/** One's name, email address and language, on the version of the account the page holds. */
export function ProfileForm({ name, email, locale }: { name: string; email: string | null; locale: AppLocale }) {
  const t = useTranslations("account");
  const of = useActionForm({
    id: "profile",
    schema: ZUpdateProfile,
    action: updateProfile,
    defaultValues: { expectedVersion: useRecord().version ?? 1, name, email: email ?? "", locale },
    fields: { name: { label: t("field.name"), max: NAME_MAX }, email: { label: t("field.email"), max: EMAIL_MAX }, locale: { label: t("field.locale") } },
    messages: MESSAGES,
  });
  return (
    <FormBody of={of} submitLabel={t("save")} doneMessage={t("saved")}>
      <InputField of={of} name="name" control={{ autoComplete: "name", maxLength: NAME_MAX }} />
      <InputField of={of} name="email" type="email" hint={t("emailHint")} control={{ autoComplete: "email", maxLength: EMAIL_MAX }} />
      <RadioField of={of} name="locale" options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))} />
    </FormBody>
  );
}

/**
 * Changes one's own password. After a reset (`isForced`) the current
 * password is the one-time one, and a success goes on to `next` with a full
 * load, so that the whole page, header included, renders for the account as
 * it now is.
 */
export function ChangePasswordForm({ isForced, next }: { isForced: boolean; next: string }) {
  const t = useTranslations("account");
  const of = useActionForm({
    id: "password",
    schema: ZChangePassword,
    action: changePassword,
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    fields: {
      currentPassword: { label: isForced ? t("field.oneTimePassword") : t("field.currentPassword") },
      newPassword: { label: t("field.newPassword"), max: PASSWORD_MAX },
      confirmPassword: { label: t("field.confirmPassword") },
    },
    messages: MESSAGES,
    messageValues: { min: PASSWORD_MIN },
    resetOnSuccess: true,
    onSuccess: () => {
      if (isForced) window.location.assign(safeRedirectPath(next, window.location.origin));
    },
  });
  return (
    <FormBody of={of} submitLabel={isForced ? t("forcedSubmit") : t("submit")} doneMessage={t("changed")}>
      <InputField of={of} name="currentPassword" type="password" control={{ autoComplete: "current-password", maxLength: 256 }} />
      <InputField of={of} name="newPassword" type="password" hint={t("newPasswordHint", { min: PASSWORD_MIN })} control={{ autoComplete: "new-password", maxLength: PASSWORD_MAX }} />
      <InputField of={of} name="confirmPassword" type="password" control={{ autoComplete: "new-password", maxLength: PASSWORD_MAX }} />
    </FormBody>
  );
}
