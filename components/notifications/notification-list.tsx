import { useFormatter, useLocale, useTranslations } from "next-intl";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { Badge } from "@/components/ui/badge";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { NoticeRow } from "@/lib/server/notifications/list-notifications";
import { noticeText, type Translate } from "@/lib/server/notifications/notice-subject";
import { cn } from "@/lib/utils";

const KIND_TONES: Record<NotificationKind, "brand" | "warn" | "ok" | "neutral" | "danger"> = {
  ITEM_SUBMITTED: "brand",
  ITEM_RETURNED: "warn",
  ITEM_APPROVED: "ok",
  ITEM_DELEGATED: "neutral",
  ITEM_YELLOW: "warn",
  ITEM_RED: "danger",
  REPORT_ISSUED: "brand",
  FINDING_SUBMITTED: "brand",
  FINDING_RETURNED: "warn",
  FINDING_CLOSED: "ok",
  FINDING_REOPENED: "warn",
  FINDING_YELLOW: "warn",
  FINDING_RED: "danger",
  FINDING_ESCALATED: "danger",
  TERM_DUE: "warn",
  TALK_RECORDED: "danger",
  TOUR_FEEDBACK_RECORDED: "danger",
  TURNAROUND_OPENED: "danger",
  RATINGS_PUBLISHED: "brand",
  CIRCULAR_ISSUED: "warn",
};

/**
 * The user's notices, unread ones highlighted: about a checklist item, a
 * finding, an inspection report, or an organization whose term falls due. The link goes through
 * /notifications/<id>/open, which marks the notice read on the server; it is
 * a plain link, never prefetched.
 */
export function NotificationList({ rows }: { rows: NoticeRow[] }) {
  const t = useTranslations("notifications");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <ul aria-label={t("listLabel")} className="overflow-hidden rounded-lg border border-line bg-white">
      {rows.map((n) => {
        const text = noticeText(n, locale, t as unknown as Translate, (day) => format.dateTime(day, { dateStyle: "medium", timeZone: "UTC" }));
        const title = text.title;
        return (
          <li
            key={n.id}
            data-testid="notice"
            data-unread={n.isRead ? undefined : "true"}
            className={cn("flex items-start gap-3 border-t border-line px-4 py-3 first:border-t-0", n.isRead ? "" : "bg-brand-soft")}
          >
            <span aria-hidden className={cn("mt-2 h-2 w-2 shrink-0 rounded-full", n.isRead ? "bg-transparent" : "bg-brand")} />
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={KIND_TONES[n.kind]}>{text.kind}</Badge>
                {n.isRead ? null : <span className="sr-only">{t("unread")}</span>}
                {n.target ? (
                  <a href={`/notifications/${n.id}/open`} className={cn("hover:text-brand hover:underline", n.isRead ? "" : "font-semibold")}>
                    {title}
                  </a>
                ) : (
                  <span className="text-muted">{title}</span>
                )}
              </p>
              <p className="mt-1 text-xs text-muted">
                {[...text.details, format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })].join(" · ")}
              </p>
              {text.note ? <p className="mt-1 text-sm whitespace-pre-line">{text.note}</p> : null}
            </div>
            {n.isRead ? null : <MarkReadButton ids={[n.id]} label={t("markReadLabel", { title })} />}
          </li>
        );
      })}
    </ul>
  );
}
