import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChecklistView } from "@/components/checklists/checklist-view";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { can } from "@/lib/server/access/permissions";
import { countReviewQueue } from "@/lib/server/checklists/review-queue";
import { resolvePeriod } from "@/lib/server/periods/get-current-period";
import { localized } from "@/lib/org-label";
import { ZChecklistFilters } from "@/lib/validation/checklists";
import { readSearchParams } from "@/lib/validation/search-params";
import { storableText } from "@/lib/validation/text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("duties"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 我的职责: the checklist of the actor's organizations; a reviewer sees at once how many items wait for them. */
export default async function ChecklistsPage({ searchParams }: Props) {
  const actor = await guardPage("page:/checklists", undefined, "/checklists");
  const search = await searchParams;
  const { values: filters, errors } = readSearchParams(ZChecklistFilters, search);
  const [period, reviewing, t, locale, format] = await Promise.all([
    resolvePeriod(filters.period),
    can(actor, "checklist.review") ? countReviewQueue(actor) : 0,
    getTranslations("duties"),
    getLocale(),
    getFormatter(),
  ]);
  const scope = format.list([...new Set(actor.grants.map((g) => localized(g.orgName, g.orgNameEn, locale)))]);
  return (
    <>
      <PageHeading title={t("title")} subtitle={period ? t("subtitle", { year: period.year, scope }) : scope} />
      {reviewing > 0 ? (
        <Alert tone="warn" className="mb-4 flex flex-wrap items-center justify-between gap-3" data-testid="review-waiting">
          <span>{t("reviewWaiting", { count: reviewing })}</span>
          <Link href="/reviews" className={buttonVariants({ size: "sm" })}>
            {t("openReviews")}
          </Link>
        </Alert>
      ) : null}
      {period ? (
        <ChecklistView
          actor={actor}
          periodId={period.id}
          filters={filters}
          basePath="/checklists"
          refusedSearch={errors.q ? storableText(search.q) : undefined}
        />
      ) : (
        <EmptyState title={t("noPeriod")} hint={t("noPeriodHint")} />
      )}
    </>
  );
}
