import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { ReviewQueueTable } from "@/components/checklists/review-queue-table";
import { PageHeading } from "@/components/layout/page-heading";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterFold } from "@/components/ui/filter-fold";
import { FilterSelect } from "@/components/ui/filter-select";
import { OrgOptions } from "@/components/ui/org-options";
import { guardPage } from "@/lib/server/access/guard-page";
import { listReviewQueue } from "@/lib/server/checklists/review-queue";
import { listOrgOptions } from "@/lib/server/orgs/list-orgs";
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
    listOrgOptions(actor, "checklist.review"),
    getTranslations("reviews"),
    getTranslations("kind"),
    getLocale(),
  ]);
  const queueParams = reviewQueueParams(query);
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { count: queue.total })} />
      <FilterFold activeCount={Object.values(queueParams).filter(Boolean).length} className="mb-4">
        <form method="get" role="search" aria-label={t("filtersLabel")} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto_auto] sm:items-end">
          <FilterSelect id="review-org" name="org" label={t("org")} defaultValue={query.org} allLabel={t("allOrgs")}>
            <OrgOptions orgs={orgs.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))} />
          </FilterSelect>
          <FilterSelect
            id="review-kind"
            name="kind"
            label={t("kind")}
            defaultValue={query.kind}
            allLabel={t("allKinds")}
            options={DUTY_KINDS.map((k) => ({ value: k, label: tk(k) }))}
          />
          <label className="flex items-center gap-2 pb-2 text-sm">
            <input type="checkbox" name="na" value="1" defaultChecked={query.na === "1"} className="h-4 w-4 accent-brand" />
            {t("onlyNotApplicable")}
          </label>
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
