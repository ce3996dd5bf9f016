import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AssignCatalogForm } from "@/components/catalogs/assign-catalog-form";
import { PublishVersionButton } from "@/components/catalogs/publish-version-button";
import { ReviseVersionButton } from "@/components/catalogs/revise-version-button";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { can } from "@/lib/server/access/permissions";
import { getCatalogVersion } from "@/lib/server/catalogs/catalogs";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { listPeriods } from "@/lib/server/periods/list-periods";
import { localized } from "@/lib/org-label";
import { periodLabel } from "@/lib/period-label";

type Props = { params: Promise<{ versionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogs"))("title") };
}

export default async function CatalogVersionPage({ params }: Props) {
  const { versionId } = await params;
  const actor = await guardPage("page:/catalogs/[versionId]", undefined, `/catalogs/${versionId}`);
  const isEditor = can(actor, "catalog.edit");
  const [version, t, tk, to, tf, tm, tr, locale] = await Promise.all([
    notFoundUnless(getCatalogVersion(actor, versionId)),
    getTranslations("catalogs"),
    getTranslations("kind"),
    getTranslations("orgType"),
    getTranslations("frequency"),
    getTranslations("move"),
    getTranslations(),
    getLocale(),
  ]);
  const canAssign = isEditor && version.status === "PUBLISHED";
  const [periods, orgs, current] = canAssign
    ? await Promise.all([listPeriods(), findPickerOrgs(actor, "catalog.edit"), getCurrentPeriod()])
    : [[], { orgs: [], isTruncated: false }, null];
  const bodyTypes = [...new Set(version.duties.map((d) => d.bodyType))];
  const title = localized(version.catalog.title, version.catalog.titleEn, locale);
  return (
    <>
      <PageHeading
        title={title}
        subtitle={`${t("versionLabel", { version: version.version })} · ${version.catalog.issuer}`}
        actions={
          <>
            {(["xlsx", "json", "yaml"] as const).map((format) => (
              <a key={format} href={`/catalogs/${version.id}/export?format=${format}`} className={buttonVariants({ variant: "secondary", size: "sm" })} download>
                {t(`export.${format}`)}
              </a>
            ))}
          </>
        }
      >
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/catalogs" className="hover:text-brand hover:underline">
            {t("title")}
          </Link>
        </nav>
      </PageHeading>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Badge tone={version.status === "PUBLISHED" ? "ok" : "warn"}>{t(`status.${version.status}`)}</Badge>
        {version.catalog.isSample ? <Badge>{t("sample")}</Badge> : null}
        {version.sourceNote ? <p className="text-sm text-muted">{version.sourceNote}</p> : null}
      </div>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        {isEditor && version.status === "DRAFT" ? (
          <Link href={`/catalogs/${version.id}/edit`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("edit")}
          </Link>
        ) : null}
        {isEditor && version.status === "PUBLISHED" ? <ReviseVersionButton versionId={version.id} /> : null}
        {isEditor && version.status === "PUBLISHED" && version.version > 1 ? (
          <Link href={`/catalogs/${version.id}/move`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {tm("link")}
          </Link>
        ) : null}
        {version.version > 1 ? (
          <Link href={`/catalogs/${version.id}/diff`} className={buttonVariants({ variant: "secondary", size: "sm" })}>
            {t("compare")}
          </Link>
        ) : null}
      </div>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("dutiesCaption", { count: version.duties.length })}</caption>
            <thead className="bg-surface text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.duty")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.body")}</th>
                <th scope="col" className="hidden px-3 py-2 font-medium sm:table-cell">{t("columns.frequency")}</th>
                <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">{t("columns.weight")}</th>
              </tr>
            </thead>
            <tbody>
              {version.duties.map((d) => (
                <tr key={d.id} className="border-t border-line align-top" data-testid="catalog-duty">
                  <td className="px-3 py-2">
                    <span className="mr-2 font-mono text-xs text-muted">{d.code}</span>
                    {localized(d.title, d.titleEn, locale)}
                    <span className="block text-xs text-muted">{tk(d.kind)}{d.group ? ` · ${d.group}` : ""}</span>
                  </td>
                  <td className="px-3 py-2 text-muted">{to(d.bodyType)}</td>
                  <td className="hidden px-3 py-2 sm:table-cell">{tf(d.frequency)}</td>
                  <td className="hidden px-3 py-2 text-right tabular-nums sm:table-cell">{d.weight}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {isEditor ? (
          <Card aria-labelledby="assign-heading" className="h-fit">
            <h2 id="assign-heading" className="mb-3 text-base font-semibold">
              {version.status === "PUBLISHED" ? t("assignHeading") : t("publishHeading")}
            </h2>
            {version.status === "PUBLISHED" ? (
              <AssignCatalogForm
                catalogVersionId={version.id}
                defaultPeriodId={current?.id}
                periods={periods.map((p) => ({ id: p.id, label: periodLabel(tr, p) }))}
                orgs={orgs}
                bodyTypes={bodyTypes.map((type) => ({ type, label: to(type) }))}
              />
            ) : (
              <PublishVersionButton versionId={version.id} />
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
