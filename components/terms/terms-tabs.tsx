import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "@/lib/href";
import { TERM_LEDGER_PATHS, TERM_LEDGERS, type TermLedger } from "@/lib/term-ledgers";
import { cn } from "@/lib/utils";

/** The three ledgers as tabs, each a page of its own; the organization chosen carries over. */
export function TermsTabs({ current, org }: { current: TermLedger; org?: string }) {
  const t = useTranslations("terms");
  return (
    <nav aria-label={t("ledgersLabel")} data-print="hide" className="border-b border-line print:hidden">
      <ul className="relative -mb-px flex gap-1 overflow-x-auto">
        {TERM_LEDGERS.map((ledger) => (
          <li key={ledger}>
            <Link
              href={hrefWith(TERM_LEDGER_PATHS[ledger], { org })}
              aria-current={ledger === current ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-4 py-2 text-sm font-medium whitespace-nowrap",
                ledger === current ? "border-brand text-brand" : "border-transparent text-muted hover:border-line hover:text-ink",
              )}
            >
              {t(`ledgers.${ledger}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
