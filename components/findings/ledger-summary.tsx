import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { ledgerHref } from "@/components/findings/ledger-href";
import { FilterChip } from "@/components/ui/filter-chip";
import { FINDING_STATES } from "@/lib/finding-state";
import type { LedgerSummary as Summary } from "@/lib/server/inspections/list-findings";

/**
 * Counts by state of the selection (without its state filters), each a link
 * that narrows the list to it.
 */
export function LedgerSummary({
  summary,
  params,
  active,
}: {
  summary: Summary;
  /** The filters to keep, state-like ones already dropped. */
  params: Record<string, string | undefined>;
  active: { state?: string; overdue?: boolean; any: boolean };
}) {
  const t = useTranslations("rectification");
  const ts = useTranslations("findingState");
  const chip = (href: string, label: string, isActive: boolean, tone?: string, testId?: string) => (
    <li>
      <FilterChip href={href} label={label} current={isActive} tone={tone} testId={testId} />
    </li>
  );
  return (
    <section aria-label={t("summary.label")} data-print="hide" className="print:hidden">
      <ul className="flex flex-wrap gap-2">
        {chip(ledgerHref(params), t("summary.total", { count: summary.total }), !active.any, undefined, "summary-total")}
        {FINDING_STATES.map((state) => (
          <Fragment key={state}>
            {chip(ledgerHref({ ...params, state }), t("summary.state", { state: ts(state), count: summary.byState[state] }), active.state === state, undefined, `summary-${state}`)}
          </Fragment>
        ))}
        {chip(
          ledgerHref({ ...params, overdue: "1" }),
          t("summary.overdue", { count: summary.overdue }),
          Boolean(active.overdue),
          summary.overdue > 0 ? "text-danger" : undefined,
          "summary-overdue",
        )}
      </ul>
    </section>
  );
}
