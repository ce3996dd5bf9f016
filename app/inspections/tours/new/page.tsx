import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { TourForm } from "@/components/inspections/tour-form";
import { Card } from "@/components/ui/card";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { listFindingCategories } from "@/lib/server/inspections/categories";
import { findPickerOrgs } from "@/lib/server/orgs/list-orgs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.tour"))("newTitle") };
}

/** Staff enter a top-down inspection tour's feedback to a unit in the committee's reach. */
export default async function NewTourPage() {
  const actor = await guardPage("page:/inspections/tours/new", undefined, "/inspections/tours/new");
  const [t, locale, categories, orgs] = await Promise.all([
    getTranslations("inspections.tour"),
    getLocale(),
    listFindingCategories({ activeOnly: true }),
    findPickerOrgs(actor, "inspection.oversee"),
  ]);
  return (
    <>
      <PageHeading title={t("newTitle")} subtitle={t("newSubtitle")}>
        <nav className="mb-2 text-sm">
          <Link href="/inspections/tours" className="text-brand hover:underline">
            {t("back")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-4xl">
        <TourForm
          defaults={{ orgId: "", kind: "PROVINCIAL", tourName: "", receivedOn: dayString(), documentNo: "", summary: "", problems: [] }}
          orgs={orgs}
          categories={categories.map((c) => ({ value: c.id, label: localized(c.name, c.nameEn, locale) }))}
        />
      </Card>
    </>
  );
}
