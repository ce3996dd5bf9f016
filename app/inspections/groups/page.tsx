import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/layout/page-heading";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { listGroups, overseesCoverage } from "@/lib/server/inspections/groups";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections.groups"))("title") };
}

/** Standing supervision groups (常设督查组): the committee's, or the reader's own; each with its leader, members, units and rounds. */
export default async function GroupsPage() {
  const actor = await guardPage("page:/inspections/groups", undefined, "/inspections/groups");
  const [t, groups] = await Promise.all([getTranslations("inspections.groups"), listGroups(actor)]);
  const oversees = overseesCoverage(actor);
  return (
    <>
      <PageHeading
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            {oversees ? (
              <Link href="/inspections/coverage" className={buttonVariants({ variant: "secondary" })}>
                {t("committeeCoverage")}
              </Link>
            ) : null}
            {oversees ? (
              <Link href="/inspections/groups/new" className={buttonVariants()}>
                {t("new")}
              </Link>
            ) : null}
          </div>
        }
      >
        <nav className="mb-2 text-sm">
          <Link href="/inspections" className="text-brand hover:underline">
            {t("back")}
          </Link>
        </nav>
      </PageHeading>
      {groups.length === 0 ? (
        <EmptyState title={t("none")} hint={oversees ? t("noneHint") : undefined} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
          <table className="w-full min-w-[36rem] text-sm">
            <thead className="bg-surface text-left text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.name")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.leader")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.members")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.units")}</th>
                <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.rounds")}</th>
                <th scope="col" className="px-3 py-2 font-medium">{t("columns.coverage")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {groups.map((g) => (
                <tr key={g.id}>
                  <td className="px-3 py-2">
                    <Link href={`/inspections/groups/${g.id}`} className="font-medium text-brand hover:underline">
                      {g.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{g.leader?.name ?? "—"}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{g._count.members}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{g._count.units}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{g._count.rounds}</td>
                  <td className="px-3 py-2">
                    <Link href={`/inspections/coverage?group=${g.id}`} className="text-brand hover:underline" aria-label={t("coverageOf", { name: g.name })}>
                      {t("coverageLink")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
