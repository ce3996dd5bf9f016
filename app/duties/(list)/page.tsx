import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChecklistView } from "@/components/checklists/checklist-view";
import { PageHeading } from "@/components/layout/page-heading";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { resolvePeriod } from "@/lib/server/periods/get-current-period";
import { localized } from "@/lib/org-label";
import { ZChecklistFilters } from "@/lib/validation/checklists";
import { readSearchParams } from "@/lib/validation/search-params";
import { storableText } from "@/lib/validation/text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("duties"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DutiesPage({ searchParams }: Props) {
  const actor = await guardPage("page:/duties", undefined, "/duties");
  const search = await searchParams;
  const { values: filters, errors } = readSearchParams(ZChecklistFilters, search);
  const [period, t, locale, format] = await Promise.all([
    resolvePeriod(filters.period),
    getTranslations("duties"),
    getLocale(),
    getFormatter(),
  ]);
  const scope = format.list([...new Set(actor.grants.map((g) => localized(g.orgName, g.orgNameEn, locale)))]);
  return (
    <>
      <PageHeading title={t("title")} subtitle={period ? t("subtitle", { year: period.year, scope }) : scope} />
      {period ? (
        <ChecklistView
          actor={actor}
          periodId={period.id}
          filters={filters}
          basePath="/duties"
          refusedSearch={errors.q ? storableText(search.q) : undefined}
        />
      ) : (
        <EmptyState title={t("noPeriod")} hint={t("noPeriodHint")} />
      )}
    </>
  );
}
