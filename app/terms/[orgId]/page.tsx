import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { NoticesSeen } from "@/components/notifications/notices-seen";
import { EditTermForm, ElectionForm, HeadChangeForm, TalkForm, type EditableTerm } from "@/components/terms/term-forms";
import { CurrentTerm, OrgHeadChanges, OrgTalks, TermHistory } from "@/components/terms/term-record";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { isoDay } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { markNoticesAbout } from "@/lib/server/notifications/mark-read";
import { getOrgTerms, type TermRecord } from "@/lib/server/terms/get-org-terms";

type Props = { params: Promise<{ orgId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("terms"))("orgTitle") };
}

function editable(term: TermRecord): EditableTerm {
  return {
    termId: term.id,
    electedOn: isoDay(term.electedOn),
    termYears: term.termYears,
    secretaryName: term.secretaryName,
    secretaryId: term.secretary?.id ?? "",
    members: term.members.join("\n"),
    approvedOn: term.approvedOn ? isoDay(term.approvedOn) : "",
    approvalNote: term.approvalNote ?? "",
    note: term.note ?? "",
  };
}

/**
 * One organization's terms: the current one in the ledger's colours, every
 * term before it with its corrections, and its appointment talks and head
 * changes. The level above (or an administrator) records elections, talks
 * and head changes here and corrects what was recorded.
 */
export default async function OrgTermsPage({ params }: Props) {
  const { orgId } = await params;
  const actor = await guardPage("page:/terms/[orgId]", { orgId }, `/terms/${orgId}`);
  const [data, t, to, locale, format] = await Promise.all([
    notFoundUnless(getOrgTerms(actor, orgId)),
    getTranslations("terms"),
    getTranslations("orgType"),
    getLocale(),
    getFormatter(),
  ]);
  const seen = await markNoticesAbout(actor, { orgId: data.org.id, kind: "TERM_DUE" });
  const candidates = data.secretaryCandidates.map((u) => ({ value: u.id, label: t("candidate", { name: u.name, username: u.username }) }));
  const correction = (term: TermRecord) =>
    data.canRecord ? (
      <RecordProvider key={term.id} version={term.version}>
        <details className="mt-3 rounded-md border border-line p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t("correct")}</summary>
          <div className="mt-3">
            <EditTermForm term={editable(term)} candidates={candidates} />
          </div>
        </details>
      </RecordProvider>
    ) : null;
  const name = localized(data.org.name, data.org.nameEn, locale);
  return (
    <>
      <NoticesSeen count={seen} />
      <PageHeading title={name} subtitle={t("orgSubtitle", { type: to(data.org.type) })}>
        <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
          <Link href="/terms" className="hover:text-brand hover:underline">
            {t("ledgers.terms")}
          </Link>
          {data.ancestors.map((a) => (
            <span key={a.id}>
              {" / "}
              <Link href={`/terms/${a.id}`} className="hover:text-brand hover:underline">
                {localized(a.name, a.nameEn, locale)}
              </Link>
            </span>
          ))}
        </nav>
      </PageHeading>

      {data.org.closedAt ? (
        <Alert tone="info" className="mb-4">
          {t("closed")}
        </Alert>
      ) : null}
      {!data.holdsTerms ? (
        <Alert tone="info" className="mb-4">
          {t("holdsNoTerms", { type: to(data.org.type) })}
        </Alert>
      ) : null}
      {data.holdsTerms && !data.canRecord && !data.org.closedAt ? <p className="mb-4 text-sm text-muted">{t("recordedAbove")}</p> : null}

      <div className={data.canRecord ? "grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]" : "max-w-3xl"}>
        <div className="space-y-4">
          {data.holdsTerms ? (
            <>
              <CurrentTerm term={data.current} edit={data.current ? correction(data.current) : null} />
              <TermHistory terms={data.history} editFor={correction} />
            </>
          ) : null}
          <OrgTalks orgId={data.org.id} talks={data.talks.rows} total={data.talks.total} />
          <OrgHeadChanges orgId={data.org.id} changes={data.headChanges.rows} total={data.headChanges.total} />
        </div>
        {data.canRecord ? (
          <aside className="space-y-4" aria-label={t("recordLabel")}>
            {data.holdsTerms && data.defaultTermYears !== null ? (
              <Card>
                <h2 className="mb-1 font-semibold">{t("form.electionLabel")}</h2>
                <p className="mb-3 text-sm text-muted">{data.current ? t("form.electionEnds", { date: format.dateTime(data.current.electedOn, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }) }) : t("form.electionFirst")}</p>
                <ElectionForm orgId={data.org.id} currentTermId={data.current?.id ?? ""} defaultYears={data.defaultTermYears} candidates={candidates} />
              </Card>
            ) : null}
            <Card>
              <h2 className="mb-1 font-semibold">{t("form.talkLabel")}</h2>
              <p className="mb-3 text-sm text-muted">{t("form.talkIntro")}</p>
              <TalkForm orgId={data.org.id} appointeeName={data.currentHead ?? ""} />
            </Card>
            <Card>
              <h2 className="mb-1 font-semibold">{t("form.headChangeLabel")}</h2>
              <p className="mb-3 text-sm text-muted">{t("form.headChangeIntro")}</p>
              <HeadChangeForm orgId={data.org.id} previousName={data.currentHead ?? ""} />
            </Card>
          </aside>
        ) : null}
      </div>
    </>
  );
}
