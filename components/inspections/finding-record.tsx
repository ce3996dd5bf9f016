import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { FindingStateBadge, SeverityBadge } from "@/components/inspections/badges";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { localized } from "@/lib/org-label";
import type { FindingPage } from "@/lib/server/inspections/queries";

/** A finding as the report states it, with its rectification record: measures, owner, deadline, close-out. */
export async function FindingRecord({ finding }: { finding: FindingPage }) {
  const [t, tr, format, locale] = await Promise.all([getTranslations("inspections"), getTranslations(), getFormatter(), getLocale()]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const duty = finding.duty ? `${finding.duty.code} ${localized(finding.duty.title, finding.duty.titleEn, locale)}` : null;
  return (
    <Card className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <FindingStateBadge state={finding.state} warning={finding.warning} />
        <SeverityBadge severity={finding.severity} />
        {finding.tag ? <Badge>{tr(`findingTag.${finding.tag}`)}</Badge> : null}
      </div>
      <p className="leading-relaxed whitespace-pre-line" data-testid="finding-description">
        {finding.description}
      </p>
      {finding.lastComment && (finding.state === "RETURNED" || finding.state === "IN_PROGRESS") ? (
        <Alert tone="error">
          <p className="font-medium">{finding.state === "RETURNED" ? t("finding.returnedWith") : t("finding.reopenedWith")}</p>
          <p className="whitespace-pre-line">{finding.lastComment}</p>
        </Alert>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-muted">{t("finding.category")}</dt>
        <dd>{localized(finding.category.name, finding.category.nameEn, locale)}</dd>
        {duty ? (
          <>
            <dt className="text-muted">{t("finding.duty")}</dt>
            <dd>
              {finding.item ? (
                <Link href={`/checklists/${finding.item.id}`} className="text-brand hover:underline">
                  {duty}
                </Link>
              ) : (
                duty
              )}
            </dd>
          </>
        ) : null}
        <dt className="text-muted">{t("col.deadline")}</dt>
        <dd data-testid="finding-deadline">{finding.deadline ? day(finding.deadline) : t("finding.noDeadline")}</dd>
        <dt className="text-muted">{t("finding.measures")}</dt>
        <dd className="whitespace-pre-line">{finding.measures ?? "—"}</dd>
        <dt className="text-muted">{t("finding.owner")}</dt>
        <dd>{finding.owner?.name ?? "—"}</dd>
        {finding.closedAt ? (
          <>
            <dt className="text-muted">{t("finding.closedAt")}</dt>
            <dd>{when(finding.closedAt)}</dd>
          </>
        ) : null}
      </dl>
    </Card>
  );
}

/** The close-out acceptances of the current attempt, each party's, and those of earlier attempts. */
export async function FindingAcceptances({ finding }: { finding: FindingPage }) {
  const [t, tr, format] = await Promise.all([getTranslations("inspections"), getTranslations(), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const current = finding.acceptances.filter((a) => a.cycle === finding.cycle);
  const earlier = finding.acceptances.filter((a) => a.cycle !== finding.cycle);
  return (
    <Card>
      <h2 className="mb-3 font-semibold">{t("finding.acceptances")}</h2>
      <ul className="space-y-2 text-sm" data-testid="acceptances">
        {finding.requiredParties.map((party) => {
          const done = current.find((a) => a.party === party);
          return (
            <li key={party} className="flex flex-wrap items-center gap-2" data-testid={`acceptance-${party}`}>
              <span className="font-medium">{tr(`acceptanceParty.${party}`)}</span>
              {done ? (
                <Badge tone="ok">{t("finding.acceptedBy", { name: done.acceptedBy?.name ?? "—", at: when(done.acceptedAt) })}</Badge>
              ) : finding.state === "SUBMITTED" ? (
                <>
                  <Badge tone="warn">{t("finding.waiting")}</Badge>
                  <span className="text-muted" data-testid={`acceptors-${party}`}>
                    {t("finding.waitingFor", {
                      who: t(`finding.acceptingRole.${party}`),
                      names: (finding.acceptors[party] ?? []).join(t("listSeparator")) || "—",
                    })}
                  </span>
                </>
              ) : (
                <Badge>{t("finding.notYet")}</Badge>
              )}
            </li>
          );
        })}
      </ul>
      {earlier.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-muted">{t("finding.earlierAcceptances", { count: earlier.length })}</summary>
          <ul className="mt-2 space-y-1">
            {earlier.map((a) => (
              <li key={a.id}>
                {tr(`acceptanceParty.${a.party}`)} · {t("finding.acceptedBy", { name: a.acceptedBy?.name ?? "—", at: when(a.acceptedAt) })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}

/** Every step of the rectification, oldest first: progress, submissions, returns, acceptances, reopenings. */
export async function FindingHistory({ finding }: { finding: FindingPage }) {
  const [t, tr, format] = await Promise.all([getTranslations("inspections"), getTranslations(), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <Card>
      <h2 className="mb-3 font-semibold">{t("finding.history")}</h2>
      {finding.events.length === 0 ? (
        <p className="text-sm text-muted">{t("finding.noHistory")}</p>
      ) : (
        <ol className="space-y-3 text-sm" data-testid="finding-history">
          {finding.events.map((e) => (
            <li key={e.id} className="border-l-2 border-line pl-3">
              <p>
                <span className="font-medium">{t(`event.${e.kind}`)}</span>
                {e.party ? ` · ${tr(`acceptanceParty.${e.party}`)}` : null}
                <span className="ml-2 text-muted">{t("finding.byAt", { name: e.actor?.name ?? "—", at: when(e.createdAt) })}</span>
              </p>
              {e.text ? <p className="whitespace-pre-line">{e.text}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
