import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { MarkReadButton } from "@/components/notifications/mark-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { KeysetPager } from "@/components/checklists/pagination";
import { hrefWith } from "@/lib/href";
import { guardPage } from "@/lib/server/access/guard-page";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { listOptOuts } from "@/lib/server/notifications/opt-outs";
import { NOTIFICATION_KINDS, noticePlaceParam, ZNotificationQuery } from "@/lib/validation/notifications";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

/** The signed-in user's own notices, newest first, and which kinds they want. */
export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await guardPage("page:/notifications", undefined, "/notifications");
  const query = ZNotificationQuery.parse(await searchParams);
  const unreadOnly = query.unread === "1";
  const cursor = query.older ? { ...query.older, toward: "older" as const } : query.newer ? { ...query.newer, toward: "newer" as const } : undefined;
  const [notices, off, t] = await Promise.all([listNotifications(actor, { cursor, unreadOnly }), listOptOuts(actor), getTranslations("notifications")]);
  const pageHref = (place: { createdAt: Date; id: string } | "first" | null, side: "older" | "newer") =>
    place === null ? null : hrefWith("/notifications", { unread: query.unread, ...(place === "first" ? {} : { [side]: noticePlaceParam(place) }) });
  const enabled = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, !off.includes(kind)])) as Record<(typeof NOTIFICATION_KINDS)[number], boolean>;
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { count: notices.unread })} actions={<MarkReadButton disabled={notices.unread === 0} />} />
      <form method="get" className="mb-4 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="unread" value="1" defaultChecked={unreadOnly} className="h-4 w-4 accent-brand" />
          {t("unreadOnly")}
        </label>
        <Button type="submit" variant="secondary" size="sm">
          {t("filter")}
        </Button>
      </form>
      {notices.rows.length === 0 ? (
        <EmptyState title={unreadOnly ? t("emptyUnread") : t("empty")} hint={t("emptyHint")} />
      ) : (
        <NotificationList rows={notices.rows} />
      )}
      <KeysetPager total={notices.total} previous={pageHref(notices.newer, "newer")} next={pageHref(notices.older, "older")} />
      <Card id="preferences" aria-labelledby="preferences-title" className="mt-8 scroll-mt-4">
        <h2 id="preferences-title" className="text-lg font-semibold">
          {t("preferences.title")}
        </h2>
        <p className="mt-1 text-sm text-muted">{t("preferences.hint")}</p>
        <p className="mb-4 mt-1 text-sm text-muted">{t("preferences.email")}</p>
        <NotificationPreferencesForm enabled={enabled} />
      </Card>
    </>
  );
}
