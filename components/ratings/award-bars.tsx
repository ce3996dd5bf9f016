import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { removeAwardBar } from "@/lib/actions/ratings";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import type { AwardBarRow } from "@/lib/server/ratings/award-bars";

/**
 * The year's bars from awards as a list: who (the unit, or a secretary by
 * name), why, who decided and when; with `removable`, a button to lift each.
 * With `period` (empty for this year), each unit's name opens its rating page.
 */
export async function AwardBarList({ bars, removable, period }: { bars: AwardBarRow[]; removable?: boolean; period?: string }) {
  const [t, format, locale] = await Promise.all([getTranslations("ratings.bars"), getFormatter(), getLocale()]);
  if (bars.length === 0) return <p className="text-sm text-muted">{t("none")}</p>;
  return (
    <ul className="divide-y divide-line rounded-md border border-line text-sm">
      {bars.map((b) => {
        const org = localized(b.org, b.orgEn, locale);
        const who = b.person ? t("secretaryOf", { name: b.person, unit: org }) : org;
        return (
          <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <span className="min-w-0 break-words">
              {period !== undefined ? (
                <Link href={hrefWith(`/ratings/${b.orgId}`, { period: period || undefined })} className="font-medium hover:text-brand hover:underline">
                  {who}
                </Link>
              ) : (
                <span className="font-medium">{who}</span>
              )}
              ：{b.reason}
              <span className="text-muted"> · {t("decided", { by: b.decidedBy ?? "—", date: format.dateTime(b.createdAt, { dateStyle: "medium" }) })}</span>
            </span>
            {removable ? (
              <ActionButton
                action={removeAwardBar}
                input={{ orgId: b.orgId, barId: b.id }}
                label={t("remove")}
                ariaLabel={t("removeLabel", { who })}
                variant="ghost"
                size="sm"
                isInline
                confirm={t("removeConfirm", { who })}
                messages="ratings.error"
              />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
