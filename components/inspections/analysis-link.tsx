import Link from "next/link";
import { hrefWith } from "@/lib/href";

/** The selection a drill-down keeps: the filters of the analysis page. */
export type AnalysisSelection = { round?: string; period?: string; source?: string };

export type LedgerFilter = { category?: string; duty?: string; org?: string; tag?: "COMMON"; open?: boolean; overdue?: boolean; closed?: boolean };

/** The rectification ledger showing the findings behind one count (its URL parameters are the ledger's contract). */
export function ledgerHref(selection: AnalysisSelection, filter: LedgerFilter = {}): string {
  const flag = (on: boolean | undefined) => (on ? "1" : undefined);
  return hrefWith("/findings", {
    round: selection.round,
    period: selection.period,
    source: selection.source,
    category: filter.category,
    duty: filter.duty,
    org: filter.org,
    tag: filter.tag,
    open: flag(filter.open),
    overdue: flag(filter.overdue),
    closed: flag(filter.closed),
  });
}

/**
 * A count that opens the ledger on the findings it counts; `label` says what
 * it counts for assistive technology. Zero stays plain text: there is nothing to open.
 */
export function CountLink({ count, href, label }: { count: number; href: string; label: string }) {
  if (count === 0) return <span className="text-muted tabular-nums">0</span>;
  return (
    <Link href={href} className="text-brand tabular-nums underline decoration-brand/40 underline-offset-2 hover:decoration-brand">
      {count}
      <span className="sr-only"> {label}</span>
    </Link>
  );
}
