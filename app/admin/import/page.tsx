import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { DirectoryImportForm } from "@/components/admin/directory-import-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { ORG_COLUMNS, ORG_TYPE_WORDS, ORGS_SHEET, PEOPLE_SHEET, PERSON_COLUMNS, ROLE_WORDS } from "@/lib/directory/directory-layout";
import { guardPage } from "@/lib/server/access/guard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directoryImport"))("title") };
}

/** Organizations and accounts from a file: the format, the template, the export, and the import with its preview. */
export default async function DirectoryImportPage() {
  await guardPage("page:/admin/import", undefined, "/admin/import");
  const t = await getTranslations("directoryImport");
  const sheets = [
    { name: ORGS_SHEET, columns: ORG_COLUMNS, key: "orgs" },
    { name: PEOPLE_SHEET, columns: PERSON_COLUMNS, key: "people" },
  ] as const;
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle")} />
      <AdminTabs current="import" />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card className="space-y-4">
          <h2 className="text-base font-semibold">{t("formHeading")}</h2>
          <DirectoryImportForm />
        </Card>
        <Card className="space-y-4">
          <h2 className="text-base font-semibold">{t("formatHeading")}</h2>
          <p className="text-sm text-muted">{t("formatIntro")}</p>
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href="/admin/import/template" download className="text-brand underline-offset-4 hover:underline">
              {t("templateLink")}
            </a>
            <a href="/admin/import/export" download className="text-brand underline-offset-4 hover:underline">
              {t("exportLink")}
            </a>
          </p>
          {sheets.map((sheet) => (
            <section key={sheet.key} aria-labelledby={`format-${sheet.key}`}>
              <h3 id={`format-${sheet.key}`} className="mb-1 text-sm font-semibold">
                {t("sheet", { name: sheet.name })}
              </h3>
              <ul className="space-y-1 text-sm">
                {sheet.columns.map((c) => (
                  <li key={c.field}>
                    <span className="font-medium">{c.header}</span>
                    {c.required ? <span className="text-danger"> *</span> : null}
                    <span className="text-muted">：{t(`column.${sheet.key}.${c.field}`)}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <p className="text-xs text-muted">{t("words", { types: Object.values(ORG_TYPE_WORDS).join("、"), roles: Object.values(ROLE_WORDS).join("、") })}</p>
          <p className="text-xs text-muted">{t("rules")}</p>
        </Card>
      </div>
    </>
  );
}
