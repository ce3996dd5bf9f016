import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportTourForm } from "@/components/inspections/import-tour-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { dayString } from "@/lib/dates";
import { TOUR_SHEET_COLUMNS } from "@/lib/inspections/tour-sheet";
import { guardPage } from "@/lib/server/access/guard-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.tour.import"))("title") };
}

/** Staff import a tour's problem list from Excel, for one unit or several. */
export default async function ImportTourPage() {
  await guardPage("page:/inspections/tours/import", undefined, "/inspections/tours/import");
  const t = await getTranslations("inspections.tour");
  return (
    <>
      <PageHeading title={t("import.title")} subtitle={t("import.subtitle", { columns: TOUR_SHEET_COLUMNS.map((c) => c.header).join("、") })}>
        <nav className="mb-2 text-sm">
          <Link href="/inspections/tours" className="text-brand hover:underline">
            {t("back")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-4xl">
        <ImportTourForm receivedOn={dayString()} />
      </Card>
    </>
  );
}
