import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MoveAssignmentsButton, MoveOutcome, MoveOutcomeProvider } from "@/components/catalogs/move-assignments-button";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { OrgFilter } from "@/components/ui/org-filter";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { previewVersionMove } from "@/lib/server/assignments/assign-catalog";
import { MOVE_COUNT_KEYS } from "@/lib/server/assignments/move-version";
import { getCatalogVersion } from "@/lib/server/catalogs/catalogs";
import { findOrgOptions } from "@/lib/server/orgs/list-orgs";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { listPeriods } from "@/lib/server/periods/list-periods";
import { localized } from "@/lib/org-label";
import { periodLabel } from "@/lib/period-label";
import { ZOrgSearchParam } from "@/lib/validation/checklists";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ versionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("move"))("title") };
}

const TONES = { added: "ok", removed: "danger", changed: "warn", unchanged: "neutral" } as const;

/**
 * Moving a period's assignments to this version: a GET form picks the
 * period and the subtree, the page shows the plan, a button applies it.
 */
export default async function MoveAssignmentsPage({ params, searchParams }: Props) {
  const { versionId } = await params;
  const query = await searchParams;
  const orgParam = ZIdParam.parse(query.org);
  const orgSearch = ZOrgSearchParam.parse(query.orgq);
  const actor = await guardPage("page:/catalogs/[versionId]/move", orgParam ? { orgId: orgParam } : undefined, `/catalogs/${versionId}/move`);
  const [version, periods, orgs, current, t, tc, td, tr, locale] = await Promise.all([
    notFoundUnless(getCatalogVersion(actor, versionId)),
    listPeriods(),
    findOrgOptions(actor, "catalog.edit", undefined, { search: orgSearch, selected: orgParam }),
    getCurrentPeriod(),
    getTranslations("move"),
    getTranslations("catalogs"),
    getTranslations("diff"),
    getTranslations(),
    getLocale(),
  ]);
  const periodId = (typeof query.period === "string" && periods.some((p) => p.id === query.period) ? query.period : current?.id) ?? periods[0]?.id;
  const rootOrgId = orgParam ?? orgs.options[0]?.id;
  const input = version.status === "PUBLISHED" && periodId && rootOrgId ? { toVersionId: versionId, periodId, rootOrgId } : null;
  const plan = input ? await previewVersionMove(actor, input) : null;
  const title = localized(version.catalog.title, version.catalog.titleEn, locale);

  return (
    <>
      <PageHeading title={t("title")} subtitle={`${title} · ${tc("versionLabel", { version: version.version })}`}>
        <nav aria-label={tc("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href={`/catalogs/${versionId}`} className="hover:text-brand hover:underline">
            {tc("versionLabel", { version: version.version })}
          </Link>
        </nav>
      </PageHeading>
      <p className="mb-4 max-w-3xl text-sm text-muted">{t("intro")}</p>
      {version.status !== "PUBLISHED" ? (
        <EmptyState title={t("notPublished")} />
      ) : (
        <MoveOutcomeProvider>
          <form method="get" className="mb-4 grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
            <div>
              <Label htmlFor="move-period">{t("period")}</Label>
              <Select id="move-period" name="period" defaultValue={periodId}>
                {periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {periodLabel(tr, p)}
                  </option>
                ))}
              </Select>
            </div>
            <OrgFilter
              id="move-org"
              label={t("root")}
              defaultValue={rootOrgId}
              options={orgs.options.map((o) => ({ id: o.id, depth: o.depth, label: localized(o.name, o.nameEn, locale) }))}
              search={orgs.isTruncated ? (orgSearch ?? "") : undefined}
            />
            <Button type="submit" variant="secondary">
              {t("showPlan")}
            </Button>
          </form>
          <MoveOutcome />
          {!plan || !input || plan.assignments === 0 ? (
            <EmptyState title={t("nothing")} hint={plan && plan.skipped > 0 ? t("skipped", { count: plan.skipped }) : undefined} />
          ) : (
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
              <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
                <table className="w-full min-w-[34rem] text-left text-sm" data-testid="move-plan">
                  <caption className="sr-only">{t("planCaption")}</caption>
                  <thead className="bg-surface text-xs text-muted">
                    <tr>
                      <th scope="col" className="px-3 py-2 font-medium">{t("duty")}</th>
                      {MOVE_COUNT_KEYS.map((c) => (
                        <th key={c} scope="col" className="px-3 py-2 text-right font-medium">
                          {t(`counts.${c}`)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {plan.duties.map((d) => (
                      <tr key={`${d.change}-${d.code}`} className="border-t border-line align-top" data-testid="move-row">
                        <td className="px-3 py-2">
                          <Badge tone={TONES[d.change]} className="mr-2">
                            {td(`change.${d.change}`)}
                          </Badge>
                          <span className="mr-2 font-mono text-xs text-muted">{d.code}</span>
                          <span className={d.change === "removed" ? "line-through" : undefined}>{localized(d.title, d.titleEn, locale)}</span>
                        </td>
                        {MOVE_COUNT_KEYS.map((c) => (
                          <td key={c} className="px-3 py-2 text-right tabular-nums">
                            {d[c] || "—"}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                  <tfoot className="border-t border-line bg-surface font-medium">
                    <tr>
                      <th scope="row" className="px-3 py-2 text-left">{t("total")}</th>
                      {MOVE_COUNT_KEYS.map((c) => (
                        <td key={c} className="px-3 py-2 text-right tabular-nums" data-testid={`move-total-${c}`}>
                          {plan.totals[c]}
                        </td>
                      ))}
                    </tr>
                  </tfoot>
                </table>
              </div>
              <Card aria-labelledby="move-heading" className="h-fit space-y-3">
                <h2 id="move-heading" className="text-base font-semibold">
                  {t("confirmHeading")}
                </h2>
                <ul className="list-disc space-y-1 pl-5 text-sm">
                  {plan.fromVersions.map((v) => (
                    <li key={v.id}>{t("fromVersion", { version: v.version, count: v.assignments })}</li>
                  ))}
                  {plan.skipped > 0 ? <li>{t("skipped", { count: plan.skipped })}</li> : null}
                </ul>
                <p className="text-xs text-muted">{t("doneKept")}</p>
                <MoveAssignmentsButton input={input} />
              </Card>
            </div>
          )}
        </MoveOutcomeProvider>
      )}
    </>
  );
}
