import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { ProgressTable } from "@/components/progress/progress-table";
import { Pagination } from "@/components/checklists/pagination";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { guardPage } from "@/lib/server/access/guard-page";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { getOrg } from "@/lib/server/orgs/list-orgs";
import { resolvePeriod } from "@/lib/server/periods/get-current-period";
import { listPeriods } from "@/lib/server/periods/list-periods";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { periodLabel } from "@/lib/period-label";
import { ZProgressQuery } from "@/lib/validation/checklists";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("title") };
}

export default async function ProgressPage({ searchParams }: Props) {
  const query = ZProgressQuery.parse(await searchParams);
  const actor = await guardPage("page:/progress", query.org ? { orgId: query.org } : undefined, "/progress");
  const [period, periods, t, tr, locale] = await Promise.all([
    resolvePeriod(query.period),
    listPeriods(),
    getTranslations("progress"),
    getTranslations(),
    getLocale(),
  ]);
  if (!period) {
    return (
      <>
        <PageHeading title={t("title")} />
        <EmptyState title={t("noPeriod")} />
      </>
    );
  }
  const [progress, org] = await Promise.all([
    getProgress(actor, "progress.read", period.id, { ...query, parentId: query.org }),
    query.org ? getOrg(actor, "progress.read", query.org) : Promise.resolve(null),
  ]);
  const parentName = progress.parent ? localized(progress.parent.name, progress.parent.nameEn, locale) : null;
  // Links keep the period only when one was chosen, so that "current" stays current.
  const shown = { ...query, period: query.period === period.id ? period.id : undefined };
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { period: periodLabel(tr, period) })}>
        {org ? (
          <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
            <Link href={hrefWith("/progress", { period: shown.period })} className="hover:text-brand hover:underline">
              {t("top")}
            </Link>
            {org.ancestors.map((a) => (
              <span key={a.id}>
                {" / "}
                <Link href={hrefWith("/progress", { org: a.id, period: shown.period })} className="hover:text-brand hover:underline">
                  {localized(a.name, a.nameEn, locale)}
                </Link>
              </span>
            ))}
          </nav>
        ) : null}
      </PageHeading>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        {query.org ? <input type="hidden" name="org" value={query.org} /> : null}
        <FilterSelect
          id="progress-period"
          name="period"
          label={t("period")}
          defaultValue={period.id}
          options={periods.map((p) => ({ value: p.id, label: periodLabel(tr, p) }))}
        />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      {progress.rows.length === 0 && !progress.parent ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ProgressTable parent={progress.parent} parentName={parentName} own={progress.page === 1 ? progress.own : null} rows={progress.rows} query={shown} />
      )}
      <Pagination
        page={progress.page}
        pageCount={progress.pageCount}
        total={progress.total}
        basePath="/progress"
        params={{ org: query.org, period: shown.period, sort: query.sort, dir: query.dir }}
      />
    </>
  );
}
