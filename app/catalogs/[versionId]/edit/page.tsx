import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CatalogEditor } from "@/components/catalogs/catalog-editor";
import { ReviseVersionButton } from "@/components/catalogs/revise-version-button";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { displaySource } from "@/lib/catalogs/sample-source";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { getCatalogVersion } from "@/lib/server/catalogs/catalogs";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ versionId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor"))("heading") };
}

export default async function EditCatalogVersionPage({ params }: Props) {
  const { versionId } = await params;
  const actor = await guardPage("page:/catalogs/[versionId]/edit", undefined, `/catalogs/${versionId}/edit`);
  const [version, t, tc, locale] = await Promise.all([notFoundUnless(getCatalogVersion(actor, versionId)), getTranslations("editor"), getTranslations("catalogs"), getLocale()]);
  const title = localized(version.catalog.title, version.catalog.titleEn, locale);
  return (
    <>
      <PageHeading title={t("heading")} subtitle={`${title} · ${tc("versionLabel", { version: version.version })}`}>
        <nav aria-label={tc("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/catalogs" className="hover:text-brand hover:underline">
            {tc("title")}
          </Link>
          {" / "}
          <Link href={`/catalogs/${version.id}`} className="hover:text-brand hover:underline">
            {title}
          </Link>
        </nav>
      </PageHeading>
      {version.status === "DRAFT" ? (
        <CatalogEditor
          initial={{
            versionId: version.id,
            source: displaySource(version.source),
            sourceNote: version.sourceNote ?? "",
            duties: version.duties.map((d) => ({
              code: d.code,
              title: d.title,
              titleEn: d.titleEn ?? "",
              description: d.description,
              descriptionEn: d.descriptionEn ?? "",
              kind: d.kind,
              bodyType: d.bodyType,
              frequency: d.frequency,
              evidenceRequired: d.evidenceRequired,
              weight: d.weight,
              group: d.group ?? "",
            })),
          }}
        />
      ) : (
        <Card className="max-w-xl space-y-3">
          <p>{t("frozen")}</p>
          <ReviseVersionButton versionId={version.id} />
        </Card>
      )}
    </>
  );
}
