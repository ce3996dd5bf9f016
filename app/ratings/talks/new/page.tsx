import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { TalkForm } from "@/components/ratings/talk-form";
import { Card } from "@/components/ui/card";
import { dayString } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { RATED_TYPES } from "@/lib/ratings/scheme";
import { guardPage } from "@/lib/server/access/guard-page";
import { reachesPath } from "@/lib/server/access/scope";
import { prisma } from "@/lib/server/db";
import { listFindingCategories } from "@/lib/server/inspections/categories";
import { ratedUnitList } from "@/lib/server/ratings/preview";
import { listRatedYears, managesRatings, pickRatedYear } from "@/lib/server/ratings/schemes";
import { ZNewTalkQuery } from "@/lib/validation/ratings";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.talk"))("newTitle") };
}

/**
 * The committee records a talk it held. Opened from a lagging unit, the
 * unit and the trigger come filled in; otherwise the unit is picked from
 * the units the committee rates this year.
 */
export default async function NewTalkPage({ searchParams }: Props) {
  const query = ZNewTalkQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/talks/new", undefined, "/ratings/talks/new");
  if (!managesRatings(actor)) notFound();
  const [t, locale, categories] = await Promise.all([getTranslations("ratings.talk"), getLocale(), listFindingCategories({ activeOnly: true })]);

  let units: { value: string; label: string }[];
  const picked = query.org ? await prisma.org.findUnique({ where: { id: query.org }, select: { id: true, name: true, nameEn: true, path: true, type: true } }) : null;
  if (picked && reachesPath(actor, "rating.manage", picked.path) && (RATED_TYPES as readonly string[]).includes(picked.type)) {
    units = [{ value: picked.id, label: localized(picked.name, picked.nameEn, locale) }];
  } else {
    const year = pickRatedYear(await listRatedYears(), undefined);
    units = year ? (await ratedUnitList(actor, year.id)).map((u) => ({ value: u.id, label: localized(u.name, u.nameEn, locale) })) : [];
  }
  return (
    <>
      <PageHeading title={t("newTitle")} subtitle={t("newSubtitle")}>
        <nav className="mb-2 text-sm">
          <Link href="/ratings/talks" className="text-brand hover:underline">
            {t("back")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-4xl">
        <TalkForm
          defaults={{
            orgId: units.length === 1 ? units[0]!.value : "",
            trigger: query.trigger ?? "GRADE",
            triggerNote: query.note ?? "",
            talkedOn: dayString(),
            talkedBy: "",
            talkedWith: "",
            issues: "",
            commitments: [],
          }}
          units={units}
          categories={categories.map((c) => ({ value: c.id, label: localized(c.name, c.nameEn, locale) }))}
        />
      </Card>
    </>
  );
}
