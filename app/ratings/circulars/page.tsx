import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { NewCircularButton } from "@/components/ratings/circular-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { hrefWith } from "@/lib/href";
import { guardPage } from "@/lib/server/access/guard-page";
import { listCirculars } from "@/lib/server/ratings/circulars";
import { listRatedYears, managesRatings, pickRatedYear } from "@/lib/server/ratings/schemes";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.circular"))("listTitle") };
}

/** A year's circulars (通报): the committee's drafts and issued ones, or those naming the reader's unit. */
export default async function CircularsPage({ searchParams }: Props) {
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/circulars", undefined, "/ratings/circulars");
  const [t, format, years] = await Promise.all([getTranslations("ratings.circular"), getFormatter(), listRatedYears()]);
  const year = pickRatedYear(years, query.period);
  if (!year) {
    return (
      <>
        <PageHeading title={t("listTitle")} />
        <EmptyState title={(await getTranslations("ratings"))("noYear")} />
      </>
    );
  }
  const committee = managesRatings(actor);
  const circulars = await listCirculars(actor, year.id);
  const period = query.period === year.id ? year.id : undefined;
  return (
    <>
      <PageHeading title={t("listTitle")} subtitle={t(committee ? "listSubtitle" : "listSubtitleUnit", { year: year.year })} actions={committee ? <NewCircularButton periodId={year.id} /> : undefined}>
        <nav className="mb-2 text-sm">
          <Link href={hrefWith("/ratings", { period })} className="text-brand hover:underline">
            {t("backToRatings")}
          </Link>
        </nav>
      </PageHeading>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <FilterSelect id="circulars-year" name="period" label={t("year")} defaultValue={year.id} options={years.map((y) => ({ value: y.id, label: String(y.year) }))} />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      {circulars.length === 0 ? (
        <EmptyState title={t("none")} />
      ) : (
        <Card className="min-w-0">
          <ul className="divide-y divide-line text-sm">
            {circulars.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 break-words">
                  <Link href={`/ratings/circulars/${c.id}`} className="font-medium hover:text-brand hover:underline">
                    {c.title}
                  </Link>
                  {c.number ? <span className="text-muted"> · {c.number}</span> : null}
                </span>
                <span className="flex items-center gap-2 text-muted">
                  <Badge tone={c.status === "ISSUED" ? "ok" : "neutral"}>{t(`status.${c.status}`)}</Badge>
                  {format.dateTime(c.issuedAt ?? c.updatedAt, { dateStyle: "medium" })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
