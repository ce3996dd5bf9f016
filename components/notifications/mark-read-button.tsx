"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { markAllNotificationsRead, markNotificationsRead } from "@/lib/actions/notifications";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";

/** Marks one notice read (with `ids`), or all of the user's unread notices. */
export function MarkReadButton({ ids, label, disabled }: { ids?: string[]; label?: string; disabled?: boolean }) {
  const t = useTranslations("notifications");
  const actionError = useActionError();
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [isPending, start] = useTransition();
  const isAll = !ids;

  const onClick = () =>
    start(async () => {
      setMessage(null);
      const result = ids ? await markNotificationsRead({ ids }) : await markAllNotificationsRead({});
      if (!result.ok) {
        setMessage({ tone: "error", text: actionError(result) });
        return;
      }
      if (isAll) setMessage({ tone: "ok", text: t("markedAll", { count: result.data.marked }) });
      router.refresh();
    });

  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button type="button" variant={isAll ? "secondary" : "ghost"} size="sm" onClick={onClick} disabled={disabled || isPending} aria-label={label}>
        {isPending ? t("marking") : isAll ? t("markAllRead") : t("markRead")}
      </Button>
      {message ? <Alert tone={message.tone} className="py-1.5">{message.text}</Alert> : null}
    </span>
  );
}
