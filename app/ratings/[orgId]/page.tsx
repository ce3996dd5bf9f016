import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/forms/action-button";
import { PageHeading } from "@/components/layout/page-heading";
import { formatPoints } from "@/components/ratings/rating-parts";
import { AwardBarList } from "@/components/ratings/award-bars";
import { TalkStatus } from "@/components/ratings/talk-status";
import { PrintButton } from "@/components/print/print-button";
import { PrintHeader } from "@/components/print/print-header";
import { SignatureLines } from "@/components/print/signature-lines";
import { AdjustmentForm, AwardBarForm, ScoresForm, type DimensionLabel } from "@/components/ratings/rating-entry";
import { ScoreExplanation } from "@/components/ratings/score-explanation";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { removeDemocraticBallot, removeRatingAdjustment } from "@/lib/actions/ratings";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { ratingOf, type DimensionScores } from "@/lib/ratings/ratings";
import { guardPage } from "@/lib/server/access/guard-page";
import { barCandidates, listAwardBars } from "@/lib/server/ratings/award-bars";
import { talksOfOrg, type TalkRow } from "@/lib/server/ratings/talks";
import { ratedUnitLabel, ratesSelf, ratingSheet, type RatingSheet } from "@/lib/server/ratings/entries";
import { previewRatings, publishedRatings } from "@/lib/server/ratings/preview";
import { managesRatings, resolveRatedYear } from "@/lib/server/ratings/schemes";
import { reportStatuses } from "@/lib/server/ratings/year-reports";
import { ZIdParam } from "@/lib/validation/text";
import { ZRatingQuery } from "@/lib/validation/ratings";

type Props = { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings"))("title") };
}

/**
 * One unit's year. The committee sees how it scores as things stand (or as
 * published) and enters the superior rating, the democratic ballots and the
 * adjustments until it publishes. The unit's own readers see the published
 * result, and its secretary gives the self-rating until then.
 */
export default async function RatedUnitPage({ params, searchParams }: Props) {
  const orgId = ZIdParam.parse((await params).orgId);
  if (!orgId) notFound();
  const query = ZRatingQuery.parse(await searchParams);
  const actor = await guardPage("page:/ratings/[orgId]", { orgId }, `/ratings/${orgId}`);
  const year = await resolveRatedYear(query.period);
  if (!year) notFound();
  const committee = managesRatings(actor);
  const [view, label, t, tt, locale, format] = await Promise.all([
    committee ? previewRatings(actor, year.id) : publishedRatings(actor, year.id),
    ratedUnitLabel(orgId),
    getTranslations("ratings"),
    getTranslations("orgType"),
    getLocale(),
    getFormatter(),
  ]);
  if (!label) notFound();
  const { scheme } = view;
  const unit = view.units.find((u) => u.orgId === orgId);
  const published = scheme.publishedAt !== null;
  const rated = (scheme.config.ratedTypes as readonly string[]).includes(label.type) && !label.closedAt;
  const selfRater = !committee && ratesSelf(actor, orgId) && rated && !published;
  const [sheet, reports, bars, secretaries, talks] = await Promise.all([
    (committee || selfRater) && rated && !published ? ratingSheet(year.id, orgId) : null,
    rated ? reportStatuses(year.id, [orgId]) : null,
    listAwardBars(actor, year.id, orgId),
    committee && rated ? barCandidates(orgId) : null,
    talksOfOrg(actor, orgId),
  ]);
  const dimensions: DimensionLabel[] = scheme.config.rated.dimensions.map((d) => ({ key: d.key, label: localized(d.label, d.labelEn, locale) }));
  const name = localized(label.name, label.nameEn, locale);
  const period = query.period === year.id ? year.id : undefined;

  const back = (
    <nav className="mb-2 text-sm">
      <Link href={hrefWith("/ratings", { period })} className="text-brand hover:underline">
        {committee ? t("detail.back") : t("unit.back")}
      </Link>
    </nav>
  );
  const status = published ? (
    <Alert tone="ok" className="mb-4">
      {t("unit.published", { date: format.dateTime(scheme.publishedAt!, { dateStyle: "long" }) })}
    </Alert>
  ) : committee && unit ? (
    <p className="mb-4 text-sm text-muted">{t("unit.previewNote")}</p>
  ) : null;

  return (
    <>
      <PageHeading
        title={unit ? t("detail.title", { unit: name }) : t("unit.title", { unit: name })}
        subtitle={unit ? t("detail.subtitle", { year: year.year, type: tt(unit.orgType), rank: unit.rank, of: unit.of }) : t("unit.subtitle", { year: year.year })}
        actions={unit ? <PrintButton /> : undefined}
      >
        {back}
      </PageHeading>
      {status}
      {reports ? (
        <p className="mb-4 text-sm">
          <Link href={hrefWith(`/ratings/${orgId}/report`, { period })} className="text-brand hover:underline">
            {t("report.linkStatus", { status: t(`report.status.${reports.get(orgId) ?? "NEW"}`) })}
          </Link>
        </p>
      ) : null}
      {unit ? (
        // The rating sheet (考核评分表): on paper, under its title, with the lines to sign.
        <article className="printable" aria-label={t("sheet.title", { year: year.year })}>
          <PrintHeader className="hidden print:block" title={t("sheet.title", { year: year.year })} details={[t("sheet.unit", { unit: name })]} />
          <ScoreExplanation unit={unit} />
          <SignatureLines className="hidden print:grid" labels={[t("sheet.rater"), t("sheet.reviewer"), t("sheet.date")]} caption={t("sheet.caption")} />
        </article>
      ) : (
        <p className="mb-4">{!rated ? t("detail.notRated") : published ? t("detail.notRated") : t("unit.notPublished")}</p>
      )}
      <div className="print:hidden">
      {sheet && committee ? <CommitteeEntry periodId={year.id} orgId={orgId} sheet={sheet} dimensions={dimensions} /> : null}
      {secretaries || bars.length > 0 ? (
        <Card aria-labelledby="award-bars-heading" className="mt-4 min-w-0">
          <h2 id="award-bars-heading" className="mb-1 text-base font-semibold">
            {t("bars.heading")}
          </h2>
          <p className="mb-3 text-sm text-muted">{t("bars.unitNote")}</p>
          <AwardBarList bars={bars} removable={secretaries !== null} />
          {secretaries ? (
            <div className="mt-4">
              <AwardBarForm periodId={year.id} orgId={orgId} secretaries={secretaries} />
            </div>
          ) : null}
        </Card>
      ) : null}
      <UnitTalks talks={talks} orgId={orgId} unit={name} committee={committee && rated} />
      {sheet && selfRater ? (
        <Card aria-labelledby="self-rating-heading" className="mt-4 max-w-3xl">
          <h2 id="self-rating-heading" className="mb-1 text-base font-semibold">
            {t("entry.selfHeading")}
          </h2>
          <p className="mb-3 text-sm text-muted">
            {sheet.self ? t("entry.selfGiven", { date: format.dateTime(sheet.self.at, { dateStyle: "medium", timeStyle: "short" }) }) : t("entry.selfHint")}
          </p>
          <ScoresForm kind="self" periodId={year.id} orgId={orgId} dimensions={dimensions} initial={sheet.self?.scores} />
        </Card>
      ) : null}
      </div>
    </>
  );
}

/** What has been rated and adjusted, and the committee's forms for the rest. */
async function CommitteeEntry({ periodId, orgId, sheet, dimensions }: { periodId: string; orgId: string; sheet: RatingSheet; dimensions: DimensionLabel[] }) {
  const [t, format] = await Promise.all([getTranslations("ratings.entry"), getFormatter()]);
  const th = "px-3 py-2 font-medium whitespace-nowrap";
  const num = "px-3 py-2 text-right tabular-nums";
  const mean = (scores: DimensionScores) => {
    const rating = ratingOf(scores, dimensions);
    return rating === null ? "—" : formatPoints(rating);
  };
  const rows: { key: string; label: string; scores: DimensionScores | null; by: string | null; ballot?: number }[] = [
    { key: "self", label: t("self"), scores: sheet.self?.scores ?? null, by: sheet.self?.by ?? null },
    { key: "superior", label: t("superior"), scores: sheet.superior?.scores ?? null, by: sheet.superior?.by ?? null },
    ...sheet.ballots.map((b) => ({ key: `ballot-${b.ballot}`, label: t("ballot", { ballot: b.ballot }), scores: b.scores, by: b.by, ballot: b.ballot })),
  ];
  return (
    <div className="mt-4 grid grid-cols-1 gap-4 xl:grid-cols-2">
      <Card aria-labelledby="rating-entry-heading" className="min-w-0 xl:col-span-2">
        <h2 id="rating-entry-heading" className="mb-1 text-base font-semibold">
          {t("heading")}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("hint", { ballots: sheet.ballots.length })}</p>
        <div className="relative overflow-x-auto rounded-md border border-line">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t("heading")}</caption>
            <thead className="bg-surface text-xs text-muted">
              <tr>
                <th scope="col" className={th}>
                  {t("rater")}
                </th>
                {dimensions.map((d) => (
                  <th key={d.key} scope="col" className={`${th} text-right`}>
                    {d.label}
                  </th>
                ))}
                <th scope="col" className={`${th} text-right`}>
                  {t("mean")}
                </th>
                <th scope="col" className={th}>
                  {t("enteredBy")}
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">{t("actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line">
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="px-3 py-2 font-medium whitespace-nowrap">
                    {row.label}
                  </th>
                  {row.scores ? (
                    <>
                      {dimensions.map((d) => (
                        <td key={d.key} className={num}>
                          {row.scores![d.key] ?? "—"}
                        </td>
                      ))}
                      <td className={`${num} font-semibold`}>{mean(row.scores)}</td>
                      <td className="px-3 py-2 text-muted">{row.by ?? "—"}</td>
                    </>
                  ) : (
                    <td colSpan={dimensions.length + 2} className="px-3 py-2 text-muted">
                      {row.key === "self" ? t("selfMissing") : t("notGiven")}
                    </td>
                  )}
                  <td className="px-3 py-2 text-right">
                    {row.ballot !== undefined ? (
                      <ActionButton
                        action={removeDemocraticBallot}
                        input={{ periodId, orgId, ballot: row.ballot }}
                        label={t("remove")}
                        ariaLabel={t("removeBallot", { ballot: row.ballot })}
                        variant="ghost"
                        size="sm"
                        isInline
                        confirm={t("removeBallotConfirm", { ballot: row.ballot })}
                        messages="ratings.error"
                      />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card aria-labelledby="superior-rating-heading" className="min-w-0">
        <h2 id="superior-rating-heading" className="mb-3 text-base font-semibold">
          {t("superiorHeading")}
        </h2>
        <ScoresForm kind="superior" periodId={periodId} orgId={orgId} dimensions={dimensions} initial={sheet.superior?.scores} />
      </Card>
      <Card aria-labelledby="ballot-heading" className="min-w-0">
        <h2 id="ballot-heading" className="mb-1 text-base font-semibold">
          {t("ballotHeading")}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("ballotHint")}</p>
        <ScoresForm kind="ballot" periodId={periodId} orgId={orgId} dimensions={dimensions} />
      </Card>
      <Card aria-labelledby="adjustments-heading" className="min-w-0 xl:col-span-2">
        <h2 id="adjustments-heading" className="mb-3 text-base font-semibold">
          {t("adjustmentsHeading")}
        </h2>
        {sheet.adjustments.length === 0 ? (
          <p className="mb-3 text-sm text-muted">{t("noAdjustments")}</p>
        ) : (
          <ul className="mb-4 divide-y divide-line rounded-md border border-line text-sm">
            {sheet.adjustments.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="min-w-0 break-words">
                  <span className={`font-semibold tabular-nums ${a.points > 0 ? "text-ok" : "text-danger"}`}>
                    {a.points > 0 ? "+" : "−"}
                    {formatPoints(Math.abs(a.points))}
                  </span>{" "}
                  {a.reason}
                  <span className="text-muted"> · {t("adjustmentBy", { by: a.by ?? "—", date: format.dateTime(a.at, { dateStyle: "medium" }) })}</span>
                </span>
                <ActionButton
                  action={removeRatingAdjustment}
                  input={{ periodId, orgId, adjustmentId: a.id }}
                  label={t("remove")}
                  ariaLabel={t("removeAdjustment", { reason: a.reason })}
                  variant="ghost"
                  size="sm"
                  isInline
                  confirm={t("removeAdjustmentConfirm", { reason: a.reason })}
                  messages="ratings.error"
                />
              </li>
            ))}
          </ul>
        )}
        <AdjustmentForm periodId={periodId} orgId={orgId} />
      </Card>
    </div>
  );
}

/** The talks held with the unit, newest first; the committee records a new one from here. */
async function UnitTalks({ talks, orgId, unit, committee }: { talks: TalkRow[]; orgId: string; unit: string; committee: boolean }) {
  const [t, format] = await Promise.all([getTranslations("ratings.talk"), getFormatter()]);
  return (
    <Card aria-labelledby="unit-talks-heading" className="mt-4 min-w-0">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="unit-talks-heading" className="text-base font-semibold">
          {t("unitHeading")}
        </h2>
        {committee ? (
          <Link href={hrefWith("/ratings/talks/new", { org: orgId })} aria-label={t("talkLinkLabel", { unit })} className="text-sm text-brand hover:underline">
            {t("record")}
          </Link>
        ) : null}
      </div>
      {talks.length === 0 ? (
        <p className="text-sm text-muted">{t("unitNone")}</p>
      ) : (
        <ul className="divide-y divide-line text-sm">
          {talks.map((talk) => (
            <li key={talk.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span className="min-w-0 break-words">
                <Link href={`/ratings/talks/${talk.id}`} className="font-medium hover:text-brand hover:underline">
                  {format.dateTime(talk.talkedOn, { dateStyle: "medium", timeZone: "UTC" })} · {t(`trigger.${talk.trigger}`)}
                </Link>
                <span className="text-muted"> · {talk.tally.total === 0 ? t("noCommitments") : t("tally", { closed: talk.tally.closed, total: talk.tally.total })}</span>
              </span>
              <TalkStatus row={talk} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
