"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { approveMany } from "@/app/reviews/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";
import { localized } from "@/lib/org-label";
import type { ReviewRow } from "@/lib/server/checklists/review-queue";

/**
 * The queue with a checkbox per item: open one to review it, or approve a
 * selection at once. It stays mounted when the queue empties, showing
 * `empty`, so that the outcome of approving the last items stays in view.
 */
export function ReviewQueueTable({ rows, empty }: { rows: ReviewRow[]; empty: ReactNode }) {
  const t = useTranslations("reviews");
  const tk = useTranslations("kind");
  const format = useFormatter();
  const locale = useLocale();
  const router = useRouter();
  const actionError = useActionError();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ tone: "ok" | "error" | "warn"; text: string } | null>(null);
  const [isPending, start] = useTransition();
  // After a refresh, rows that left the queue drop out of the selection.
  const chosen = rows.filter((r) => selected.has(r.id));
  const all = rows.length > 0 && chosen.length === rows.length;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onApprove = () =>
    start(async () => {
      const items = chosen.map((r) => ({ itemId: r.id, expectedVersion: r.version }));
      const result = await approveMany({ items });
      if (!result.ok) {
        setMessage({ tone: "error", text: actionError(result) });
        return;
      }
      const { approved, failed } = result.data;
      setMessage(
        failed.length === 0
          ? { tone: "ok", text: t("approved", { count: approved.length }) }
          : { tone: "warn", text: t("approvedSome", { count: approved.length, failed: failed.length }) },
      );
      setSelected(new Set());
      router.refresh();
    });

  if (rows.length === 0) {
    return (
      <div className="space-y-3">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {empty}
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" onClick={onApprove} disabled={chosen.length === 0 || isPending}>
          {isPending ? t("approving") : t("approveSelected", { count: chosen.length })}
        </Button>
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
      <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-surface text-xs text-muted">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <input
                  type="checkbox"
                  className="h-4 w-4 accent-brand"
                  aria-label={t("selectAll")}
                  checked={all}
                  onChange={() => setSelected(all ? new Set() : new Set(rows.map((r) => r.id)))}
                />
              </th>
              <th scope="col" className="px-3 py-2 font-medium">{t("duty")}</th>
              <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">{t("org")}</th>
              <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">{t("submitted")}</th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">{t("evidence")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const title = localized(r.duty.title, r.duty.titleEn, locale);
              return (
                <tr key={r.id} className="border-t border-line align-top" data-testid="review-row">
                  <td className="px-3 py-3">
                    <input
                      type="checkbox"
                      className="h-4 w-4 accent-brand"
                      aria-label={t("select", { title, org: localized(r.org.name, r.org.nameEn, locale), due: format.dateTime(r.dueDate, { dateStyle: "medium", timeZone: "UTC" }) })}
                      checked={selected.has(r.id)}
                      onChange={() => toggle(r.id)}
                    />
                  </td>
                  <td className="px-3 py-3">
                    <Link href={`/duties/${r.id}`} className="font-medium hover:text-brand hover:underline">
                      <span className="mr-2 font-mono text-xs text-muted">{r.duty.code}</span>
                      {title}
                    </Link>
                    <span className="mt-1 flex flex-wrap gap-1">
                      <Badge tone="brand">{tk(r.duty.kind)}</Badge>
                      {r.requestedNotApplicable ? <Badge tone="warn">{t("asksNotApplicable")}</Badge> : null}
                    </span>
                    <span className="mt-1 block text-xs text-muted sm:hidden">{localized(r.org.name, r.org.nameEn, locale)}</span>
                  </td>
                  <td className="hidden px-3 py-3 text-muted sm:table-cell">{localized(r.org.name, r.org.nameEn, locale)}</td>
                  <td className="hidden px-3 py-3 text-muted md:table-cell">
                    {r.submittedBy?.name ?? "—"}
                    {r.submittedAt ? <span className="block text-xs">{format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" })}</span> : null}
                  </td>
                  <td className="hidden px-3 py-3 text-right tabular-nums sm:table-cell">{r._count.evidence}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
