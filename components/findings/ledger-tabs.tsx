import Link from "next/link";
import { useTranslations } from "next-intl";
import { ledgerHref } from "@/components/findings/ledger-href";
import { cn } from "@/lib/utils";
import { LEDGER_LISTS, type LedgerList } from "@/lib/server/inspections/list-findings";

/** The three lists as links (a GET param), so that each is a page of its own to share, print and go back to. */
export function LedgerTabs({ current, params }: { current: LedgerList; params: Record<string, string | undefined> }) {
  const t = useTranslations("rectification");
  return (
    <nav aria-label={t("listsLabel")} data-print="hide" className="border-b border-line print:hidden">
      <ul className="relative -mb-px flex gap-1 overflow-x-auto">
        {LEDGER_LISTS.map((list) => {
          const isCurrent = list === current;
          return (
            <li key={list}>
              <Link
                href={ledgerHref({ ...params, list: list === "problems" ? undefined : list })}
                aria-current={isCurrent ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-4 py-2 text-sm font-medium whitespace-nowrap",
                  isCurrent ? "border-brand text-brand" : "border-transparent text-muted hover:border-line hover:text-ink",
                )}
              >
                {t(`lists.${list}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
