import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoticesSeen } from "@/components/notifications/notices-seen";
import { TermFilters } from "@/components/terms/term-filters";
import { TermLedgerShell } from "@/components/terms/term-ledger-shell";
import { TermLedgerSummary } from "@/components/terms/term-ledger-summary";
import { TermLedgerTable } from "@/components/terms/term-tables";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { markNoticesAbout } from "@/lib/server/notifications/mark-read";
import { findOrgOptions } from "@/lib/server/orgs/list-orgs";
import { TERM_EXPORT_ROW_LIMIT } from "@/lib/server/terms/export-terms";
import { getTermLedgerUnit, listTermLedger, TERM_PRINT_LIMIT } from "@/lib/server/terms/list-terms";
import { readSearchParams } from "@/lib/validation/search-params";
import { ZLedgerPaging, ZTermLedgerFilters } from "@/lib/validation/terms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terms"))("ledgers.terms") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 换届台账: every organization that holds terms in the reader's subtrees, with
 * its current term in the ledger's colours (due within six months, within
 * three, overdue), and those with none recorded. A TERM_DUE notice leads
 * here narrowed to its organization, and reading it so marks it read.
 */
export default async function TermLedgerPage({ searchParams }: Props) {
  const actor = await guardPage("page:/terms", undefined, "/terms");
  const search = await searchParams;
  const { values: filters } = readSearchParams(ZTermLedgerFilters, search);
  const view = ZLedgerPaging.parse(search);
  const [ledger, unit, orgs, seen, tp, locale] = await Promise.all([
    listTermLedger(actor, filters, view.print ? { page: 1, pageSize: TERM_PRINT_LIMIT } : { page: view.page }),
    getTermLedgerUnit(actor, filters.org),
    findOrgOptions(actor, "term.read", undefined, { search: view.orgq, selected: filters.org }),
    filters.org ? markNoticesAbout(actor, { orgId: filters.org, kind: "TERM_DUE" }) : Promise.resolve(0),
    getTranslations("print"),
    getLocale(),
  ]);
  const t = await getTranslations("terms");
  const params = { org: filters.org, state: filters.state };
  return (
    <>
      <NoticesSeen count={seen} />
      <TermLedgerShell
        ledger="terms"
        params={params}
        summary={<TermLedgerSummary summary={ledger.summary} org={filters.org} active={filters.state} />}
        filters={
          <TermFilters
            ledger="terms"
            values={params}
            isFiltered={Boolean(filters.org || filters.state)}
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
        printDetails={[...(filters.state ? [t(`state.${filters.state}`)] : []), tp("printedOn", { date: dayString() })]}
      >
        <TermLedgerTable rows={ledger.rows} caption={t("caption", { ledger: t("ledgers.terms"), total: ledger.total })} firstNo={(ledger.page - 1) * ledger.pageSize + 1} />
      </TermLedgerShell>
    </>
  );
}
