import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { PageHeading } from "@/components/layout/page-heading";
import { OrgBreadcrumb } from "@/components/orgs/org-breadcrumb";
import { NewOrgForm } from "@/components/orgs/org-forms";
import { Card } from "@/components/ui/card";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { getAdminOrg } from "@/lib/server/orgs/browse-orgs";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ orgId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminOrgs.new"))("title") };
}

/** A new organization under this one, of a type that may sit there. */
export default async function NewOrgPage({ params }: Props) {
  const { orgId } = await params;
  const actor = await guardPage("page:/admin/orgs/[orgId]/new", { orgId }, `/admin/orgs/${encodeURIComponent(orgId)}/new`);
  const parent = await notFoundUnless(getAdminOrg(actor, orgId));
  // A closed organization, or a branch, takes no new organization.
  if (parent.closedAt || parent.childTypes.length === 0) notFound();
  const [t, locale] = await Promise.all([getTranslations("adminOrgs"), getLocale()]);
  return (
    <>
      <AdminTabs current="orgs" />
      <PageHeading title={t("new.title")} subtitle={t("new.subtitle", { parent: localized(parent.name, parent.nameEn, locale) })}>
        <OrgBreadcrumb ancestors={parent.ancestors} self={parent} />
      </PageHeading>
      <Card className="max-w-2xl">
        <NewOrgForm parentId={parent.id} types={parent.childTypes} />
      </Card>
    </>
  );
}
