"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { markAllNotificationsRead, markNotificationsRead } from "@/lib/actions/notifications";

/** Marks one notice read (with `ids`), or all of the user's unread notices. */
export function MarkReadButton({ ids, label, disabled }: { ids?: string[]; label?: string; disabled?: boolean }) {
  const t = useTranslations("notifications");
  const shared = { busyLabel: t("marking"), ariaLabel: label, size: "sm", disabled, isInline: true } as const;
  return ids ? (
    <ActionButton {...shared} action={markNotificationsRead} input={{ ids }} label={t("markRead")} variant="ghost" />
  ) : (
    <ActionButton
      {...shared}
      action={markAllNotificationsRead}
      input={{}}
      label={t("markAllRead")}
      variant="secondary"
      doneMessage={(data) => t("markedAll", { count: data.marked })}
    />
  );
}
