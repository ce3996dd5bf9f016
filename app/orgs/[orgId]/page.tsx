import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ChecklistView } from "@/components/checklists/checklist-view";
import { GradeMoveBadge } from "@/components/grading/grade-move-badge";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { can } from "@/lib/server/access/permissions";
import { gradeHistory } from "@/lib/server/grading/grading";
import { getOrg } from "@/lib/server/orgs/list-orgs";
import { resolvePeriod } from "@/lib/server/periods/get-current-period";
import { localized } from "@/lib/org-label";
import { ZChecklistFilters } from "@/lib/validation/checklists";
import { readSearchParams } from "@/lib/validation/search-params";
import { storableText } from "@/lib/validation/text";

type Props = {
  params: Promise<{ orgId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("org"))("title") };
}

/** One organization's checklist and its subtree's; read-only unless the user may tick its items. */
export default async function OrgChecklistPage({ params, searchParams }: Props) {
  const { orgId } = await params;
  const actor = await guardPage("page:/orgs/[orgId]", { orgId }, `/orgs/${orgId}`);
  const search = await searchParams;
  const { values: filters, errors } = readSearchParams(ZChecklistFilters, search);
  const [org, period, t, to, locale] = await Promise.all([
    getOrg(actor, "checklist.read", orgId),
    resolvePeriod(filters.period),
    getTranslations("org"),
    getTranslations("orgType"),
    getLocale(),
  ]);
  const canFollow = can(actor, "progress.read");
  const grades = await gradeHistory(actor, org, locale);
  return (
    <>
      <PageHeading
        title={localized(org.name, org.nameEn, locale)}
        subtitle={period ? t("subtitle", { type: to(org.type), year: period.year }) : to(org.type)}
        actions={
          canFollow ? (
            <Link href={`/progress?org=${org.id}`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
              {t("progressLink")}
            </Link>
          ) : undefined
        }
      >
        {org.ancestors.length > 0 ? (
          <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
            {org.ancestors.map((a) => (
              <span key={a.id}>
                <Link href={`/orgs/${a.id}`} className="hover:text-brand hover:underline">
                  {localized(a.name, a.nameEn, locale)}
                </Link>
                {" / "}
              </span>
            ))}
          </nav>
        ) : null}
      </PageHeading>
      {grades.length > 0 ? (
        <section aria-labelledby="org-grades" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <h2 id="org-grades" className="font-medium">
            {t("gradesHeading")}
          </h2>
          <ol className="flex flex-wrap gap-x-3 gap-y-1">
            {grades.slice(0, 5).map((g) => (
              <li key={g.year} className="flex items-center gap-1">
                <span className="text-muted">{g.year}</span>
                {g.grade ?? <span className="text-warn">{t("gradeProposed", { grade: g.proposed })}</span>}
                {g.move ? <GradeMoveBadge move={g.move} /> : null}
              </li>
            ))}
          </ol>
          <Link href={`/branches/grading/${org.id}`} className="text-brand hover:underline">
            {t("gradesLink")}
          </Link>
        </section>
      ) : null}
      {period ? (
        <ChecklistView
          actor={actor}
          periodId={period.id}
          filters={filters}
          basePath={`/orgs/${org.id}`}
          rootOrg={org}
          refusedSearch={errors.q ? storableText(search.q) : undefined}
        />
      ) : (
        <EmptyState title={t("noPeriod")} />
      )}
    </>
  );
}
