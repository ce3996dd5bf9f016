"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveNotificationPreferences } from "@/lib/actions/notifications";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";
import { NOTIFICATION_KINDS, ZNotificationPreferences, type TNotificationPreferences } from "@/lib/validation/notifications";

/** One checkbox per kind of notice; an unticked kind is neither shown nor emailed. */
export function NotificationPreferencesForm({ enabled }: { enabled: TNotificationPreferences["enabled"] }) {
  const t = useTranslations("notifications");
  const actionError = useActionError();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { isSubmitting },
  } = useForm<TNotificationPreferences>({ resolver: zodResolver(ZNotificationPreferences), defaultValues: { enabled } });

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await saveNotificationPreferences(values);
    if (!result.ok) {
      setMessage({ tone: "error", text: actionError(result) });
      return;
    }
    reset(values);
    setMessage({ tone: "ok", text: t("preferences.saved") });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset disabled={isSubmitting} className="space-y-3">
        <legend className="mb-2 text-sm font-medium">{t("preferences.legend")}</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind} className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 h-4 w-4 accent-brand"
              aria-describedby={`notice-kind-${kind}`}
              // Checked in the server's HTML already, before the form takes over.
              defaultChecked={enabled[kind]}
              {...register(`enabled.${kind}`)}
            />
            <span>
              <span className="font-medium">{t(`kinds.${kind}`)}</span>
              <span id={`notice-kind-${kind}`} className="block text-xs text-muted">
                {t(`preferences.kinds.${kind}`)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("preferences.saving") : t("preferences.save")}
        </Button>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
    </form>
  );
}
