import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RestructurePage } from "@/components/orgs/restructure-page";
import { guardPage } from "@/lib/server/access/guard-page";

type Props = { params: Promise<{ orgId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminOrgs.restructure.title"))("close") };
}

/** Close: the plan first, then the step at the version the plan showed (lib/server/orgs/restructure.ts). */
export default async function CloseOrgPage({ params }: Props) {
  const { orgId } = await params;
  const actor = await guardPage("page:/admin/orgs/[orgId]/close", { orgId }, `/admin/orgs/${encodeURIComponent(orgId)}/close`);
  return <RestructurePage actor={actor} orgId={orgId} kind="close" />;
}
