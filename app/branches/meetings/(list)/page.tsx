import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/checklists/pagination";
import { BranchTabs } from "@/components/grading/branch-tabs";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { currentYear } from "@/lib/dates";
import { MEETING_KINDS, REQUIRED_PER_QUARTER } from "@/lib/grading/meetings";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { meetingTally, MEETINGS_PAGE_SIZE } from "@/lib/server/grading/meetings";
import { cn } from "@/lib/utils";
import { ZMeetingQuery } from "@/lib/validation/grading";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("listTitle") };
}

/**
 * Organizational life (三会一课) of a quarter over the reader's branches:
 * each branch's meetings of each kind against what the quarter requires,
 * the most missing first; one unit's subtree, or those missing any.
 */
export default async function MeetingsPage({ searchParams }: Props) {
  const query = ZMeetingQuery.parse(await searchParams);
  const actor = await guardPage("page:/branches/meetings", undefined, "/branches/meetings");
  const [t, locale, tally] = await Promise.all([getTranslations("meetings"), getLocale(), notFoundUnless(meetingTally(actor, query))]);
  const { year, quarter, root, rows, total, branches, short } = tally;
  const page = query.page ?? 1;
  const params = { year: String(year), quarter: String(quarter), root: root?.id, missing: query.missing };
  const years = [currentYear(), currentYear() - 1];
  if (!years.includes(year)) years.push(year);
  return (
    <>
      <BranchTabs current="meetings" />
      <PageHeading
        title={t("listTitle")}
        subtitle={root ? t("listSubtitleRoot", { year, quarter, root: localized(root.name, root.nameEn, locale) }) : t("listSubtitle", { year, quarter })}
        actions={<PrintButton />}
      />
      <p className="mb-3 text-sm" data-testid="meetings-short">
        {t("shortCount", { short, branches })}
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        {root ? <input type="hidden" name="root" value={root.id} /> : null}
        <FilterSelect id="meetings-year" name="year" label={t("year")} defaultValue={String(year)} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <FilterSelect id="meetings-quarter" name="quarter" label={t("quarter")} defaultValue={String(quarter)} options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t("quarterN", { quarter: q }) }))} />
        <FilterSelect id="meetings-missing" name="missing" label={t("show")} defaultValue={query.missing ?? ""} options={[{ value: "", label: t("allBranches") }, { value: "1", label: t("missingOnly") }]} />
        <Button type="submit" variant="secondary">
          {t("apply")}
        </Button>
        {root ? (
          <Link href={hrefWith("/branches/meetings", { ...params, root: undefined })} className="text-sm text-brand hover:underline">
            {t("allUnits")}
          </Link>
        ) : null}
        {total > 0 ? (
          <a href={hrefWith("/branches/meetings/export", params)} download className={buttonVariants({ variant: "secondary" })}>
            {t("export.action")}
          </a>
        ) : null}
      </form>
      <section aria-label={t("listLabel")}>
        {rows.length === 0 ? (
          <EmptyState title={query.missing ? t("noneMissing") : t("none")} />
        ) : (
          <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
            <table className="w-full min-w-[52rem] text-sm">
              <thead className="bg-surface text-left text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">{t("columns.branch")}</th>
                  {MEETING_KINDS.map((k) => (
                    <th key={k} scope="col" className="px-3 py-2 text-right font-medium">
                      {t(`kind.${k}`)}
                      <span className="block text-xs font-normal">{t("required", { count: REQUIRED_PER_QUARTER[k] })}</span>
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 text-right font-medium">{t("columns.missing")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {rows.map((r) => (
                  <tr key={r.orgId}>
                    <td className="px-3 py-2">
                      <Link href={hrefWith(`/branches/meetings/${r.orgId}`, { year: String(year), quarter: String(quarter) })} className="font-medium text-brand hover:underline">
                        {localized(r.name, r.nameEn, locale)}
                      </Link>
                    </td>
                    {MEETING_KINDS.map((k) => (
                      <td key={k} className={cn("px-3 py-2 text-right tabular-nums", r.held[k] < REQUIRED_PER_QUARTER[k] && "text-danger")}>
                        {r.held[k]}
                      </td>
                    ))}
                    <td className={cn("px-3 py-2 text-right font-medium tabular-nums", r.missing > 0 ? "text-danger" : "text-ok")}>{r.missing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE))} total={total} basePath="/branches/meetings" params={params} />
      </section>
    </>
  );
}
