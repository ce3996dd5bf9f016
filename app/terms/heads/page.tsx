import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { TermFilters } from "@/components/terms/term-filters";
import { TermLedgerShell } from "@/components/terms/term-ledger-shell";
import { HeadLedgerTable } from "@/components/terms/term-tables";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { findOrgOptions } from "@/lib/server/orgs/list-orgs";
import { TERM_EXPORT_ROW_LIMIT } from "@/lib/server/terms/export-terms";
import { listHeadLedger } from "@/lib/server/terms/list-records";
import { getTermLedgerUnit, TERM_PRINT_LIMIT } from "@/lib/server/terms/list-terms";
import { readSearchParams } from "@/lib/validation/search-params";
import { ZLedgerPaging, ZRecordLedgerFilters } from "@/lib/validation/terms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terms"))("ledgers.heads") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 负责人调整台账: the changes of organizations' heads in the reader's subtrees, with the consultation held, newest first. */
export default async function HeadLedgerPage({ searchParams }: Props) {
  const actor = await guardPage("page:/terms/heads", undefined, "/terms/heads");
  const search = await searchParams;
  const { values: filters } = readSearchParams(ZRecordLedgerFilters, search);
  const view = ZLedgerPaging.parse(search);
  const [ledger, unit, orgs, t, tp, locale] = await Promise.all([
    listHeadLedger(actor, filters, view.print ? { page: 1, pageSize: TERM_PRINT_LIMIT } : { page: view.page }),
    getTermLedgerUnit(actor, filters.org),
    findOrgOptions(actor, "term.read", undefined, { search: view.orgq, selected: filters.org }),
    getTranslations("terms"),
    getTranslations("print"),
    getLocale(),
  ]);
  const params = { org: filters.org, from: filters.from, to: filters.to };
  return (
    <TermLedgerShell
      ledger="heads"
      params={params}
      filters={
        <TermFilters
          ledger="heads"
          values={params}
          isFiltered={Boolean(filters.org || filters.from || filters.to)}
          orgOptions={orgs.options.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))}
          orgSearch={orgs.isTruncated ? (view.orgq ?? "") : undefined}
        />
      }
      total={ledger.total}
      shown={ledger.rows.length}
      page={ledger.page}
      pageCount={ledger.pageCount}
      isPrint={view.print}
      printLimit={TERM_PRINT_LIMIT}
      exportLimit={TERM_EXPORT_ROW_LIMIT}
      unitName={unit ? localized(unit.name, unit.nameEn, locale) : ""}
      printDetails={[
        ...(filters.from || filters.to ? [t("print.range", { from: filters.from ?? "…", to: filters.to ?? "…" })] : []),
        tp("printedOn", { date: dayString() }),
      ]}
    >
      <HeadLedgerTable rows={ledger.rows} caption={t("caption", { ledger: t("ledgers.heads"), total: ledger.total })} firstNo={(ledger.page - 1) * ledger.pageSize + 1} />
    </TermLedgerShell>
  );
}
