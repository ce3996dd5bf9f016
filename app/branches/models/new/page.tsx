import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DesignateModelSiteForm } from "@/components/grading/branch-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { modelSiteSetup } from "@/lib/server/grading/model-sites";
import { isId } from "@/lib/validation/text";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("modelSites"))("newTitle") };
}

/** The committee designates a branch (`?orgId=`) a model site, from the branch's grade page. */
export default async function NewModelSitePage({ searchParams }: Props) {
  const orgId = (await searchParams).orgId;
  if (typeof orgId !== "string" || !isId(orgId)) notFound();
  const actor = await guardPage("page:/branches/models/new", { orgId }, `/branches/models/new?orgId=${orgId}`);
  const [t, locale, setup] = await Promise.all([getTranslations("modelSites"), getLocale(), notFoundUnless(modelSiteSetup(actor, orgId))]);
  return (
    <>
      <PageHeading title={t("newTitle")} subtitle={t("newSubtitle", { branch: localized(setup.org.name, setup.org.nameEn, locale) })}>
        <nav className="mb-2 text-sm">
          <Link href={`/branches/grading/${setup.org.id}`} className="text-brand hover:underline">
            {t("backToGrade")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-3xl">
        {setup.heldSiteId ? (
          <Alert tone="info">
            {t("alreadyModel")}{" "}
            <Link href={`/branches/models/${setup.heldSiteId}`} className="text-brand hover:underline">
              {t("siteLink")}
            </Link>
          </Alert>
        ) : (
          <DesignateModelSiteForm orgId={setup.org.id} today={dayString()} />
        )}
      </Card>
    </>
  );
}
