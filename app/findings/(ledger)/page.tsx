import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Pagination } from "@/components/checklists/pagination";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { PrintHeader } from "@/components/print/print-header";
import { SignatureLines } from "@/components/print/signature-lines";
import { LedgerFilters } from "@/components/findings/ledger-filters";
import { ledgerHref } from "@/components/findings/ledger-href";
import { LedgerSummary } from "@/components/findings/ledger-summary";
import { LedgerTable } from "@/components/findings/ledger-tables";
import { LedgerTabs } from "@/components/findings/ledger-tabs";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterFold } from "@/components/ui/filter-fold";
import { dayString, isoDay } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { FINDING_EXPORT_ROW_LIMIT } from "@/lib/server/inspections/export-findings";
import { findingFilterParams, getLedgerHeading, isLedgerFiltered, LEDGER_LISTS, LEDGER_PRINT_LIMIT, listFindings, listLedgerCategoryOptions, listLedgerRoundOptions, ZFindingFilters } from "@/lib/server/inspections/list-findings";
import { findOrgOptions } from "@/lib/server/orgs/list-orgs";
import { cn } from "@/lib/utils";
import { ZOrgSearchParam } from "@/lib/validation/checklists";
import { readSearchParams } from "@/lib/validation/search-params";
import { storableText } from "@/lib/validation/text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rectification"))("title") };
}

const ZLedgerView = z.object({
  list: z.enum(LEDGER_LISTS).default("problems").catch("problems"),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  /** All rows of the selection (up to LEDGER_PRINT_LIMIT), without paging, to print. */
  print: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  /** Finds organizations for the unit filter; not a filter of the ledger. */
  orgq: ZOrgSearchParam,
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 整改台账: the findings of issued reports the user reads, as a problem, task or responsibility list. */
export default async function RectificationPage({ searchParams }: Props) {
  const actor = await guardPage("page:/findings", undefined, "/findings");
  const search = await searchParams;
  const { values: filters, errors } = readSearchParams(ZFindingFilters, search);
  const view = ZLedgerView.parse(search);
  const [ledger, heading, rounds, orgs, categories, t, tp, locale] = await Promise.all([
    listFindings(actor, filters, view.print ? { page: 1, pageSize: LEDGER_PRINT_LIMIT } : { page: view.page }),
    getLedgerHeading(actor, filters),
    listLedgerRoundOptions(actor),
    findOrgOptions(actor, "checklist.read", undefined, { search: view.orgq, selected: filters.org }),
    listLedgerCategoryOptions(),
    getTranslations("rectification"),
    getTranslations("print"),
    getLocale(),
  ]);

  const params = findingFilterParams(filters);
  const listParam = view.list === "problems" ? undefined : view.list;
  const listName = t(`lists.${view.list}`);
  const filtered = isLedgerFiltered(filters);
  const { state: _state, open: _open, closed: _closed, overdue: _overdue, warning: _warning, ...unstated } = params;
  const unitName = heading.unit ? localized(heading.unit.name, heading.unit.nameEn, locale) : "";
  const printDetails = [
    heading.round ? t("print.roundDates", { title: heading.round.title, from: isoDay(heading.round.startsOn), to: isoDay(heading.round.endsOn) }) : null,
    tp("printedOn", { date: dayString() }),
  ].filter((d): d is string => Boolean(d));

  const allShown = ledger.total <= ledger.rows.length;
  const printHref = ledgerHref({ ...params, list: listParam, print: "1" });
  const exportHref = ledgerHref(params, "/findings/export");
  const canExport = ledger.total > 0 && ledger.total <= FINDING_EXPORT_ROW_LIMIT;
  const secondary = buttonVariants({ variant: "secondary", size: "sm" });

  return (
    <div className="ledger-print space-y-4">
      <div data-print="hide" className="print:hidden">
        <PageHeading title={t("title")} subtitle={t("subtitle")} />
      </div>
      <LedgerSummary
        summary={ledger.summary}
        params={{ ...unstated, list: listParam }}
        active={{ state: filters.state, overdue: filters.overdue, any: Boolean(filters.state || filters.open || filters.closed || filters.overdue || filters.warning) }}
      />
      <FilterFold activeCount={Object.values(params).filter(Boolean).length}>
        <LedgerFilters
          filters={filters}
          list={view.list}
          roundOptions={rounds.map((r) => ({ id: r.id, label: t("filters.roundOption", { title: r.title, date: isoDay(r.startsOn) }) }))}
          orgOptions={orgs.options.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))}
          orgSearch={orgs.isTruncated ? (view.orgq ?? "") : undefined}
          categoryOptions={categories.map((c) => ({ id: c.id, label: localized(c.name, c.nameEn, locale) }))}
          refusedSearch={errors.q ? storableText(search.q) : undefined}
        />
      </FilterFold>
      <LedgerTabs current={view.list} params={params} />

      <div data-print="hide" className="flex flex-wrap items-center justify-end gap-2 print:hidden">
        {view.print ? (
          <>
            <p className="mr-auto text-sm text-muted" role="note">
              {ledger.total > ledger.rows.length ? t("print.truncated", { limit: LEDGER_PRINT_LIMIT, total: ledger.total }) : t("print.viewAll", { total: ledger.total })}
            </p>
            <Link href={ledgerHref({ ...params, list: listParam })} className={secondary}>
              {t("print.backToList")}
            </Link>
          </>
        ) : null}
        {ledger.total > FINDING_EXPORT_ROW_LIMIT ? (
          <p className="text-sm text-muted" role="note">
            {t("export.tooMany", { limit: FINDING_EXPORT_ROW_LIMIT, total: ledger.total })}
          </p>
        ) : null}
        {canExport ? (
          <a href={exportHref} download className={secondary} data-testid="ledger-export">
            {t("export.action")}
          </a>
        ) : (
          <span className={cn(secondary, "pointer-events-none opacity-50")} aria-disabled>
            {t("export.action")}
          </span>
        )}
        {ledger.total === 0 ? null : view.print || allShown ? (
          <PrintButton label={t("print.action")} />
        ) : (
          <Link href={printHref} className={secondary} data-testid="ledger-print-view">
            {t("print.action")}
          </Link>
        )}
      </div>

      <PrintHeader
        unit={unitName}
        title={listName}
        details={printDetails}
        className={view.print ? "rounded-lg border border-line bg-white p-4 print:border-0 print:p-0" : "hidden print:block"}
      />

      {ledger.rows.length === 0 ? (
        <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} hint={filtered ? t("emptyFilteredHint") : t("emptyHint")} />
      ) : (
        <>
          <p className="text-xs text-muted sm:hidden print:hidden">{t("scrollHint")}</p>
          <LedgerTable
            list={view.list}
            rows={ledger.rows}
            caption={t("caption", { list: listName, total: ledger.total })}
            firstNo={(ledger.page - 1) * ledger.pageSize + 1}
          />
        </>
      )}

      {view.print ? null : (
        <div data-print="hide" className="print:hidden">
          <Pagination page={ledger.page} pageCount={ledger.pageCount} total={ledger.total} basePath="/findings" params={{ ...params, list: listParam }} />
        </div>
      )}

      <SignatureLines
        caption={tp("signatures")}
        labels={[tp("preparer"), tp("reviewer"), tp("head"), tp("seal"), tp("date")]}
        className={view.print ? undefined : "hidden print:grid"}
      />
    </div>
  );
}
