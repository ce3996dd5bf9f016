import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { ProgressTable } from "@/components/progress/progress-table";
import { Pagination } from "@/components/checklists/pagination";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { ruleFor } from "@/lib/server/access/registry";
import { getProgress } from "@/lib/server/checklists/get-progress";
import { getOrg } from "@/lib/server/orgs/list-orgs";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { localized } from "@/lib/org-label";
import { ZProgressQuery } from "@/lib/validation/checklists";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("title") };
}

export default async function ProgressPage({ searchParams }: Props) {
  const query = ZProgressQuery.parse(await searchParams);
  const actor = await guardPage("page:/progress", query.org ? { orgId: query.org } : undefined, "/progress");
  const rule = ruleFor("page:/progress");
  const roles = rule.access === "roles" ? rule.roles : [];
  const [period, t, locale] = await Promise.all([getCurrentPeriod(), getTranslations("progress"), getLocale()]);
  if (!period) {
    return (
      <>
        <PageHeading title={t("title")} />
        <EmptyState title={t("noPeriod")} />
      </>
    );
  }
  const [progress, org] = await Promise.all([
    getProgress(actor, roles, period.id, { ...query, parentId: query.org }),
    query.org ? getOrg(actor, roles, query.org) : Promise.resolve(null),
  ]);
  const parentName = progress.parent ? localized(progress.parent.name, progress.parent.nameEn, locale) : null;
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { year: period.year })}>
        {org ? (
          <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
            <Link href="/progress" className="hover:text-brand hover:underline">
              {t("top")}
            </Link>
            {org.ancestors.map((a) => (
              <span key={a.id}>
                {" / "}
                <Link href={`/progress?org=${a.id}`} className="hover:text-brand hover:underline">
                  {localized(a.name, a.nameEn, locale)}
                </Link>
              </span>
            ))}
          </nav>
        ) : null}
      </PageHeading>
      {progress.rows.length === 0 && !progress.parent ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ProgressTable parent={progress.parent} parentName={parentName} rows={progress.rows} query={query} />
      )}
      <Pagination
        page={progress.page}
        pageCount={progress.pageCount}
        total={progress.total}
        basePath="/progress"
        params={{ org: query.org, sort: query.sort, dir: query.dir }}
      />
    </>
  );
}
