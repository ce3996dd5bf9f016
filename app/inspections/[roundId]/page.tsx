import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { DrawRecordView } from "@/components/inspections/draw-record";
import { DeleteRoundButton, UpdateRoundForm } from "@/components/inspections/round-forms";
import { TypeBadge } from "@/components/inspections/badges";
import { PageHeading } from "@/components/layout/page-heading";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { guardPage } from "@/lib/server/access/guard-page";
import { notFoundUnless } from "@/lib/server/inspections/not-found";
import { getRound } from "@/lib/server/inspections/queries";
import { redirectToTurnaround } from "@/lib/server/grading/turnaround";
import { redirectToTour } from "@/lib/server/inspections/tours";
import { redirectToTalk } from "@/lib/server/ratings/talks";
import { isoDay } from "@/lib/dates";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ roundId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("round") };
}

/** A round: its group, how its organizations were chosen, and its reports. */
export default async function RoundPage({ params }: Props) {
  const { roundId } = await params;
  const actor = await guardPage("page:/inspections/[roundId]", undefined, `/inspections/${roundId}`);
  const [round, t, format, locale] = await Promise.all([
    notFoundUnless(getRound(actor, roundId)),
    getTranslations("inspections"),
    getFormatter(),
    getLocale(),
  ]);
  if (round.type === "TALK") await redirectToTalk(round.id);
  if (round.type === "TOUR") await redirectToTour(round.id);
  if (round.type === "TURNAROUND") await redirectToTurnaround(round.id);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const orgNames = Object.fromEntries(round.drawOrgs.map((o) => [o.id, localized(o.name, o.nameEn, locale)]));
  return (
    <RecordProvider version={round.version}>
      <PageHeading title={round.title}>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/inspections" className="hover:text-brand hover:underline">
            {t("title")}
          </Link>
        </nav>
      </PageHeading>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-4">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("reportsHeading")}</h2>
            {round.reports.length === 0 ? (
              <EmptyState title={t("noReports")} />
            ) : (
              <div className="relative overflow-x-auto">
                <table className="w-full min-w-[32rem] text-sm">
                  <thead className="text-left text-muted">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">{t("col.org")}</th>
                      <th scope="col" className="py-1 pr-3 font-medium">{t("col.reportStatus")}</th>
                      <th scope="col" className="py-1 pr-3 font-medium">{t("col.findings")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {round.reports.map((r) => (
                      <tr key={r.id} className="border-t border-line" data-testid="round-report">
                        <td className="py-2 pr-3">
                          {r.readable ? (
                            <Link href={`/inspections/reports/${r.id}`} className="text-brand hover:underline">
                              {localized(r.org.name, r.org.nameEn, locale)}
                            </Link>
                          ) : (
                            localized(r.org.name, r.org.nameEn, locale)
                          )}
                        </td>
                        <td className="py-2 pr-3">
                          <Badge tone={r.status === "ISSUED" ? "ok" : "neutral"}>{t(`reportStatus.${r.status}`)}</Badge>
                          {r.issuedAt ? <span className="ml-2 text-muted">{day(r.issuedAt)}</span> : null}
                        </td>
                        <td className="py-2 pr-3 tabular-nums">{r.readable ? r._count.findings : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          {round.draw ? (
            <DrawRecordView record={round.draw.record} orgNames={orgNames} drawnAt={round.draw.createdAt} drawnBy={round.draw.createdBy?.name ?? null} />
          ) : null}
        </div>
        <div className="space-y-4">
          <Card className="h-fit">
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t("col.type")}</dt>
              <dd>
                <TypeBadge type={round.type} unannounced={round.unannounced} />
              </dd>
              <dt className="text-muted">{t("col.dates")}</dt>
              <dd>
                {day(round.startsOn)} – {day(round.endsOn)}
              </dd>
              <dt className="text-muted">{t("col.scope")}</dt>
              <dd>{localized(round.scopeOrg.name, round.scopeOrg.nameEn, locale)}</dd>
              {round.group ? (
                <>
                  <dt className="text-muted">{t("standingGroup")}</dt>
                  <dd>
                    <Link href={`/inspections/groups/${round.group.id}`} className="text-brand hover:underline">
                      {round.group.name}
                    </Link>
                  </dd>
                </>
              ) : null}
              <dt className="text-muted">{t("group")}</dt>
              <dd>
                <ul>
                  {round.members.map((m) => (
                    <li key={m.user.id}>
                      {m.user.name}
                      {m.isLeader ? <Badge className="ml-2">{t("leader")}</Badge> : null}
                    </li>
                  ))}
                </ul>
              </dd>
              {round.createdBy ? (
                <>
                  <dt className="text-muted">{t("createdBy")}</dt>
                  <dd>{round.createdBy.name}</dd>
                </>
              ) : null}
            </dl>
            <p className="mt-4 text-sm">
              <Link href={`/findings?round=${round.id}`} className="text-brand hover:underline">
                {t("roundLedger")}
              </Link>
            </p>
          </Card>
          {round.canManage ? (
            <Card aria-labelledby="manage-heading" className="space-y-4">
              <h2 id="manage-heading" className="text-base font-semibold">
                {t("manage.heading")}
              </h2>
              <details className="rounded-md border border-line p-3 text-sm">
                <summary className="cursor-pointer font-medium">{t("manage.edit")}</summary>
                <p className="mt-2 text-xs text-muted">{t("manage.editHint")}</p>
                <div className="mt-3">
                  <UpdateRoundForm
                    round={{
                      roundId: round.id,
                      title: round.title,
                      startsOn: isoDay(round.startsOn),
                      endsOn: isoDay(round.endsOn),
                      memberIds: round.members.map((m) => m.user.id),
                      leaderId: round.members.find((m) => m.isLeader)?.user.id ?? "",
                    }}
                    inspectors={round.eligibleInspectors.map((u) => ({ value: u.id, label: u.name }))}
                  />
                </div>
              </details>
              {round.canDelete ? (
                <div className="space-y-2 text-sm">
                  <p className="text-muted">{t("manage.deleteHint")}</p>
                  <DeleteRoundButton roundId={round.id} />
                </div>
              ) : (
                <p className="text-xs text-muted">{t("manage.inUse")}</p>
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </RecordProvider>
  );
}
