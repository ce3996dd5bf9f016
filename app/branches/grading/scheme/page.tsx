import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { GradingSchemeForm } from "@/components/grading/grading-forms";
import { GradeCriteria } from "@/components/grading/grade-criteria";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { currentYear } from "@/lib/dates";
import { hrefWith } from "@/lib/href";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { confirmsGrades, getGradingScheme } from "@/lib/server/grading/grading";
import { ZGradingQuery } from "@/lib/validation/grading";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grading"))("schemeTitle") };
}

/** The working committee's grading scheme of a year: its grades, best first, with their criteria; it changes until a branch of the year is graded. */
export default async function GradingSchemePage({ searchParams }: Props) {
  const query = ZGradingQuery.parse(await searchParams);
  const actor = await guardPage("page:/branches/grading/scheme", undefined, "/branches/grading/scheme");
  if (!confirmsGrades(actor)) notFound();
  const year = query.year ?? currentYear();
  const [scheme, t, locale] = await Promise.all([notFoundUnless(getGradingScheme(actor, year)), getTranslations("grading"), getLocale()]);
  return (
    <>
      <PageHeading title={t("schemeTitle")} subtitle={t("schemeSubtitle", { year })}>
        <nav className="mb-2 flex flex-wrap gap-x-4 text-sm">
          <Link href={hrefWith("/branches/grading", { year: String(year) })} className="text-brand hover:underline">
            {t("back")}
          </Link>
          {[year - 1, year + 1].map((y) => (
            <Link key={y} href={hrefWith("/branches/grading/scheme", { year: String(y) })} className="text-brand hover:underline">
              {t("otherYearScheme", { year: y })}
            </Link>
          ))}
        </nav>
      </PageHeading>
      <Card className="max-w-3xl">
        {scheme.locked ? (
          <>
            <Alert tone="info">{t("schemeLocked")}</Alert>
            <GradeCriteria config={scheme.config} locale={locale} className="mt-3" />
          </>
        ) : (
          <RecordProvider version={scheme.version}>
            <GradingSchemeForm year={year} config={scheme.config} />
          </RecordProvider>
        )}
      </Card>
    </>
  );
}
