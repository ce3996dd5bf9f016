import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { RegisterProjectForm } from "@/components/projects/project-form";
import { Card } from "@/components/ui/card";
import { currentYear } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage } from "@/lib/server/access/guard-page";
import { projectOrgsOf } from "@/lib/server/projects/projects";
import { ZProjectQuery } from "@/lib/validation/projects";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.project"))("newTitle") };
}

/** A secretary registers a project of the organization they are secretary of, for this year or the next. */
export default async function NewProjectPage({ searchParams }: Props) {
  const query = ZProjectQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/projects/new", undefined, "/ratings/projects/new");
  const [t, locale, orgs] = await Promise.all([getTranslations("ratings.project"), getLocale(), projectOrgsOf(actor)]);
  // A secretary of a kind of organization that keeps no projects (the committee itself) has none to register.
  if (orgs.length === 0) notFound();
  const years = [currentYear(), currentYear() + 1];
  const year = query.year && years.includes(query.year) ? query.year : years[0]!;
  return (
    <>
      <PageHeading title={t("newTitle")} subtitle={t("newSubtitle")}>
        <nav className="mb-2 text-sm">
          <Link href="/ratings/projects" className="text-brand hover:underline">
            {t("back")}
          </Link>
        </nav>
      </PageHeading>
      <Card className="max-w-4xl">
        <RegisterProjectForm
          defaults={{ orgId: orgs[0]!.id, year, title: "", goal: "", business: "", milestones: [{ title: "", dueOn: "" }] }}
          orgs={orgs.map((o) => ({ value: o.id, label: localized(o.name, o.nameEn, locale) }))}
          years={years}
        />
      </Card>
    </>
  );
}
