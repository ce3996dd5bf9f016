import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonVariants } from "@/components/ui/button";
import { CATALOG_EXCEL_LAYOUT, MAX_CATALOG_FILE_BYTES, type ExcelLayoutField } from "@/lib/catalogs/catalog-io";
import { guardPage } from "@/lib/server/access/guard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogFormat"))("title") };
}

/** The guide to the Excel layout, built from the specs that import reads, so that the two never disagree. */
export default async function CatalogFormatPage() {
  await guardPage("page:/catalogs/format", undefined, "/catalogs/format");
  const [t, tc] = await Promise.all([getTranslations("catalogFormat"), getTranslations("catalogs")]);
  const { catalogSheet, dutiesSheet, catalogFields, dutyColumns } = CATALOG_EXCEL_LAYOUT;

  const table = (id: string, caption: string, nameColumn: string, rows: ExcelLayoutField[], describe: (field: string) => string) => (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm" data-testid={id}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{nameColumn}</th>
            <th scope="col" className="hidden px-3 py-2 font-medium whitespace-nowrap sm:table-cell">
              {t("requiredColumn")}
            </th>
            <th scope="col" className="px-3 py-2 font-medium">{t("contentColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.field} className="border-t border-line align-top">
              <th scope="row" className="px-3 py-2 font-medium">
                {row.header}
                <span className="block font-mono text-xs font-normal text-muted">({row.field})</span>
                {/* On a phone the required column folds into the name. */}
                <span className="block text-xs font-normal text-muted sm:hidden">{row.required ? t("required") : t("optional")}</span>
              </th>
              <td className="hidden px-3 py-2 whitespace-nowrap sm:table-cell">{row.required ? t("required") : t("optional")}</td>
              <td className="px-3 py-2">
                {describe(row.field)}
                {row.choices ? <span className="block text-muted">{t("choices", { choices: row.choices.join(t("choiceSeparator")) })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <PageHeading
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <a href="/catalogs/template" className={buttonVariants({ variant: "secondary", size: "sm" })} download>
            {t("downloadTemplate")}
          </a>
        }
      >
        <nav aria-label={tc("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/catalogs" className="hover:text-brand hover:underline">
            {tc("title")}
          </Link>
        </nav>
      </PageHeading>
      <div className="max-w-4xl space-y-6">
        <p className="text-sm">{t("intro", { catalogSheet, dutiesSheet })}</p>
        <section aria-labelledby="format-catalog" className="space-y-2">
          <h2 id="format-catalog" className="text-base font-semibold">
            {t("catalogSheet", { sheet: catalogSheet })}
          </h2>
          <p className="text-sm text-muted">{t("catalogSheetHint")}</p>
          {table("format-catalog-fields", t("catalogSheet", { sheet: catalogSheet }), t("labelColumn"), catalogFields, (field) => t(`fields.${field}`))}
        </section>
        <section aria-labelledby="format-duties" className="space-y-2">
          <h2 id="format-duties" className="text-base font-semibold">
            {t("dutiesSheet", { sheet: dutiesSheet })}
          </h2>
          <p className="text-sm text-muted">{t("dutiesSheetHint")}</p>
          {table("format-duty-columns", t("dutiesSheet", { sheet: dutiesSheet }), t("headerColumn"), dutyColumns, (field) => t(`columns.${field}`))}
        </section>
        <section aria-labelledby="format-rules" className="space-y-2">
          <h2 id="format-rules" className="text-base font-semibold">
            {t("rulesHeading")}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>{t("rules.match")}</li>
            <li>{t("rules.blank")}</li>
            <li>{t("rules.size", { max: MAX_CATALOG_FILE_BYTES / 1024 / 1024 })}</li>
            <li>{t("rules.refused")}</li>
            <li>{t("rules.json")}</li>
          </ul>
        </section>
      </div>
    </>
  );
}
