"use client";

import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";
import { OutcomeAlert, TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { approveMany } from "@/lib/actions/checklists";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { periodLabel } from "@/lib/period-label";
import type { ReviewRow } from "@/lib/server/checklists/review-queue";
import { NOTE_MAX, ZApproveMany } from "@/lib/validation/checklists";

const ZApproveComment = ZApproveMany.pick({ comment: true });

type Approved = Extract<Awaited<ReturnType<typeof approveMany>>, { ok: true }>["data"];

/**
 * The confirmation's form: one optional comment for every chosen item. It
 * lives in the dialog, so that each opening starts afresh; on a refusal the
 * dialog stays open with the comment as typed.
 */
function ApproveForm({ chosen, onApproved }: { chosen: ReviewRow[]; onApproved: (data: Approved) => void }) {
  const t = useTranslations("reviews");
  const of = useActionForm({
    id: "approve",
    schema: ZApproveComment,
    action: ({ comment }) => approveMany({ items: chosen.map((r) => ({ itemId: r.id, expectedVersion: r.version })), comment }),
    defaultValues: { comment: "" },
    fields: { comment: { label: t("confirmComment"), max: NOTE_MAX } },
    onSuccess: onApproved,
  });
  return (
    <form onSubmit={of.onSubmit} noValidate className="mt-4 space-y-3">
      <OutcomeAlert outcome={of.outcome} />
      <fieldset disabled={of.isBusy} className="space-y-3">
        <TextareaField of={of} name="comment" rows={3} maxLength={NOTE_MAX + 100} hint={t("confirmCommentHint", { max: NOTE_MAX })} />
        <div className="flex flex-wrap justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              {t("cancel")}
            </Button>
          </DialogClose>
          <Button type="submit">{of.isBusy ? t("approving") : t("confirm", { count: chosen.length })}</Button>
        </div>
      </fieldset>
    </form>
  );
}

/**
 * The queue with a checkbox per item: open one to review it (and go on from
 * there to the next), or approve a selection at once after confirming it,
 * with one optional comment for all. It stays mounted when the queue
 * empties, showing `empty`, so that the outcome of approving the last items
 * stays in view.
 */
export function ReviewQueueTable({ rows, empty, queueParams }: { rows: ReviewRow[]; empty: ReactNode; queueParams: Record<string, string | undefined> }) {
  const t = useTranslations("reviews");
  const tk = useTranslations("kind");
  const tr = useTranslations();
  const format = useFormatter();
  const locale = useLocale();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<{ tone: "ok" | "warn"; text: string } | null>(null);
  const [isConfirming, setConfirming] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const [shouldFocusOutcome, setFocusOutcome] = useState(false);
  // After a refresh, rows that left the queue drop out of the selection.
  const chosen = rows.filter((r) => selected.has(r.id));
  const all = rows.length > 0 && chosen.length === rows.length;
  const due = (r: ReviewRow) => format.dateTime(r.dueDate, { dateStyle: "medium", timeZone: "UTC" });

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onApproved = ({ approved, failed }: Approved) => {
    setMessage(
      failed.length === 0
        ? { tone: "ok", text: t("approved", { count: approved.length }) }
        : { tone: "warn", text: t("approvedSome", { count: approved.length, failed: failed.length }) },
    );
    setSelected(new Set());
    setFocusOutcome(true);
    setConfirming(false);
  };

  const outcomeBox = message ? (
    <Alert ref={outcome} tabIndex={-1} tone={message.tone} data-testid="approve-outcome">
      {message.text}
    </Alert>
  ) : null;

  // The outcome keeps its place in the tree whether rows remain or not, so
  // that it stays (and keeps focus) across the refresh that follows approval.
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 empty:hidden">
        {rows.length > 0 ? (
          <Dialog open={isConfirming} onOpenChange={setConfirming}>
            <DialogTrigger asChild>
              <Button type="button" disabled={chosen.length === 0}>
                {t("approveSelected", { count: chosen.length })}
              </Button>
            </DialogTrigger>
            <DialogContent
              // Back on the page, the selection is gone: focus the outcome rather than a disabled button.
              onCloseAutoFocus={(event) => {
                if (!shouldFocusOutcome || !outcome.current) return;
                setFocusOutcome(false);
                event.preventDefault();
                outcome.current.focus();
              }}
            >
              <DialogTitle>{t("confirmTitle")}</DialogTitle>
              <DialogDescription>{t("confirmText", { count: chosen.length })}</DialogDescription>
              <ul className="mt-3 max-h-40 space-y-1 overflow-y-auto rounded-md border border-line p-3 text-sm" data-testid="approve-selection">
                {chosen.map((r) => (
                  <li key={r.id}>
                    {localized(r.duty.title, r.duty.titleEn, locale)}
                    <span className="text-muted">{t("confirmItem", { org: localized(r.org.name, r.org.nameEn, locale), due: due(r) })}</span>
                  </li>
                ))}
              </ul>
              <ApproveForm chosen={chosen} onApproved={onApproved} />
            </DialogContent>
          </Dialog>
        ) : null}
        {outcomeBox}
      </div>
      {rows.length === 0 ? (
        empty
      ) : (
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
                <th scope="col" className="hidden px-3 py-2 font-medium whitespace-nowrap sm:table-cell">{t("due")}</th>
                <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">{t("submitted")}</th>
                <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">{t("evidence")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const title = localized(r.duty.title, r.duty.titleEn, locale);
                const org = localized(r.org.name, r.org.nameEn, locale);
                const period = periodLabel(tr, r.period);
                return (
                  <tr key={r.id} className="border-t border-line align-top" data-testid="review-row">
                    <td className="px-3 py-3">
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-brand"
                        aria-label={t("select", { title, org, due: due(r) })}
                        checked={selected.has(r.id)}
                        onChange={() => toggle(r.id)}
                      />
                    </td>
                    <td className="px-3 py-3">
                      <Link href={hrefWith(`/checklists/${r.id}`, { from: "reviews", ...queueParams })} className="font-medium hover:text-brand hover:underline">
                        <span className="mr-2 font-mono text-xs text-muted">{r.duty.code}</span>
                        {title}
                      </Link>
                      <span className="mt-1 flex flex-wrap gap-1">
                        <Badge tone="brand">{tk(r.duty.kind)}</Badge>
                        {r.requestedNotApplicable ? <Badge tone="warn">{t("asksNotApplicable")}</Badge> : null}
                      </span>
                      {/* On a phone, organization, period and due date sit under the title. */}
                      <span className="mt-1 block text-xs text-muted sm:hidden" data-testid="review-row-meta">
                        {t("rowMeta", { org, period, due: due(r) })}
                      </span>
                    </td>
                    <td className="hidden px-3 py-3 text-muted sm:table-cell">{org}</td>
                    <td className="hidden px-3 py-3 whitespace-nowrap sm:table-cell" data-testid="review-due">
                      {due(r)}
                      <span className="block text-xs text-muted">{period}</span>
                    </td>
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
      )}
    </div>
  );
}
