import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { ReviewQueueTable } from "@/components/checklists/review-queue-table";
import { PageHeading } from "@/components/layout/page-heading";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterFold } from "@/components/ui/filter-fold";
import { FilterSelect } from "@/components/ui/filter-select";
import { OrgFilter } from "@/components/ui/org-filter";
import { guardPage } from "@/lib/server/access/guard-page";
import { listReviewQueue } from "@/lib/server/checklists/review-queue";
import { findOrgOptions } from "@/lib/server/orgs/list-orgs";
import { localized } from "@/lib/org-label";
import { DUTY_KINDS } from "@/lib/validation/checklists";
import { reviewQueueParams, ZReviewQuery } from "@/lib/validation/reviews";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

/** The reviewer's queue across their subtree: filter, open one, or approve many at once. */
export default async function ReviewsPage({ searchParams }: Props) {
  const actor = await guardPage("page:/reviews", undefined, "/reviews");
  const query = ZReviewQuery.parse(await searchParams);
  const [queue, orgs, t, tk, locale] = await Promise.all([
    listReviewQueue(actor, query),
    findOrgOptions(actor, "checklist.review", undefined, { search: query.orgq, selected: query.org }),
    getTranslations("reviews"),
    getTranslations("kind"),
    getLocale(),
  ]);
  const queueParams = reviewQueueParams(query);
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { count: queue.total })} />
      <FilterFold activeCount={Object.values(queueParams).filter(Boolean).length} className="mb-4">
        <form method="get" role="search" aria-label={t("filtersLabel")} className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <OrgFilter
              id="review-org"
              label={t("org")}
              allLabel={t("allOrgs")}
              defaultValue={query.org}
              options={orgs.options.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))}
              search={orgs.isTruncated ? (query.orgq ?? "") : undefined}
            />
            <FilterSelect
              id="review-kind"
              name="kind"
              label={t("kind")}
              defaultValue={query.kind}
              allLabel={t("allKinds")}
              options={DUTY_KINDS.map((k) => ({ value: k, label: tk(k) }))}
            />
            <label className="flex items-center gap-2 text-sm sm:mt-8">
              <input type="checkbox" name="na" value="1" defaultChecked={query.na === "1"} className="h-4 w-4 accent-brand" />
              {t("onlyNotApplicable")}
            </label>
          </div>
          <Button type="submit" variant="secondary">
            {t("filter")}
          </Button>
        </form>
      </FilterFold>
      <ReviewQueueTable rows={queue.rows} queueParams={queueParams} empty={<EmptyState title={t("empty")} hint={t("emptyHint")} />} />
      <Pagination page={queue.page} pageCount={queue.pageCount} total={queue.total} basePath="/reviews" params={queueParams} />
    </>
  );
}
