import Link from "next/link";

/** The selection a drill-down keeps: the filters of the analysis page. */
export type AnalysisSelection = { round?: string; period?: string };

export type LedgerFilter = { category?: string; duty?: string; org?: string; tag?: "COMMON"; open?: boolean; overdue?: boolean; closed?: boolean };

/** The rectification ledger showing the findings behind one count (its URL parameters are the ledger's contract). */
export function ledgerHref(selection: AnalysisSelection, filter: LedgerFilter = {}): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => {
    if (value) params.set(key, value);
  };
  set("round", selection.round);
  set("period", selection.period);
  set("category", filter.category);
  set("duty", filter.duty);
  set("org", filter.org);
  set("tag", filter.tag);
  if (filter.open) params.set("open", "1");
  if (filter.overdue) params.set("overdue", "1");
  if (filter.closed) params.set("closed", "1");
  const search = params.toString();
  return search ? `/rectification?${search}` : "/rectification";
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
