import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OpenTurnaroundForm } from "@/components/grading/branch-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { turnaroundSetup } from "@/lib/server/grading/turnaround";
import { listFindingCategories } from "@/lib/server/inspections/categories";
import { isId } from "@/lib/validation/text";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("turnaround"))("newTitle") };
}

/** The committee opens a weak-and-lax turnaround case on a branch (`?orgId=`), from the branch's grade page. */
export default async function NewTurnaroundPage({ searchParams }: Props) {
  const orgId = (await searchParams).orgId;
  if (typeof orgId !== "string" || !isId(orgId)) notFound();
  const actor = await guardPage("page:/branches/turnaround/new", { orgId }, `/branches/turnaround/new?orgId=${orgId}`);
  const [t, locale, setup, categories] = await Promise.all([
    getTranslations("turnaround"),
    getLocale(),
    notFoundUnless(turnaroundSetup(actor, orgId)),
    listFindingCategories({ activeOnly: true }),
  ]);
  const branch = localized(setup.org.name, setup.org.nameEn, locale);
  return (
    <>
      <PageHeading title={t("newTitle")} subtitle={t("newSubtitle", { branch })}>
        <nav className="mb-2 text-sm">
          <Link href={`/branches/grading/${setup.org.id}`} className="text-brand hover:underline">
            {t("backToGrade")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-4xl">
        {setup.openCaseId ? (
          <Alert tone="info">
            {t("caseOpen")}{" "}
            <Link href={`/branches/turnaround/${setup.openCaseId}`} className="text-brand hover:underline">
              {t("openCaseLink")}
            </Link>
          </Alert>
        ) : (
          <>
            <p className="mb-3 text-sm">
              {t("triggerIs")} <strong>{t(`trigger.${setup.trigger}`)}</strong>
            </p>
            <OpenTurnaroundForm
              defaults={{ orgId: setup.org.id, causes: "", leaderId: "", measures: [] }}
              leaders={setup.leaders.map((l) => ({ value: l.id, label: `${l.name}（${localized(l.org, l.orgEn, locale)}）` }))}
              categories={categories.map((c) => ({ value: c.id, label: localized(c.name, c.nameEn, locale) }))}
            />
          </>
        )}
      </Card>
    </>
  );
}
