import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { GroupForm } from "@/components/inspections/group-form";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { coverableUnits, getGroup } from "@/lib/server/inspections/groups";
import { listInspectorsFor } from "@/lib/server/inspections/queries";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ groupId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.groups"))("pageTitle") };
}

/** One standing group: its members and units; the committee changes them here. */
export default async function GroupPage({ params }: Props) {
  const id = ZIdParam.parse((await params).groupId);
  if (!id) notFound();
  const actor = await guardPage("page:/inspections/groups/[groupId]", undefined, `/inspections/groups/${id}`);
  const [t, locale, group] = await Promise.all([getTranslations("inspections.groups"), getLocale(), notFoundUnless(getGroup(actor, id))]);
  const [inspectors, units] = group.canEdit ? await Promise.all([listInspectorsFor(actor), coverableUnits(actor)]) : [[], []];
  return (
    <RecordProvider version={group.version}>
      <PageHeading
        title={group.name}
        subtitle={t("pageSubtitle", { members: group.members.length, units: group.units.length })}
        actions={
          <Link href={`/inspections/coverage?group=${group.id}`} className={buttonVariants({ variant: "secondary" })}>
            {t("coverageLink")}
          </Link>
        }
      >
        <nav className="mb-2 text-sm">
          <Link href="/inspections/groups" className="text-brand hover:underline">
            {t("backToGroups")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-3xl">
        {group.canEdit ? (
          <GroupForm
            defaults={{ groupId: group.id, expectedVersion: group.version, name: group.name, memberIds: group.members.map((m) => m.userId), leaderId: group.leaderId ?? "", unitIds: group.units.map((u) => u.orgId) }}
            inspectors={inspectors.map((u) => ({ value: u.id, label: u.name }))}
            units={units.filter((u) => !u.supervisedBy || u.supervisedBy.groupId === group.id).map((u) => ({ value: u.id, label: localized(u.name, u.nameEn, locale) }))}
          />
        ) : (
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-muted">{t("fields.members")}</dt>
            <dd>{group.members.map((m) => m.user.name).join("、")}</dd>
            <dt className="text-muted">{t("fields.units")}</dt>
            <dd>{group.units.map((u) => localized(u.org.name, u.org.nameEn, locale)).join("、") || "—"}</dd>
          </dl>
        )}
      </Card>
    </RecordProvider>
  );
}
