"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { ActionButton } from "@/components/forms/action-button";
import { FormBody, InputField, SelectField } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { OneTimePassword } from "@/components/users/one-time-password";
import { OrgPicker } from "@/components/users/org-picker";
import { Button, buttonVariants } from "@/components/ui/button";
import { OrgOptions } from "@/components/ui/org-options";
import { createUser, deactivateUser, grantRole, reactivateUser, resetUserPassword, revokeRole, updateUser } from "@/lib/actions/users";
import { ALL_ROLES } from "@/lib/server/access/permissions";
import type { GrantableOrgs } from "@/lib/server/users/grantable-orgs";
import { EMAIL_MAX, NAME_MAX, USERNAME_MAX, ZCreateUser, ZGrantRole, ZUpdateUser } from "@/lib/validation/users";

// The administrators' forms for accounts (/admin/users). On an account's page they act on the
// version of the account that the page's RecordProvider holds.

const MESSAGES = "users.errors";

function useRoleOptions() {
  const tr = useTranslations("role");
  return ALL_ROLES.map((role) => ({ value: role, label: tr(role) }));
}

/** The version to start a form with; the one sent is the page's at the moment of sending. */
function useVersion(): number {
  return useRecord().version ?? 1;
}

/** A new account with its first role; the one-time password is shown once, in place of the form. */
export function NewUserForm({ orgs, defaultOrgId }: { orgs: GrantableOrgs; defaultOrgId?: string }) {
  const t = useTranslations("users");
  const roles = useRoleOptions();
  const [created, setCreated] = useState<{ userId: string; username: string; oneTimePassword: string } | null>(null);
  const of = useActionForm({
    id: "new-user",
    schema: ZCreateUser,
    action: createUser,
    defaultValues: { username: "", name: "", email: "", orgId: defaultOrgId ?? "", role: "" },
    fields: {
      username: { label: t("field.username"), max: USERNAME_MAX },
      name: { label: t("field.name"), max: NAME_MAX },
      email: { label: t("field.email"), max: EMAIL_MAX },
      orgId: { label: t("field.org") },
      role: { label: t("field.role") },
    },
    messages: MESSAGES,
    resetOnSuccess: true,
    onSuccess: (data) => setCreated(data),
  });
  const orgId = useWatch({ control: of.form.control, name: "orgId" });
  if (created) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-ok">
          {t("new.created", { username: created.username })}
        </p>
        <OneTimePassword username={created.username} password={created.oneTimePassword} />
        <div className="flex flex-wrap gap-3">
          <Link href={`/admin/users/${created.userId}`} className={buttonVariants({})}>
            {t("new.open")}
          </Link>
          <Button type="button" variant="secondary" onClick={() => setCreated(null)}>
            {t("new.another")}
          </Button>
        </div>
      </div>
    );
  }
  return (
    <FormBody of={of} submitLabel={t("new.create")} busyLabel={t("new.creating")}>
      <InputField of={of} name="username" hint={t("usernameHint")} control={{ autoComplete: "off", maxLength: USERNAME_MAX }} />
      <InputField of={of} name="name" control={{ autoComplete: "off", maxLength: NAME_MAX }} />
      <InputField of={of} name="email" type="email" hint={t("emailHint")} control={{ autoComplete: "off", maxLength: EMAIL_MAX }} />
      <OrgPicker initial={orgs} selected={orgId}>
        {(choices) => (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField of={of} name="orgId" blank={t("pickOrg")}>
              <OrgOptions orgs={choices} />
            </SelectField>
            <SelectField of={of} name="role" blank={t("pickRole")} options={roles} />
          </div>
        )}
      </OrgPicker>
    </FormBody>
  );
}

export function EditUserForm({ userId, name, email }: { userId: string; name: string; email: string | null }) {
  const t = useTranslations("users");
  const of = useActionForm({
    id: "user",
    schema: ZUpdateUser,
    action: updateUser,
    defaultValues: { userId, expectedVersion: useVersion(), name, email: email ?? "" },
    fields: { name: { label: t("field.name"), max: NAME_MAX }, email: { label: t("field.email"), max: EMAIL_MAX } },
    messages: MESSAGES,
  });
  return (
    <FormBody of={of} submitLabel={t("detail.save")} variant="secondary" doneMessage={t("detail.saved")}>
      <InputField of={of} name="name" control={{ autoComplete: "off", maxLength: NAME_MAX }} />
      <InputField of={of} name="email" type="email" hint={t("emailHint")} control={{ autoComplete: "off", maxLength: EMAIL_MAX }} />
    </FormBody>
  );
}

export function GrantRoleForm({ userId, orgs }: { userId: string; orgs: GrantableOrgs }) {
  const t = useTranslations("users");
  const roles = useRoleOptions();
  const of = useActionForm({
    id: "grant",
    schema: ZGrantRole,
    action: grantRole,
    defaultValues: { userId, expectedVersion: useVersion(), orgId: "", role: "" },
    fields: { orgId: { label: t("field.org") }, role: { label: t("field.role") } },
    messages: MESSAGES,
    resetOnSuccess: (sent) => ({ ...sent, orgId: "", role: "" }),
  });
  const orgId = useWatch({ control: of.form.control, name: "orgId" });
  return (
    <FormBody of={of} submitLabel={t("detail.grant")} variant="secondary" doneMessage={t("detail.granted")} aria-label={t("detail.grant")}>
      <OrgPicker initial={orgs} selected={orgId}>
        {(choices) => (
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField of={of} name="orgId" blank={t("pickOrg")}>
              <OrgOptions orgs={choices} />
            </SelectField>
            <SelectField of={of} name="role" blank={t("pickRole")} options={roles} />
          </div>
        )}
      </OrgPicker>
    </FormBody>
  );
}

/** Revokes one role; when it is the account's last, the administrator is told that the account leaves their hands. */
export function RevokeRoleButton({ userId, grantId, roleLabel, orgLabel, isLast }: { userId: string; grantId: string; roleLabel: string; orgLabel: string; isLast: boolean }) {
  const t = useTranslations("users.detail");
  const words = { role: roleLabel, org: orgLabel };
  return (
    <ActionButton
      action={revokeRole}
      input={{ userId, expectedVersion: useVersion(), grantId }}
      label={t("revoke")}
      ariaLabel={t("revokeLabel", words)}
      variant="secondary"
      size="sm"
      isInline
      messages={MESSAGES}
      confirm={isLast ? t("revokeLastConfirm", words) : t("revokeConfirm", words)}
      // An account the actor no longer manages is no longer theirs to see.
      redirectTo={(data) => (data && !data.isStillManaged ? "/admin/users" : "")}
    />
  );
}

export function AccountStatusButton({ userId, name, isActive }: { userId: string; name: string; isActive: boolean }) {
  const t = useTranslations("users.detail");
  const input = { userId, expectedVersion: useVersion() };
  return isActive ? (
    <ActionButton action={deactivateUser} input={input} label={t("deactivate")} variant="secondary" messages={MESSAGES} confirm={t("deactivateConfirm", { name })} />
  ) : (
    <ActionButton action={reactivateUser} input={input} label={t("reactivate")} variant="secondary" messages={MESSAGES} />
  );
}

/** Resets the password and shows the one-time password once, under the button. */
export function ResetPasswordButton({ userId, name, username }: { userId: string; name: string; username: string }) {
  const t = useTranslations("users.detail");
  const [oneTimePassword, setOneTimePassword] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      <ActionButton
        action={resetUserPassword}
        input={{ userId, expectedVersion: useVersion() }}
        label={t("reset")}
        variant="secondary"
        messages={MESSAGES}
        confirm={t("resetConfirm", { name })}
        onDone={(data) => setOneTimePassword(data?.oneTimePassword ?? null)}
      />
      {oneTimePassword ? <OneTimePassword username={username} password={oneTimePassword} /> : null}
    </div>
  );
}

