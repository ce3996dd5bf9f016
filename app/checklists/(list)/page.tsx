import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ChecklistView } from "@/components/checklists/checklist-view";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { hrefWith } from "@/lib/href";
import { guardPage } from "@/lib/server/access/guard-page";
import { can } from "@/lib/server/access/permissions";
import { defaultSubtree, getActingOrg } from "@/lib/server/auth/acting-org";
import { countReviewQueue } from "@/lib/server/checklists/review-queue";
import { resolvePeriod } from "@/lib/server/periods/get-current-period";
import { localized } from "@/lib/org-label";
import { checklistFilterParams, ZChecklistFilters } from "@/lib/validation/checklists";
import { readSearchParams } from "@/lib/validation/search-params";
import { storableText } from "@/lib/validation/text";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("duties"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * 我的职责: the checklist of the actor's organizations; a reviewer sees at
 * once how many items wait for them. A user with roles on several
 * organizations sees first the subtree of the one they act in (the header's
 * switcher), with the whole of their scope one click away (?scope=all).
 */
export default async function ChecklistsPage({ searchParams }: Props) {
  const actor = await guardPage("page:/checklists", undefined, "/checklists");
  const search = await searchParams;
  const { values: filters, errors } = readSearchParams(ZChecklistFilters, search);
  const [period, reviewing, acting, t, locale, format] = await Promise.all([
    resolvePeriod(filters.period),
    can(actor, "checklist.review") ? countReviewQueue(actor) : 0,
    getActingOrg(actor),
    getTranslations("duties"),
    getLocale(),
    getFormatter(),
  ]);
  const actingIn = acting.choices.length > 1 ? acting.current : null;
  const narrowedTo = defaultSubtree(acting, filters.scope);
  const actingName = actingIn ? localized(actingIn.orgName, actingIn.orgNameEn, locale) : "";
  const scope = narrowedTo ? actingName : format.list([...new Set(actor.grants.map((g) => localized(g.orgName, g.orgNameEn, locale)))]);
  const kept = checklistFilterParams(filters);
  return (
    <>
      <PageHeading title={t("title")} subtitle={period ? t("subtitle", { year: period.year, scope }) : scope} />
      {actingIn ? (
        <p className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted" data-testid="acting-scope">
          <span>{narrowedTo ? t("actingScope", { org: actingName }) : t("allScope")}</span>
          <Link href={hrefWith("/checklists", { ...kept, org: undefined, scope: narrowedTo ? "all" : undefined })} className="text-brand hover:underline">
            {narrowedTo ? t("showAll") : t("showActing", { org: actingName })}
          </Link>
        </p>
      ) : null}
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
          rootOrg={narrowedTo ? { id: narrowedTo.orgId, path: narrowedTo.orgPath } : undefined}
          refusedSearch={errors.q ? storableText(search.q) : undefined}
        />
      ) : (
        <EmptyState title={t("noPeriod")} hint={t("noPeriodHint")} />
      )}
    </>
  );
}
