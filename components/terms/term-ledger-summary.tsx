import { useTranslations } from "next-intl";
import { FilterChip } from "@/components/ui/filter-chip";
import { hrefWith } from "@/lib/href";
import type { TermLedgerSummary as Summary } from "@/lib/server/terms/list-terms";
import { TERM_STATES, type TermState } from "@/lib/term-kinds";

const TONES: Partial<Record<TermState, string>> = { red: "text-danger", yellow: "text-warn", green: "text-ok" };

/** Counts by state of the selection (without its state filter), each a link that narrows the ledger to it. */
export function TermLedgerSummary({ summary, org, active }: { summary: Summary; org?: string; active?: TermState }) {
  const t = useTranslations("terms");
  const chip = (href: string, label: string, isActive: boolean, testId: string, tone?: string) => (
    <li key={testId}>
      <FilterChip href={href} label={label} current={isActive} tone={tone} testId={testId} />
    </li>
  );
  return (
    <section aria-label={t("summary.label")} data-print="hide" className="print:hidden">
      <ul className="flex flex-wrap gap-2">
        {chip(hrefWith("/terms", { org }), t("summary.total", { count: summary.total }), active === undefined, "summary-total")}
        {TERM_STATES.map((state) =>
          chip(
            hrefWith("/terms", { org, state }),
            t("summary.state", { state: t(`state.${state}`), count: summary[state] }),
            active === state,
            `summary-${state}`,
            summary[state] > 0 ? TONES[state] : undefined,
          ),
        )}
      </ul>
    </section>
  );
}
