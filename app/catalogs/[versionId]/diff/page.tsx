import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { listCatalogs } from "@/lib/server/catalogs/catalogs";
import { diffCatalogVersions } from "@/lib/server/catalogs/edit-catalogs";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ versionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("diff"))("title") };
}

const TONES = { added: "ok", removed: "danger", changed: "warn", unchanged: "neutral" } as const;

/** What changed between an earlier version (?from=, default the one before) and this one, duty by duty. */
export default async function CatalogDiffPage({ params, searchParams }: Props) {
  const { versionId } = await params;
  const actor = await guardPage("page:/catalogs/[versionId]/diff", undefined, `/catalogs/${versionId}/diff`);
  const [t, tc, locale, catalogs, query] = await Promise.all([getTranslations("diff"), getTranslations("catalogs"), getLocale(), listCatalogs(actor), searchParams]);
  const catalog = catalogs.find((c) => c.versions.some((v) => v.id === versionId));
  const current = catalog?.versions.find((v) => v.id === versionId);
  const requested = typeof query.from === "string" ? query.from : undefined;
  const from = catalog?.versions.find((v) => v.id === requested) ?? catalog?.versions.find((v) => current && v.version < current.version);
  if (!catalog || !current || !from) {
    return (
      <>
        <PageHeading title={t("title")} />
        <EmptyState title={t("nothingToCompare")} />
      </>
    );
  }
  const { changes } = await diffCatalogVersions(actor, from.id, versionId);
  const label = (field: string) => t(`fields.${field}`);
  return (
    <>
      <PageHeading
        title={t("title")}
        subtitle={t("subtitle", { title: localized(catalog.title, catalog.titleEn, locale), from: from.version, to: current.version })}
      >
        <nav aria-label={tc("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href={`/catalogs/${versionId}`} className="hover:text-brand hover:underline">
            {tc("versionLabel", { version: current.version })}
          </Link>
        </nav>
      </PageHeading>
      <ul className="divide-y divide-line rounded-lg border border-line bg-white text-sm">
        {changes.map((c) => {
          const duty = c.change === "removed" ? c.before : c.after;
          return (
            <li key={`${c.change}-${c.code}`} className="px-4 py-3" data-testid="diff-row">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={TONES[c.change]}>{t(`change.${c.change}`)}</Badge>
                <span className="font-mono text-xs text-muted">{c.code}</span>
                <span className={c.change === "removed" ? "line-through" : undefined}>{duty.title}</span>
              </div>
              {c.change === "changed" ? (
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
                  {c.fields.map((f) => (
                    <div key={f} className="contents">
                      <dt className="text-muted">{label(f)}</dt>
                      <dd>
                        <del className="text-danger">{String(c.before[f] ?? "—")}</del> → <ins className="text-ok no-underline">{String(c.after[f] ?? "—")}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}
