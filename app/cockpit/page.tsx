import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { EChart, type ChartOption } from "@/components/charts/echart";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { periodLabel } from "@/lib/period-label";
import { GRADES } from "@/lib/ratings/scheme";
import { guardPage } from "@/lib/server/access/guard-page";
import { getCockpit } from "@/lib/server/cockpit/cockpit";
import { managesRatings } from "@/lib/server/ratings/schemes";
import { TERM_STATES } from "@/lib/term-kinds";
import type { WarningColour } from "@/lib/warnings";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cockpit"))("title") };
}

const WARNING_FILL: Record<WarningColour | "none", string> = { red: "#c21d2a", yellow: "#e0a100", green: "#1a7f37", none: "#8a9099" };
const TERM_FILL = { red: "#c21d2a", yellow: "#e0a100", green: "#1a7f37", missing: "#8a9099", notDue: "#4a6fa5" } as const;
const PAST_YEAR_FILL = ["#c9ccd1", "#a9aeb5", "#8a9099", "#6b7280"];

/**
 * The cockpit (工作台): the working committee's whole reach on one page,
 * and the same page for a unit's secretary over their own unit. Each chart
 * opens the rows behind it (a unit's bar the level below it in the
 * progress tree, a slice the findings it counts, a grade the year's
 * results, a term state the term ledger), and lists the same figures with
 * the same links under "查看数据" for the keyboard and screen readers.
 */
export default async function CockpitPage() {
  const actor = await guardPage("page:/cockpit", undefined, "/cockpit");
  const [data, t, tw, tg, tterm, tr, format, locale] = await Promise.all([
    getCockpit(actor),
    getTranslations("cockpit"),
    getTranslations("warning"),
    getTranslations("ratings.grade"),
    getTranslations("terms.state"),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const committee = managesRatings(actor);
  const percent = (rate: number | null) => (rate === null ? t("none") : format.number(rate, { style: "percent", maximumFractionDigits: 1 }));
  const top = data.progress.top;
  const scope = top ? localized(top.name, top.nameEn, locale) : (actor.grants[0] ? localized(actor.grants[0].orgName, actor.grants[0].orgNameEn, locale) : "");
  const findingsPeriod = data.findings.periodId ?? undefined;

  // Duties by unit: a horizontal bar each, lowest first, in its worst warning's colour.
  const units = data.progress.rows;
  const unitName = (r: (typeof units)[number]) => localized(r.name, r.nameEn, locale);
  const progressHrefs = [units.map((r) => hrefWith("/progress", { org: r.id, period: data.period?.id }))];
  const progressOption: ChartOption = {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: units.map(unitName), axisLabel: { width: 130, overflow: "truncate" } },
    tooltip: { trigger: "item", formatter: t.raw("chart.percent") as string },
    series: [
      {
        type: "bar",
        name: t("progress.series"),
        barMaxWidth: 18,
        label: { show: true, position: "right", formatter: "{c}%" },
        data: units.map((r) => ({ value: r.rate === null ? 0 : Math.round(r.rate * 1000) / 10, itemStyle: { color: WARNING_FILL[r.worst ?? "none"] } })),
      },
    ],
  };

  // Findings: closed out against not yet; the overdue ones are a tile of their own.
  const openOnly = data.findings.open;
  const findingsHrefs = [[hrefWith("/findings", { period: findingsPeriod, closed: "1" }), hrefWith("/findings", { period: findingsPeriod, open: "1" })]];
  const findingsOption: ChartOption = {
    tooltip: { trigger: "item", formatter: t.raw("chart.share") as string },
    legend: { bottom: 0 },
    series: [
      {
        type: "pie",
        radius: ["45%", "70%"],
        center: ["50%", "45%"],
        label: { formatter: "{b}\n{c}" },
        data: [
          { name: t("findings.closed"), value: data.findings.closed, itemStyle: { color: WARNING_FILL.green } },
          { name: t("tile.open"), value: openOnly, itemStyle: { color: WARNING_FILL.yellow } },
        ],
      },
    ],
  };

  // Grades: one series a year, earlier years in greys, this year in the brand's red.
  const gradeYears = data.grades;
  const yearName = (g: (typeof gradeYears)[number]) => (g.published ? String(g.year) : t("grades.yearPreview", { year: g.year }));
  const gradesHrefs = gradeYears.map((g) => GRADES.map(() => hrefWith("/ratings", { period: g.periodId })));
  const gradesOption: ChartOption = {
    grid: { left: 8, right: 8, top: 30, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: "item", formatter: t.raw("chart.seriesCount") as string },
    xAxis: { type: "category", data: GRADES.map((g) => tg(g)) },
    yAxis: { type: "value", minInterval: 1 },
    series: gradeYears.map((g, i) => ({
      type: "bar",
      name: yearName(g),
      barMaxWidth: 24,
      itemStyle: { color: i === gradeYears.length - 1 ? "#b4121b" : PAST_YEAR_FILL[i % PAST_YEAR_FILL.length] },
      data: GRADES.map((grade) => g.counts[grade]),
    })),
  };

  // Terms: organizations by the state of their committee's term.
  const termStates = TERM_STATES;
  const termsHrefs = [termStates.map((s) => hrefWith("/terms", { state: s }))];
  const termsOption: ChartOption = {
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: "item", formatter: t.raw("chart.count") as string },
    xAxis: { type: "category", data: termStates.map((s) => tterm(s)), axisLabel: { interval: 0 } },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", barMaxWidth: 28, label: { show: true, position: "top" }, data: termStates.map((s) => ({ value: data.terms[s], itemStyle: { color: TERM_FILL[s] } })) }],
  };

  const tiles: { label: string; value: string; href: string; tone?: "danger" | "ok" }[] = [
    { label: t("tile.rate"), value: percent(top?.rate ?? null), href: hrefWith("/progress", { period: data.period?.id }) },
    { label: t("tile.overdue"), value: String(top?.overdue ?? 0), href: "/checklists?warning=red", tone: (top?.overdue ?? 0) > 0 ? "danger" : undefined },
    { label: t("tile.open"), value: String(data.findings.open), href: hrefWith("/findings", { period: findingsPeriod, open: "1" }) },
    {
      label: t("tile.overdueFindings"),
      value: String(data.findings.overdue),
      href: hrefWith("/findings", { period: findingsPeriod, overdue: "1" }),
      tone: data.findings.overdue > 0 ? "danger" : undefined,
    },
    { label: t("tile.onTime"), value: percent(data.findings.onTimeRate), href: hrefWith("/findings", { period: findingsPeriod, closed: "1" }) },
    { label: t("tile.talksDue"), value: String(data.talksDue.length), href: "/ratings/talks" },
    { label: t("tile.termsDue"), value: String(data.terms.red), href: "/terms?state=red", tone: data.terms.red > 0 ? "danger" : undefined },
    {
      label: t("tile.projectsRed"),
      value: String(data.projects.counts.red),
      href: hrefWith("/ratings/projects", { year: String(data.projects.year), warning: "red" }),
      tone: data.projects.counts.red > 0 ? "danger" : undefined,
    },
  ];

  return (
    <>
      <PageHeading title={t("title")} subtitle={data.period ? t("subtitle", { scope, period: periodLabel(tr, data.period) }) : scope} />
      <section aria-label={t("tiles")} className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-8">
        {tiles.map((tile) => (
          <Link key={tile.label} href={tile.href} className="rounded-lg border border-line bg-white p-3 shadow-sm hover:border-brand focus-visible:border-brand">
            <span className="block text-xs text-muted">{tile.label}</span>
            <span className={`mt-1 block text-2xl font-semibold tabular-nums ${tile.tone === "danger" ? "text-danger" : "text-ink"}`}>{tile.value}</span>
          </Link>
        ))}
      </section>

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <ChartCard id="cockpit-progress" heading={t("progress.heading")} note={t("progress.note")}>
          {units.length === 0 ? (
            <p className="text-sm text-muted">{t("progress.empty")}</p>
          ) : (
            <>
              <EChart option={progressOption} hrefs={progressHrefs} height={Math.max(200, units.length * 30 + 40)} testId="chart-progress" />
              {data.progress.total > units.length ? <p className="mt-2 text-xs text-muted">{t("progress.more", { count: data.progress.total - units.length })}</p> : null}
              <DataTable summary={t("data")} head={[t("table.unit"), t("table.rate"), t("table.overdue")]}>
                {units.map((r, i) => (
                  <tr key={r.id}>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      <Link href={progressHrefs[0]![i]!} className="text-brand hover:underline">
                        {unitName(r)}
                      </Link>
                    </th>
                    <td className="py-1 pr-2 text-right tabular-nums">{percent(r.rate)}</td>
                    <td className="py-1 text-right tabular-nums">
                      {r.overdue}
                      {r.worst ? <span className="sr-only">{t("warningNote", { warning: tw(r.worst) })}</span> : null}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </ChartCard>

        <ChartCard id="cockpit-findings" heading={t("findings.heading")} note={t("findings.note")}>
          {data.findings.total === 0 ? (
            <p className="text-sm text-muted">{t("findings.empty")}</p>
          ) : (
            <>
              <EChart option={findingsOption} hrefs={findingsHrefs} height={240} testId="chart-findings" />
              <DataTable summary={t("data")} head={[t("table.item"), t("table.count")]}>
                {[
                  [t("findings.closed"), data.findings.closed, findingsHrefs[0]![0]!],
                  [t("tile.open"), data.findings.open, findingsHrefs[0]![1]!],
                  [t("findings.overdue"), data.findings.overdue, hrefWith("/findings", { period: findingsPeriod, overdue: "1" })],
                ].map(([label, count, href]) => (
                  <tr key={String(label)}>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      <Link href={String(href)} className="text-brand hover:underline">
                        {label}
                      </Link>
                    </th>
                    <td className="py-1 text-right tabular-nums">{count}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </ChartCard>

        <ChartCard id="cockpit-grades" heading={t("grades.heading")} note={t("grades.note")}>
          {gradeYears.length === 0 ? (
            <p className="text-sm text-muted">{t("grades.empty")}</p>
          ) : (
            <>
              <EChart option={gradesOption} hrefs={gradesHrefs} height={240} testId="chart-grades" />
              <DataTable summary={t("data")} head={[t("table.year"), ...GRADES.map((g) => tg(g))]}>
                {gradeYears.map((g) => (
                  <tr key={g.year}>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      <Link href={hrefWith("/ratings", { period: g.periodId })} className="text-brand hover:underline">
                        {yearName(g)}
                      </Link>
                    </th>
                    {GRADES.map((grade) => (
                      <td key={grade} className="py-1 pr-2 text-right tabular-nums">
                        {g.counts[grade]}
                      </td>
                    ))}
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </ChartCard>

        <ChartCard id="cockpit-terms" heading={t("terms.heading")} note={t("terms.note")}>
          {data.terms.total === 0 ? (
            <p className="text-sm text-muted">{t("terms.empty")}</p>
          ) : (
            <>
              <EChart option={termsOption} hrefs={termsHrefs} height={220} testId="chart-terms" />
              <DataTable summary={t("data")} head={[t("table.item"), t("table.count")]}>
                {termStates.map((s, i) => (
                  <tr key={s}>
                    <th scope="row" className="py-1 pr-2 text-left font-normal">
                      <Link href={termsHrefs[0]![i]!} className="text-brand hover:underline">
                        {tterm(s)}
                      </Link>
                    </th>
                    <td className="py-1 text-right tabular-nums">{data.terms[s]}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </ChartCard>

        <Card aria-labelledby="cockpit-lagging-heading" className="min-w-0">
          <h2 id="cockpit-lagging-heading" className="mb-2 text-base font-semibold">
            {t("lagging.heading")}
          </h2>
          {data.lagging.length === 0 ? (
            <p className="text-sm text-muted">{t("lagging.none")}</p>
          ) : (
            <ul className="divide-y divide-line text-sm">
              {data.lagging.map((u) => {
                const name = localized(u.name, u.nameEn, locale);
                return (
                  <li key={u.orgId} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                    <Link href={`/ratings/${u.orgId}`} className="font-medium hover:text-brand hover:underline">
                      {name}
                    </Link>
                    <span className="flex flex-wrap gap-x-3 text-muted">
                      {format.list(
                        u.reasons.map((r) =>
                          r.kind === "grade"
                            ? tr("ratings.lagging.grade", { grade: tg(r.grade) })
                            : r.kind === "rank"
                              ? tr("ratings.lagging.rank", { rank: r.rank, of: r.of, last: r.last })
                              : tr("ratings.lagging.accountability", { notices: r.notices }),
                        ),
                      )}
                      {committee ? (
                        <Link href={hrefWith("/ratings/talks/new", { org: u.orgId, trigger: "GRADE" })} aria-label={tr("ratings.talk.talkLinkLabel", { unit: name })} className="text-brand hover:underline">
                          {tr("ratings.talk.talkLink")}
                        </Link>
                      ) : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>

        <Card aria-labelledby="cockpit-talks-heading" className="min-w-0">
          <h2 id="cockpit-talks-heading" className="mb-2 text-base font-semibold">
            {t("talks.heading")}
          </h2>
          {data.talksDue.length === 0 ? (
            <p className="text-sm text-muted">{t("talks.none")}</p>
          ) : (
            <ul className="divide-y divide-line text-sm">
              {data.talksDue.map((talk) => (
                <li key={talk.id} className="py-2">
                  <Link href={`/ratings/talks/${talk.id}`} className="hover:text-brand hover:underline">
                    {t("talks.line", { date: format.dateTime(talk.talkedOn, { dateStyle: "medium", timeZone: "UTC" }), unit: localized(talk.org, talk.orgEn, locale) })}
                  </Link>
                  <span className="text-muted"> · {talk.tally.total === 0 ? tr("ratings.talk.noCommitments") : tr("ratings.talk.tally", { closed: talk.tally.closed, total: talk.tally.total })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

function ChartCard({ id, heading, note, className, children }: { id: string; heading: string; note: string; className?: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-heading`} className={`min-w-0 ${className ?? ""}`}>
      <h2 id={`${id}-heading`} className="text-base font-semibold">
        {heading}
      </h2>
      <p className="mb-2 text-xs text-muted">{note}</p>
      {children}
    </Card>
  );
}

/** The figures a chart draws, with the same links: folded under the chart, open to the keyboard and screen readers. */
function DataTable({ summary, head, children }: { summary: string; head: string[]; children: ReactNode }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-brand">{summary}</summary>
      <table className="mt-2 w-full">
        <thead className="text-left text-muted">
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" className={`py-1 pr-2 font-medium ${i > 0 ? "text-right" : ""}`}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">{children}</tbody>
      </table>
    </details>
  );
}
