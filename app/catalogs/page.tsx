import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CopyForwardForm } from "@/components/catalogs/copy-forward-form";
import { ImportCatalogForm } from "@/components/catalogs/import-catalog-form";
import { LoadLibraryButton } from "@/components/catalogs/load-library-button";
import { NewCatalogForm } from "@/components/catalogs/new-catalog-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { can } from "@/lib/server/access/permissions";
import { listCatalogs, listLibrary } from "@/lib/server/catalogs/catalogs";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";
import { listPeriods } from "@/lib/server/periods/list-periods";
import { localized } from "@/lib/org-label";
import { periodLabel } from "@/lib/period-label";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogs"))("title") };
}

export default async function CatalogsPage() {
  const actor = await guardPage("page:/catalogs", undefined, "/catalogs");
  const isEditor = can(actor, "catalog.edit");
  const [catalogs, library, periods, orgs, t, tr, locale] = await Promise.all([
    listCatalogs(actor),
    isEditor ? listLibrary(actor) : Promise.resolve([]),
    isEditor ? listPeriods() : Promise.resolve([]),
    isEditor ? findPickerOrgs(actor, "catalog.edit") : Promise.resolve({ orgs: [], isTruncated: false }),
    getTranslations("catalogs"),
    getTranslations(),
    getLocale(),
  ]);
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle")} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="catalogs-heading" className="space-y-3">
          <h2 id="catalogs-heading" className="text-base font-semibold">
            {t("inUse")}
          </h2>
          {catalogs.length === 0 ? (
            <EmptyState title={t("none")} hint={isEditor ? t("noneHint") : undefined} />
          ) : (
            catalogs.map((c) => (
              <Card key={c.id} className="space-y-2" data-testid="catalog-card">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold">{localized(c.title, c.titleEn, locale)}</h3>
                  {c.isSample ? <Badge>{t("sample")}</Badge> : null}
                </div>
                <p className="text-sm text-muted">{c.issuer}</p>
                <ul className="divide-y divide-line rounded-md border border-line text-sm">
                  {c.versions.map((v) => (
                    <li key={v.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                      <Link href={`/catalogs/${v.id}`} className="font-medium text-brand hover:underline">
                        {t("versionLabel", { version: v.version })}
                      </Link>
                      <Badge tone={v.status === "PUBLISHED" ? "ok" : "warn"}>{t(`status.${v.status}`)}</Badge>
                      <span className="text-muted">{t("versionCounts", { duties: v.dutyCount, assignments: v.assignmentCount })}</span>
                    </li>
                  ))}
                </ul>
              </Card>
            ))
          )}
        </section>
        {isEditor ? (
          <div className="space-y-4">
            <Card aria-labelledby="import-heading">
              <h2 id="import-heading" className="mb-3 text-base font-semibold">
                {t("importHeading")}
              </h2>
              <ImportCatalogForm />
            </Card>
            <Card aria-labelledby="copy-heading">
              <h2 id="copy-heading" className="text-base font-semibold">
                {t("copyHeading")}
              </h2>
              <p className="mt-1 mb-3 text-sm text-muted">{t("copyHint")}</p>
              <CopyForwardForm
                periods={periods.map((p) => ({ id: p.id, year: p.year, label: periodLabel(tr, p) }))}
                orgs={orgs}
              />
            </Card>
            <Card aria-labelledby="new-heading">
              <h2 id="new-heading" className="mb-3 text-base font-semibold">
                {t("newHeading")}
              </h2>
              <NewCatalogForm />
            </Card>
            <Card aria-labelledby="library-heading">
              <h2 id="library-heading" className="text-base font-semibold">
                {t("libraryHeading")}
              </h2>
              <p className="mt-1 mb-3 text-sm text-muted">{t("libraryHint")}</p>
              <ul className="space-y-3 text-sm">
                {library.map((entry) => (
                  <li key={entry.key} className="flex flex-wrap items-center justify-between gap-2" data-testid="library-entry">
                    <span>
                      {localized(entry.title, entry.titleEn, locale)}
                      <span className="block text-xs text-muted">{t("libraryCounts", { version: entry.version, duties: entry.dutyCount })}</span>
                    </span>
                    {entry.loadedVersionId ? (
                      <Link href={`/catalogs/${entry.loadedVersionId}`} className="text-brand hover:underline">
                        {t("loaded")}
                      </Link>
                    ) : (
                      <LoadLibraryButton catalogKey={entry.key} title={localized(entry.title, entry.titleEn, locale)} />
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          </div>
        ) : null}
      </div>
    </>
  );
}
