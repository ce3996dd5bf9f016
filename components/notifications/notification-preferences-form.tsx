"use client";

import { useTranslations } from "next-intl";
import { CheckboxField, FormBody } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveNotificationPreferences } from "@/lib/actions/notifications";
import { NOTIFICATION_KINDS, ZNotificationPreferences, type TNotificationPreferences } from "@/lib/validation/notifications";

/** One checkbox per kind of notice; an unticked kind is neither shown nor emailed. */
export function NotificationPreferencesForm({ enabled }: { enabled: TNotificationPreferences["enabled"] }) {
  const t = useTranslations("notifications");
  const of = useActionForm({
    id: "notice-kind",
    schema: ZNotificationPreferences,
    action: saveNotificationPreferences,
    defaultValues: { enabled },
    fields: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [`enabled.${kind}`, { label: t(`kinds.${kind}`) }])),
  });
  return (
    <FormBody of={of} submitLabel={t("preferences.save")} busyLabel={t("preferences.saving")} doneMessage={t("preferences.saved")}>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-medium">{t("preferences.legend")}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <CheckboxField key={kind} of={of} name={`enabled.${kind}`} hint={t(`preferences.kinds.${kind}`)} />
        ))}
      </fieldset>
    </FormBody>
  );
}
