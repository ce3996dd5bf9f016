import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { SchemeForm } from "@/components/ratings/scheme-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { getRatingScheme, managesRatings, resolveRatedYear } from "@/lib/server/ratings/schemes";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.form"))("title") };
}

/** The committee edits a year's rating scheme until the year's ratings start. */
export default async function RatingSchemePage({ searchParams }: Props) {
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/scheme", undefined, "/ratings/scheme");
  if (!managesRatings(actor)) notFound();
  const year = await resolveRatedYear(query.period);
  if (!year) notFound();
  const [scheme, t, format, locale] = await Promise.all([getRatingScheme(actor, year.id), getTranslations("ratings.form"), getFormatter(), getLocale()]);
  const back = hrefWith("/ratings", { period: query.period === year.id ? year.id : undefined });
  return (
    <>
      <PageHeading title={t("title")} subtitle={t("subtitle", { year: year.year })}>
        <nav className="mb-2 text-sm">
          <Link href={back} className="text-brand hover:underline">
            {t("back")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-3xl">
        {scheme.frozenAt ? (
          <Alert tone="info">{t("frozen")}</Alert>
        ) : (
          <RecordProvider version={scheme.version}>
            <SchemeForm
              periodId={year.id}
              config={scheme.config}
              dimensions={format.list(scheme.config.rated.dimensions.map((d) => localized(d.label, d.labelEn, locale)))}
            />
          </RecordProvider>
        )}
      </Card>
    </>
  );
}
