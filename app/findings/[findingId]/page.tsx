import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { NoticesSeen } from "@/components/notifications/notices-seen";
import { markNoticesAbout } from "@/lib/server/notifications/mark-read";
import { EscalationList } from "@/components/inspections/escalation-list";
import { FindingEvidence } from "@/components/inspections/finding-evidence";
import { FindingAcceptances, FindingHistory, FindingRecord } from "@/components/inspections/finding-record";
import {
  AcceptButton,
  ProgressForm,
  RectificationForm,
  ReopenFindingForm,
  ReturnRectificationForm,
  SubmitRectificationForm,
} from "@/components/inspections/rectification-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { Card } from "@/components/ui/card";
import { evidenceMaxBytes } from "@/lib/env";
import { guardPage } from "@/lib/server/access/guard-page";
import { findingEvidenceParty, loadFindingEvidence } from "@/lib/server/inspections/finding-evidence";
import { notFoundUnless } from "@/lib/server/inspections/not-found";
import { getFinding, listOwnerCandidates } from "@/lib/server/inspections/queries";
import { localized } from "@/lib/org-label";

type Props = { params: Promise<{ findingId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("finding.title") };
}

/**
 * A finding and its rectification record: measures, owner, deadline,
 * progress with evidence, the close-out acceptances and the escalations.
 * The unit rectifies here; the accepting parties accept or send back.
 * Every form acts on the finding's version the page holds (RecordProvider).
 */
export default async function FindingPage({ params }: Props) {
  const { findingId } = await params;
  const actor = await guardPage("page:/findings/[findingId]", undefined, `/findings/${findingId}`);
  const [finding, t, tr, locale] = await Promise.all([notFoundUnless(getFinding(actor, findingId)), getTranslations("inspections"), getTranslations(), getLocale()]);
  const facts = {
    status: finding.report.status,
    orgPath: finding.org.path,
    scopePath: finding.report.round.scopeOrg.path,
    memberIds: finding.report.round.members.map((m) => m.userId),
    state: finding.state,
  };
  const [evidence, owners, seen] = await Promise.all([
    loadFindingEvidence(finding.id),
    finding.canRectify ? listOwnerCandidates(finding.org.path, finding.report.round.scopeOrg.path) : Promise.resolve([]),
    markNoticesAbout(actor, { findingId: finding.id }),
  ]);
  const addsAs = findingEvidenceParty(actor, facts);
  return (
    <RecordProvider version={finding.version}>
      <NoticesSeen count={seen} />
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
          <FindingRecord finding={finding} />
          {finding.report.status === "ISSUED" ? <FindingAcceptances finding={finding} /> : null}
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
          <FindingHistory finding={finding} />
        </div>

        <aside className="space-y-4">
          {finding.canRectify ? (
            <>
              <Card>
                <h2 className="mb-3 font-semibold">{t("finding.rectification")}</h2>
                <RectificationForm
                  findingId={finding.id}
                  measures={finding.measures ?? ""}
                  ownerId={finding.owner?.id ?? ""}
                  owners={owners.map((o) => ({ value: o.id, label: o.name }))}
                />
              </Card>
              <Card>
                <h2 className="mb-3 font-semibold">{t("finding.progress")}</h2>
                <ProgressForm findingId={finding.id} />
              </Card>
              <Card>
                <h2 className="mb-2 font-semibold">{t("finding.submit")}</h2>
                <p className="mb-3 text-sm text-muted">
                  {t("finding.submitHint", { parties: finding.requiredParties.map((p) => tr(`acceptanceParty.${p}`)).join(t("listSeparator")) })}
                </p>
                <SubmitRectificationForm findingId={finding.id} />
              </Card>
            </>
          ) : null}
          {finding.acceptAs.length > 0 || finding.canReturn ? (
            <Card className="space-y-3">
              <h2 className="font-semibold">{t("finding.closeOut")}</h2>
              {finding.acceptAs.map((party) => (
                <AcceptButton key={party} findingId={finding.id} party={party} />
              ))}
              {finding.canReturn ? (
                <details className="rounded-md border border-line p-3 text-sm">
                  <summary className="cursor-pointer font-medium">{t("finding.return")}</summary>
                  <div className="mt-3">
                    <ReturnRectificationForm findingId={finding.id} />
                  </div>
                </details>
              ) : null}
            </Card>
          ) : null}
          {finding.canReopen ? (
            <Card>
              <h2 className="mb-2 font-semibold">{t("finding.reopen")}</h2>
              <ReopenFindingForm findingId={finding.id} />
            </Card>
          ) : null}
        </aside>
      </div>
    </RecordProvider>
  );
}
