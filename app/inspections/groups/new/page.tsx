import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { GroupForm } from "@/components/inspections/group-form";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { coverableUnits, overseesCoverage } from "@/lib/server/inspections/groups";
import { listInspectorsFor } from "@/lib/server/inspections/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.groups"))("new") };
}

/** The committee sets up a standing supervision group. */
export default async function NewGroupPage() {
  const actor = await guardPage("page:/inspections/groups/new", undefined, "/inspections/groups/new");
  if (!overseesCoverage(actor)) notFound();
  const [t, locale, inspectors, units] = await Promise.all([getTranslations("inspections.groups"), getLocale(), listInspectorsFor(actor), coverableUnits(actor)]);
  return (
    <>
      <PageHeading title={t("new")} subtitle={t("newSubtitle")}>
        <nav className="mb-2 text-sm">
          <Link href="/inspections/groups" className="text-brand hover:underline">
            {t("backToGroups")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-3xl">
        <RecordProvider version={0}>
          <GroupForm
            defaults={{ groupId: "", expectedVersion: 0, name: "", memberIds: [], leaderId: "", unitIds: [] }}
            inspectors={inspectors.map((u) => ({ value: u.id, label: u.name }))}
            units={units.filter((u) => !u.supervisedBy).map((u) => ({ value: u.id, label: localized(u.name, u.nameEn, locale) }))}
          />
        </RecordProvider>
      </Card>
    </>
  );
}
