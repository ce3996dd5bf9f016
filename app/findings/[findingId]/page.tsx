import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/inspections/action-form";
import { FindingStateBadge, SeverityBadge } from "@/components/inspections/badges";
import { EscalationList } from "@/components/inspections/escalation-list";
import { FindingEvidence } from "@/components/inspections/finding-evidence";
import { StepButton } from "@/components/inspections/step-button";
import { PageHeading } from "@/components/layout/page-heading";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { evidenceMaxBytes } from "@/lib/env";
import { guardPage } from "@/lib/server/access/guard-page";
import { findingEvidenceParty, loadFindingEvidence } from "@/lib/server/inspections/finding-evidence";
import { notFoundUnless } from "@/lib/server/inspections/not-found";
import { getFinding, listOwnerCandidates } from "@/lib/server/inspections/queries";
import { localized } from "@/lib/org-label";
import {
  acceptRectification,
  addFindingProgress,
  reopenFinding,
  returnRectification,
  saveRectification,
  submitRectification,
} from "./actions";

type Props = { params: Promise<{ findingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("finding.title") };
}

/**
 * A finding and its rectification record: measures, owner, deadline,
 * progress with evidence, the close-out acceptances and the escalations.
 * The unit rectifies here; the accepting parties accept or send back.
 */
export default async function FindingPage({ params }: Props) {
  const { findingId } = await params;
  const actor = await guardPage("page:/findings/[findingId]", undefined, `/findings/${findingId}`);
  const [finding, t, format, locale] = await Promise.all([
    notFoundUnless(getFinding(actor, findingId)),
    getTranslations("inspections"),
    getFormatter(),
    getLocale(),
  ]);
  const facts = {
    status: finding.report.status,
    orgPath: finding.org.path,
    scopePath: finding.report.round.scopeOrg.path,
    memberIds: finding.report.round.members.map((m) => m.userId),
    state: finding.state,
  };
  const [evidence, owners] = await Promise.all([
    loadFindingEvidence(finding.id),
    finding.canRectify ? listOwnerCandidates(finding.org.path, finding.report.round.scopeOrg.path) : Promise.resolve([]),
  ]);
  const addsAs = findingEvidenceParty(actor, facts);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const current = finding.acceptances.filter((a) => a.cycle === finding.cycle);
  const earlier = finding.acceptances.filter((a) => a.cycle !== finding.cycle);
  const step = { findingId: finding.id, expectedVersion: finding.version };
  return (
    <>
      <PageHeading title={t("finding.heading", { seq: finding.seq, org: localized(finding.org.name, finding.org.nameEn, locale) })}>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/inspections" className="hover:text-brand hover:underline">
            {t("title")}
          </Link>
          {" / "}
          <Link href={`/inspections/reports/${finding.report.id}`} className="hover:text-brand hover:underline">
            {finding.report.round.title}
          </Link>
        </nav>
      </PageHeading>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-4">
          <Card className="space-y-4">
            <div className="flex flex-wrap items-center gap-2">
              <FindingStateBadge state={finding.state} warning={finding.warning} />
              <SeverityBadge severity={finding.severity} />
              {finding.tag ? <Badge>{t(`tag.${finding.tag}`)}</Badge> : null}
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
              {finding.duty ? (
                <>
                  <dt className="text-muted">{t("finding.duty")}</dt>
                  <dd>
                    {finding.item ? (
                      <Link href={`/duties/${finding.item.id}`} className="text-brand hover:underline">
                        {`${finding.duty.code} ${localized(finding.duty.title, finding.duty.titleEn, locale)}`}
                      </Link>
                    ) : (
                      `${finding.duty.code} ${localized(finding.duty.title, finding.duty.titleEn, locale)}`
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

          {finding.report.status === "ISSUED" ? (
            <Card>
              <h2 className="mb-3 font-semibold">{t("finding.acceptances")}</h2>
              <ul className="space-y-2 text-sm" data-testid="acceptances">
                {finding.requiredParties.map((party) => {
                  const done = current.find((a) => a.party === party);
                  return (
                    <li key={party} className="flex flex-wrap items-center gap-2" data-testid={`acceptance-${party}`}>
                      <span className="font-medium">{t(`party.${party}`)}</span>
                      {done ? (
                        <Badge tone="ok">{t("finding.acceptedBy", { name: done.acceptedBy?.name ?? "—", at: when(done.acceptedAt) })}</Badge>
                      ) : (
                        <Badge>{finding.state === "SUBMITTED" ? t("finding.waiting") : t("finding.notYet")}</Badge>
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
                        {t(`party.${a.party}`)} · {t("finding.acceptedBy", { name: a.acceptedBy?.name ?? "—", at: when(a.acceptedAt) })}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </Card>
          ) : null}

          <FindingEvidence findingId={finding.id} evidence={evidence} canAdd={addsAs !== null} addsAs={addsAs} maxBytes={evidenceMaxBytes()} />

          <EscalationList
            escalations={finding.escalations.map((e) => ({
              id: e.id,
              level: e.level,
              createdAt: e.createdAt,
              daysOverdue: e.daysOverdue,
              addressedOrgName: localized(e.addressedOrg.name, e.addressedOrg.nameEn, locale),
            }))}
          />

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
                      {e.party ? ` · ${t(`party.${e.party}`)}` : null}
                      <span className="ml-2 text-muted">{t("finding.byAt", { name: e.actor?.name ?? "—", at: when(e.createdAt) })}</span>
                    </p>
                    {e.text ? <p className="whitespace-pre-line">{e.text}</p> : null}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <aside className="space-y-4">
          {finding.canRectify ? (
            <>
              <Card>
                <h2 className="mb-3 font-semibold">{t("finding.rectification")}</h2>
                <ActionForm
                  id="rectification"
                  schema="saveRectification"
                  action={saveRectification}
                  defaultValues={{ ...step, measures: finding.measures ?? "", ownerId: finding.owner?.id ?? "" }}
                  fields={[
                    { name: "measures", label: t("finding.measures"), kind: "textarea", rows: 4, hint: t("finding.measuresHint") },
                    { name: "ownerId", label: t("finding.owner"), kind: "select", blank: t("finding.pickOwner"), options: owners.map((o) => ({ value: o.id, label: o.name })) },
                  ]}
                  submitLabel={t("finding.saveRectification")}
                  variant="secondary"
                  doneMessage={t("saved")}
                />
              </Card>
              <Card>
                <h2 className="mb-3 font-semibold">{t("finding.progress")}</h2>
                <ActionForm
                  id="progress"
                  schema="progress"
                  action={addFindingProgress}
                  defaultValues={{ ...step, text: "" }}
                  fields={[{ name: "text", label: t("finding.progressText"), kind: "textarea", rows: 3 }]}
                  submitLabel={t("finding.addProgress")}
                  variant="secondary"
                  resetOnSuccess
                />
              </Card>
              <Card>
                <h2 className="mb-2 font-semibold">{t("finding.submit")}</h2>
                <p className="mb-3 text-sm text-muted">
                  {t("finding.submitHint", { parties: finding.requiredParties.map((p) => t(`party.${p}`)).join(t("listSeparator")) })}
                </p>
                <ActionForm
                  id="submit"
                  schema="submit"
                  action={submitRectification}
                  defaultValues={{ ...step, text: "" }}
                  fields={[{ name: "text", label: t("finding.submitText"), kind: "textarea", rows: 2 }]}
                  submitLabel={t("finding.submitButton")}
                />
              </Card>
            </>
          ) : null}
          {finding.acceptAs.length > 0 || finding.canReturn ? (
            <Card className="space-y-3">
              <h2 className="font-semibold">{t("finding.closeOut")}</h2>
              {finding.acceptAs.map((party) => (
                <StepButton key={party} action={acceptRectification} input={{ ...step, party }} label={t("finding.acceptAs", { party: t(`party.${party}`) })} />
              ))}
              {finding.canReturn ? (
                <details className="rounded-md border border-line p-3 text-sm">
                  <summary className="cursor-pointer font-medium">{t("finding.return")}</summary>
                  <div className="mt-3">
                    <ActionForm
                      id="return"
                      schema="return"
                      action={returnRectification}
                      defaultValues={{ ...step, comment: "" }}
                      fields={[{ name: "comment", label: t("finding.returnComment"), kind: "textarea", rows: 3 }]}
                      submitLabel={t("finding.returnButton")}
                      variant="secondary"
                    />
                  </div>
                </details>
              ) : null}
            </Card>
          ) : null}
          {finding.canReopen ? (
            <Card>
              <h2 className="mb-2 font-semibold">{t("finding.reopen")}</h2>
              <ActionForm
                id="reopen"
                schema="reopen"
                action={reopenFinding}
                defaultValues={{ ...step, reason: "", deadline: "" }}
                fields={[
                  { name: "reason", label: t("finding.reopenReason"), kind: "textarea", rows: 3 },
                  { name: "deadline", label: t("finding.newDeadline"), kind: "date", hint: t("finding.newDeadlineHint") },
                ]}
                submitLabel={t("finding.reopenButton")}
                variant="secondary"
              />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
