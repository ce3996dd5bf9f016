import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordFiles } from "@/components/evidence/record-files";
import { RecordProvider } from "@/components/forms/record";
import { ConfirmGradeForm, ProposeGradeForm } from "@/components/grading/grading-forms";
import { GradeCriteria } from "@/components/grading/grade-criteria";
import { GradeMoveBadge } from "@/components/grading/grade-move-badge";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { currentYear } from "@/lib/dates";
import { evidenceMaxBytes } from "@/lib/env";
import { FIVE_BASICS, gradeName } from "@/lib/grading/scheme";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { loadFilesOf } from "@/lib/server/evidence/record-files";
import { getBranchGrading } from "@/lib/server/grading/grading";
import { branchModelSites } from "@/lib/server/grading/model-sites";
import { branchTurnarounds, opensTurnaround } from "@/lib/server/grading/turnaround";
import { ZGradingQuery } from "@/lib/validation/grading";

type Props = { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("grading"))("pageTitle") };
}

/**
 * One branch's grading of a year: the grade proposed with what was found
 * on each of the five basics, the committee's confirmation (and its reason
 * when it changed the grade), and the branch's grades over the years. The
 * party committee above proposes here; the working committee confirms.
 */
export default async function BranchGradingPage({ params, searchParams }: Props) {
  const { orgId } = await params;
  const query = ZGradingQuery.parse(await searchParams);
  const year = query.year ?? currentYear();
  const actor = await guardPage("page:/branches/grading/[orgId]", { orgId }, `/branches/grading/${orgId}`);
  const [t, format, locale] = await Promise.all([getTranslations("grading"), getFormatter(), getLocale()]);
  const { org, parent, scheme, grade, history, canPropose, canConfirm, canAddFiles } = await notFoundUnless(getBranchGrading(actor, orgId, year, locale));
  const [cases, models, files] = await Promise.all([branchTurnarounds(actor, org), branchModelSites(actor, org), grade ? loadFilesOf("grade", grade.id) : []]);
  const openCase = cases.find((c) => !c.convertedOn);
  const name = localized(org.name, org.nameEn, locale);
  const grades = scheme.config.grades.map((_, i) => ({ value: String(i + 1), label: gradeName(scheme.config, i + 1, locale) }));
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <RecordProvider version={grade?.version ?? 0}>
      <div className="print:hidden">
        <PageHeading title={name} subtitle={t("pageSubtitle", { year, parent: parent ? localized(parent.name, parent.nameEn, locale) : "—" })} actions={<PrintButton />}>
          <nav className="mb-2 flex flex-wrap gap-x-4 text-sm">
            <Link href={hrefWith("/branches/grading", { year: String(year) })} className="text-brand hover:underline">
              {t("back")}
            </Link>
            <Link href={`/orgs/${org.id}`} className="text-brand hover:underline">
              {t("orgLink")}
            </Link>
            <Link href={`/branches/meetings/${org.id}`} className="text-brand hover:underline">
              {t("meetingsLink")}
            </Link>
          </nav>
        </PageHeading>
      </div>
      <div className="printable max-w-4xl space-y-4">
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <h2 className="mb-3 text-lg font-medium print:text-center print:font-bold">{t("yearHeading", { year, branch: name })}</h2>
          {grade ? (
            <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
              <dt className="text-muted">{t("fields.proposedRank")}</dt>
              <dd>
                {gradeName(scheme.config, grade.proposedRank, locale)}
                <span className="ml-2 text-xs text-muted">{t("proposedBy", { who: grade.proposedBy?.name ?? "—", date: when(grade.proposedAt) })}</span>
              </dd>
              {FIVE_BASICS.map((b) => (
                <div key={b} className="contents">
                  <dt className="text-muted">{t(`basics.${b}`)}</dt>
                  <dd className="whitespace-pre-wrap break-words">{grade.basis[b]}</dd>
                </div>
              ))}
              <dt className="text-muted">{t("fields.files")}</dt>
              <dd>
                <div className="hidden print:block">{files.length === 0 ? "—" : format.list(files.map((f) => f.title), { type: "unit" })}</div>
                <div className="print:hidden">
                  <RecordFiles uploadUrl={`/api/grades/${grade.id}/evidence`} files={files} canAdd={canAddFiles} maxBytes={evidenceMaxBytes()} label={t("fields.files")} empty="—" />
                </div>
              </dd>
              <dt className="text-muted">{t("fields.confirmedRank")}</dt>
              <dd data-testid="confirmed-grade">
                {grade.rank ? (
                  <>
                    <Badge tone={grade.rank === scheme.config.grades.length ? "danger" : grade.rank === 1 ? "ok" : "neutral"}>{gradeName(scheme.config, grade.rank, locale)}</Badge>
                    <span className="ml-2 text-xs text-muted">{t("confirmedBy", { who: grade.confirmedBy?.name ?? "—", date: grade.confirmedAt ? when(grade.confirmedAt) : "—" })}</span>
                    {grade.reason ? <p className="mt-1 whitespace-pre-wrap break-words">{t("changedBecause", { reason: grade.reason })}</p> : null}
                  </>
                ) : (
                  <span className="text-warn">{t("awaitingConfirmation")}</span>
                )}
              </dd>
            </dl>
          ) : (
            <p className="text-sm text-muted">{t("notGradedYet", { year })}</p>
          )}
          <SignatureLines labels={[t("signProposer"), t("signConfirmer"), t("signDate")]} />
        </Card>

        {canPropose ? (
          <Card className="print:hidden">
            <h2 className="mb-3 font-medium">{grade ? t("changeProposalHeading") : t("proposeHeading")}</h2>
            <details className="mb-3 text-sm">
              <summary className="cursor-pointer text-brand">{t("criteriaSummary")}</summary>
              <GradeCriteria config={scheme.config} locale={locale} className="mt-2" />
            </details>
            <ProposeGradeForm
              orgId={org.id}
              year={year}
              grades={grades}
              rank={grade?.proposedRank ?? null}
              basis={grade?.basis ?? { organization: "", team: "", activity: "", system: "", support: "" }}
            />
          </Card>
        ) : null}

        {canConfirm && grade ? (
          <Card className="print:hidden">
            <h2 className="mb-3 font-medium">{grade.rank ? t("changeConfirmationHeading") : t("confirmHeading")}</h2>
            <ConfirmGradeForm gradeId={grade.id} grades={grades} rank={grade.rank ?? grade.proposedRank} reason={grade.reason ?? ""} />
          </Card>
        ) : null}

        {cases.length > 0 || (opensTurnaround(actor) && !org.closedAt) ? (
          <Card className="print:hidden">
            <section aria-labelledby="branch-turnaround">
              <h2 id="branch-turnaround" className="mb-2 font-medium">
                {t("turnaroundHeading")}
              </h2>
              {cases.length > 0 ? (
                <ul className="mb-2 space-y-1 text-sm">
                  {cases.map((c) => (
                    <li key={c.id}>
                      <Link href={`/branches/turnaround/${c.id}`} className="text-brand hover:underline">
                        {c.convertedOn ? t("caseConverted", { date: when(c.openedAt) }) : t("caseOpenSince", { date: when(c.openedAt) })}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              {opensTurnaround(actor) && !openCase && !org.closedAt ? (
                <Link href={`/branches/turnaround/new?orgId=${org.id}`} className={buttonVariants({ variant: "secondary" })}>
                  {t("openTurnaround")}
                </Link>
              ) : null}
            </section>
          </Card>
        ) : null}

        {models.sites.length > 0 || models.canDesignate ? (
          <Card className="print:hidden">
            <section aria-labelledby="branch-models">
              <h2 id="branch-models" className="mb-2 font-medium">
                {t("modelsHeading")}
              </h2>
              {models.sites.length > 0 ? (
                <ul className="mb-2 space-y-1 text-sm">
                  {models.sites.map((m) => (
                    <li key={m.id}>
                      <Link href={`/branches/models/${m.id}`} className="text-brand underline">
                        {m.title}
                      </Link>{" "}
                      <span className="text-muted">{m.withdrawnOn ? t("modelWithdrawn") : t("modelSince", { date: when(m.plaqueOn) })}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {models.canDesignate ? (
                <Link href={`/branches/models/new?orgId=${org.id}`} className={buttonVariants({ variant: "secondary" })}>
                  {t("designateModel")}
                </Link>
              ) : null}
            </section>
          </Card>
        ) : null}

        <Card>
          <section aria-labelledby="grade-history">
            <h2 id="grade-history" className="mb-3 font-medium">
              {t("historyHeading")}
            </h2>
            {history.length === 0 ? (
              <p className="text-sm text-muted">{t("noHistory")}</p>
            ) : (
              <table className="w-full text-sm">
                <thead className="text-left text-muted">
                  <tr>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("year")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("columns.grade")}</th>
                    <th scope="col" className="py-1 pr-3 font-medium">{t("columns.move")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-line">
                  {history.map((h) => (
                    <tr key={h.year}>
                      <th scope="row" className="py-1 pr-3 text-left font-normal">
                        <Link href={hrefWith(`/branches/grading/${org.id}`, { year: String(h.year) })} className="text-brand hover:underline">
                          {h.year}
                        </Link>
                      </th>
                      <td className="py-1 pr-3">{h.grade ?? <span className="text-warn">{t("proposedAs", { grade: h.proposed })}</span>}</td>
                      <td className="py-1 pr-3">{h.move ? <GradeMoveBadge move={h.move} /> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </Card>
      </div>
    </RecordProvider>
  );
}
