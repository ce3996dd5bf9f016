import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { PrintHeader } from "@/components/print/print-header";
import { SignatureLines } from "@/components/print/signature-lines";
import { TermsTabs } from "@/components/terms/terms-tabs";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterFold } from "@/components/ui/filter-fold";
import { hrefWith } from "@/lib/href";
import { TERM_LEDGER_PATHS, type TermLedger } from "@/lib/term-ledgers";
import { cn } from "@/lib/utils";

type Props = {
  ledger: TermLedger;
  /** The filters as search params, carried by paging, print and export links. */
  params: Record<string, string | undefined>;
  summary?: ReactNode;
  filters: ReactNode;
  /** Rows of the selection, and rows on this page. */
  total: number;
  shown: number;
  page: number;
  pageCount: number;
  isPrint: boolean;
  printLimit: number;
  exportLimit: number;
  /** The organization a printed ledger is headed with, and its line of details (range, print day). */
  unitName: string;
  printDetails: string[];
  children: ReactNode;
};

/**
 * What the three ledgers share, as the rectification ledger has it: heading,
 * tabs, filters folded on a phone, export and print (a print view of the
 * whole selection when it spans pages), A4 heading and signature lines on
 * paper, the empty state and paging.
 */
export function TermLedgerShell(props: Props) {
  const { ledger, params, total, shown, isPrint } = props;
  const t = useTranslations("terms");
  const tp = useTranslations("print");
  const path = TERM_LEDGER_PATHS[ledger];
  const isFiltered = Object.values(params).some(Boolean);
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });
  const canExport = total > 0 && total <= props.exportLimit;
  return (
    <div className="ledger-print space-y-4">
      <div data-print="hide" className="print:hidden">
        <PageHeading title={t("title")} subtitle={t("subtitle")} />
      </div>
      <TermsTabs current={ledger} org={params.org} />
      {props.summary}
      <FilterFold activeCount={Object.values(params).filter(Boolean).length}>{props.filters}</FilterFold>

      <div data-print="hide" className="flex flex-wrap items-center justify-end gap-2 print:hidden">
        {isPrint ? (
          <>
            <p className="mr-auto text-sm text-muted" role="note">
              {total > shown ? t("print.truncated", { limit: props.printLimit, total }) : t("print.viewAll", { total })}
            </p>
            <Link href={hrefWith(path, params)} className={secondary}>
              {t("print.backToList")}
            </Link>
          </>
        ) : null}
        {total > props.exportLimit ? (
          <p className="text-sm text-muted" role="note">
            {t("export.tooMany", { limit: props.exportLimit, total })}
          </p>
        ) : null}
        {canExport ? (
          <a href={hrefWith(`${path}/export`, params)} download className={secondary} data-testid="ledger-export">
            {t("export.action")}
          </a>
        ) : (
          <span className={cn(secondary, "pointer-events-none opacity-50")} aria-disabled>
            {t("export.action")}
          </span>
        )}
        {total === 0 ? null : isPrint || total <= shown ? (
          <PrintButton label={t("print.action")} />
        ) : (
          <Link href={hrefWith(path, { ...params, print: "1" })} className={secondary} data-testid="ledger-print-view">
            {t("print.action")}
          </Link>
        )}
      </div>

      <PrintHeader
        unit={props.unitName}
        title={t(`ledgers.${ledger}`)}
        details={props.printDetails}
        className={isPrint ? "rounded-lg border border-line bg-white p-4 print:border-0 print:p-0" : "hidden print:block"}
      />

      {shown === 0 ? (
        <EmptyState title={isFiltered ? t("emptyFiltered") : t(`empty.${ledger}`)} hint={isFiltered ? t("emptyFilteredHint") : t(`emptyHint.${ledger}`)} />
      ) : (
        <>
          <p className="text-xs text-muted sm:hidden print:hidden">{t("scrollHint")}</p>
          {props.children}
        </>
      )}

      {isPrint ? null : (
        <div data-print="hide" className="print:hidden">
          <Pagination page={props.page} pageCount={props.pageCount} total={total} basePath={path} params={params} />
        </div>
      )}

      <SignatureLines
        caption={tp("signatures")}
        labels={[tp("preparer"), tp("reviewer"), tp("head"), tp("seal"), tp("date")]}
        className={isPrint ? undefined : "hidden print:grid"}
      />
    </div>
  );
}
