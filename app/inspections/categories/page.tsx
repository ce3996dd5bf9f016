import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { FindingCategoryRow, NewFindingCategoryForm } from "@/components/inspections/finding-category-form";
import { Card } from "@/components/ui/card";
import { guardPage } from "@/lib/server/access/guard-page";
import { listFindingCategoryUsage } from "@/lib/server/inspections/categories";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("findingCategories"))("title") };
}

/** The administrators' list of finding categories: add, rename, reorder, retire and restore. */
export default async function FindingCategoriesPage() {
  await guardPage("page:/inspections/categories", undefined, "/inspections/categories");
  const [categories, t] = await Promise.all([listFindingCategoryUsage(), getTranslations("findingCategories")]);
  const nextSortOrder = Math.ceil((Math.max(0, ...categories.map((c) => c.sortOrder)) + 1) / 10) * 10;
  const th = "px-3 py-2 font-medium";
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle")} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card aria-labelledby="categories-heading" className="min-w-0">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="categories-heading" className="text-base font-semibold">
              {t("listHeading")}
            </h2>
            <span className="text-sm text-muted">{t("count", { count: categories.length, active: categories.filter((c) => c.isActive).length })}</span>
          </div>
          <p className="mb-3 text-sm text-muted">{t("retireHint")}</p>
          <div className="relative overflow-x-auto rounded-md border border-line">
            <table className="w-full min-w-[40rem] text-left text-sm">
              <caption className="sr-only">{t("listHeading")}</caption>
              <thead className="bg-surface text-xs text-muted">
                <tr>
                  <th scope="col" className={th}>
                    {t("sortOrder")}
                  </th>
                  <th scope="col" className={th}>
                    {t("name")}
                  </th>
                  <th scope="col" className={th}>
                    {t("code")}
                  </th>
                  <th scope="col" className={th}>
                    {t("state")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t("findings")}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    <span className="sr-only">{t("actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {categories.map((c, i) => (
                  <FindingCategoryRow key={c.id} category={c} isFirst={i === 0} isLast={i === categories.length - 1} />
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card className="h-fit">
          <NewFindingCategoryForm nextSortOrder={nextSortOrder} />
        </Card>
      </div>
    </>
  );
}
