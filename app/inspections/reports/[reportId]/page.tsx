import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionForm, type FormField } from "@/components/inspections/action-form";
import { FindingStateBadge, SeverityBadge, TypeBadge } from "@/components/inspections/badges";
import { StepButton } from "@/components/inspections/step-button";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { isoDay } from "@/lib/dates";
import { guardPage } from "@/lib/server/access/guard-page";
import { prisma } from "@/lib/server/db";
import { commonCategoriesOfRound } from "@/lib/server/inspections/analysis";
import { listFindingCategories } from "@/lib/server/inspections/categories";
import { notFoundUnless } from "@/lib/server/inspections/not-found";
import { getReport } from "@/lib/server/inspections/queries";
import { FINDING_SEVERITIES } from "@/lib/validation/inspections";
import { localized } from "@/lib/org-label";
import { addAddendum, deleteFinding, issueReport, respondToReport, saveFinding, saveReport } from "./actions";

type Props = { params: Promise<{ reportId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspections"))("report") };
}

/**
 * An inspection report on one organization. The group writes it as a draft
 * and issues it; from then on it is frozen and corrections are dated
 * addenda. The unit reads it, answers it and rectifies each finding. It
 * prints on A4 with the signature lines.
 */
export default async function ReportPage({ params }: Props) {
  const { reportId } = await params;
  const actor = await guardPage("page:/inspections/reports/[reportId]", undefined, `/inspections/reports/${reportId}`);
  const [report, t, format, locale] = await Promise.all([
    notFoundUnless(getReport(actor, reportId)),
    getTranslations("inspections"),
    getFormatter(),
    getLocale(),
  ]);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const orgName = localized(report.org.name, report.org.nameEn, locale);
  const [categories, common, items] = report.canWrite
    ? await Promise.all([
        listFindingCategories({ activeOnly: true }),
        commonCategoriesOfRound(prisma, report.round.id),
        prisma.checklistItem.findMany({
          where: { orgId: report.org.id, status: { not: "WITHDRAWN" } },
          orderBy: [{ dueDate: "desc" }, { duty: { code: "asc" } }],
          take: 200,
          select: { id: true, dueDate: true, duty: { select: { code: true, title: true, titleEn: true } } },
        }),
      ])
    : [[], [], []];
  const commonNames = categories.filter((c) => common.includes(c.id)).map((c) => localized(c.name, c.nameEn, locale));
  const inspectors = report.inspectors.map((i) => i.user.name);

  const findingFields = (): FormField[] => [
    { name: "description", label: t("finding.description"), kind: "textarea", rows: 3 },
    { name: "categoryId", label: t("finding.category"), kind: "select", options: categories.map((c) => ({ value: c.id, label: localized(c.name, c.nameEn, locale) })) },
    { name: "severity", label: t("finding.severity"), kind: "select", options: FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) })) },
    {
      name: "tag",
      label: t("finding.tag"),
      kind: "select",
      blank: t("finding.tagNone"),
      options: [
        { value: "COMMON", label: t("tag.COMMON") },
        { value: "INDIVIDUAL", label: t("tag.INDIVIDUAL") },
      ],
      hint: commonNames.length > 0 ? t("finding.tagSuggestion", { categories: commonNames.join(t("listSeparator")) }) : t("finding.tagHint"),
    },
    {
      name: "itemId",
      label: t("finding.item"),
      kind: "select",
      blank: t("finding.itemNone"),
      options: items.map((i) => ({ value: i.id, label: t("finding.itemOption", { code: i.duty.code, title: localized(i.duty.title, i.duty.titleEn, locale), due: isoDay(i.dueDate) }) })),
    },
  ];

  return (
    <>
      <div className="print:hidden">
        <PageHeading
          title={t("reportTitle", { org: orgName, round: report.round.title })}
          actions={report.status === "ISSUED" ? <PrintButton /> : undefined}
        >
          <nav aria-label={t("breadcrumb")} className="mb-2 text-sm text-muted">
            <Link href="/inspections" className="hover:text-brand hover:underline">
              {t("title")}
            </Link>
            {" / "}
            <Link href={`/inspections/${report.round.id}`} className="hover:text-brand hover:underline">
              {report.round.title}
            </Link>
          </nav>
        </PageHeading>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:block">
        <article className="printable space-y-4" aria-label={t("report")}>
          <Card className="space-y-4 print:border-0 print:p-0 print:shadow-none">
            <div className="hidden text-center print:block">
              <p className="text-base">{localized(report.round.scopeOrg.name, report.round.scopeOrg.nameEn, locale)}</p>
              <h2 className="text-xl font-semibold">{t("printTitle", { round: report.round.title })}</h2>
            </div>
            <div className="flex flex-wrap items-center gap-2 print:hidden">
              <Badge tone={report.status === "ISSUED" ? "ok" : "neutral"} data-testid="report-status">
                {t(`reportStatus.${report.status}`)}
              </Badge>
              <TypeBadge type={report.round.type} unannounced={report.round.unannounced} />
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted">{t("col.org")}</dt>
              <dd className="font-medium">{orgName}</dd>
              <dt className="text-muted">{t("inspectedOn")}</dt>
              <dd>{report.inspectedOn ? day(report.inspectedOn) : "—"}</dd>
              <dt className="text-muted">{t("inspectors")}</dt>
              <dd>{inspectors.length > 0 ? inspectors.join(t("listSeparator")) : "—"}</dd>
              {report.issuedAt ? (
                <>
                  <dt className="text-muted">{t("issuedAt")}</dt>
                  <dd>{day(report.issuedAt)}</dd>
                </>
              ) : null}
            </dl>
            <section aria-labelledby="summary-heading">
              <h3 id="summary-heading" className="mb-1 font-semibold">
                {t("summary")}
              </h3>
              <p className="leading-relaxed whitespace-pre-line">{report.summary || t("noSummary")}</p>
            </section>
            <section aria-labelledby="findings-heading">
              <h3 id="findings-heading" className="mb-2 font-semibold">
                {t("findingsHeading", { count: report.findings.length })}
              </h3>
              {report.findings.length === 0 ? (
                <p className="text-sm text-muted">{t("noFindings")}</p>
              ) : (
                <div className="relative overflow-x-auto">
                  <table className="w-full min-w-[40rem] text-sm print-table">
                    <thead className="text-left text-muted print:text-ink">
                      <tr>
                        <th scope="col" className="py-1 pr-2 font-medium whitespace-nowrap">{t("col.seq")}</th>
                        <th scope="col" className="py-1 pr-2 font-medium">{t("col.finding")}</th>
                        <th scope="col" className="py-1 pr-2 font-medium">{t("col.category")}</th>
                        <th scope="col" className="py-1 pr-2 font-medium">{t("col.deadline")}</th>
                        <th scope="col" className="py-1 pr-2 font-medium">{t("col.state")}</th>
                        {report.canWrite ? <th scope="col" className="py-1 font-medium"><span className="sr-only">{t("col.actions")}</span></th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {report.findings.map((f) => (
                        <tr key={f.id} className="border-t border-line align-top" data-testid="report-finding">
                          <td className="py-2 pr-2 tabular-nums">{f.seq}</td>
                          <td className="py-2 pr-2">
                            <Link href={`/findings/${f.id}`} className="text-brand hover:underline print:text-ink print:no-underline">
                              {f.description}
                            </Link>
                            <span className="mt-1 flex flex-wrap gap-1">
                              <SeverityBadge severity={f.severity} />
                              {f.tag ? <Badge data-testid="finding-tag">{t(`tag.${f.tag}`)}</Badge> : null}
                              {report.canWrite && !f.tag && common.includes(f.categoryId) ? (
                                <Badge tone="warn" data-testid="suggest-common">
                                  {t("finding.suggestCommon")}
                                </Badge>
                              ) : null}
                              {f.duty ? <Badge>{`${f.duty.code} ${localized(f.duty.title, f.duty.titleEn, locale)}`}</Badge> : null}
                            </span>
                          </td>
                          <td className="py-2 pr-2">{localized(f.category.name, f.category.nameEn, locale)}</td>
                          <td className="py-2 pr-2 whitespace-nowrap">{f.deadline ? day(f.deadline) : "—"}</td>
                          <td className="py-2 pr-2">
                            <FindingStateBadge state={f.state} warning={f.warning} />
                          </td>
                          {report.canWrite ? (
                            <td className="space-y-2 py-2">
                              <details className="text-sm">
                                <summary className="cursor-pointer text-brand">{t("finding.edit")}</summary>
                                <div className="mt-2 w-72">
                                  <ActionForm
                                    id={`finding-${f.id}`}
                                    schema="saveFinding"
                                    action={saveFinding}
                                    defaultValues={{
                                      reportId: report.id,
                                      findingId: f.id,
                                      description: f.description,
                                      categoryId: f.categoryId,
                                      severity: f.severity,
                                      tag: f.tag ?? "",
                                      itemId: f.itemId ?? "",
                                    }}
                                    fields={findingFields()}
                                    submitLabel={t("finding.saveEdit")}
                                    variant="secondary"
                                  />
                                </div>
                              </details>
                              <StepButton
                                action={deleteFinding}
                                input={{ reportId: report.id, findingId: f.id }}
                                label={t("finding.delete")}
                                variant="secondary"
                                confirm={t("finding.deleteConfirm", { seq: f.seq })}
                              />
                            </td>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            {report.addenda.length > 0 ? (
              <section aria-labelledby="addenda-heading">
                <h3 id="addenda-heading" className="mb-1 font-semibold">
                  {t("addenda")}
                </h3>
                <ol className="space-y-2 text-sm">
                  {report.addenda.map((a) => (
                    <li key={a.id} data-testid="addendum">
                      <span className="text-muted">{t("addendumBy", { at: when(a.createdAt), name: a.createdBy?.name ?? "—" })}</span>
                      <p className="whitespace-pre-line">{a.text}</p>
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
            {report.response ? (
              <section aria-labelledby="response-heading">
                <h3 id="response-heading" className="mb-1 font-semibold">
                  {t("response")}
                </h3>
                <p className="whitespace-pre-line">{report.response}</p>
                {report.respondedAt ? (
                  <p className="mt-1 text-sm text-muted">{t("respondedBy", { at: when(report.respondedAt), name: report.respondedBy?.name ?? "—" })}</p>
                ) : null}
              </section>
            ) : null}
            {report.status === "ISSUED" ? (
              <SignatureLines className="hidden print:grid" labels={[t("sign.leader"), t("sign.unitHead"), t("sign.date")]} caption={t("sign.caption")} />
            ) : null}
          </Card>
        </article>

        <aside className="space-y-4 print:hidden">
          {report.canWrite ? (
            <>
              <Card>
                <h2 className="mb-3 font-semibold">{t("editReport")}</h2>
                <ActionForm
                  id="report"
                  schema="saveReport"
                  action={saveReport}
                  defaultValues={{
                    reportId: report.id,
                    expectedVersion: report.version,
                    summary: report.summary,
                    inspectedOn: report.inspectedOn ? isoDay(report.inspectedOn) : "",
                    inspectorIds: report.inspectors.map((i) => i.user.id),
                  }}
                  fields={[
                    { name: "summary", label: t("summary"), kind: "textarea", rows: 5 },
                    { name: "inspectedOn", label: t("inspectedOn"), kind: "date" },
                    { name: "inspectorIds", label: t("inspectors"), kind: "checkboxes", options: report.round.members.map((m) => ({ value: m.user.id, label: m.user.name })) },
                  ]}
                  submitLabel={t("saveReport")}
                  variant="secondary"
                  doneMessage={t("saved")}
                />
              </Card>
              <Card>
                <h2 className="mb-3 font-semibold">{t("finding.add")}</h2>
                <ActionForm
                  id="finding"
                  schema="saveFinding"
                  action={saveFinding}
                  defaultValues={{ reportId: report.id, description: "", categoryId: categories[0]?.id ?? "", severity: "LOW", tag: "", itemId: "" }}
                  fields={findingFields()}
                  submitLabel={t("finding.addSubmit")}
                  variant="secondary"
                  resetOnSuccess
                  doneMessage={t("finding.added")}
                />
              </Card>
              <Card>
                <h2 className="mb-2 font-semibold">{t("issue")}</h2>
                <p className="mb-3 text-sm text-muted">{t("issueHint")}</p>
                <StepButton
                  action={issueReport}
                  input={{ reportId: report.id, expectedVersion: report.version }}
                  label={t("issueSubmit")}
                  confirm={t("issueConfirm")}
                />
              </Card>
            </>
          ) : null}
          {report.canAmend ? (
            <Card>
              <h2 className="mb-2 font-semibold">{t("addAddendum")}</h2>
              <p className="mb-3 text-sm text-muted">{t("addendumHint")}</p>
              <ActionForm
                id="addendum"
                schema="addendum"
                action={addAddendum}
                defaultValues={{ reportId: report.id, text: "" }}
                fields={[{ name: "text", label: t("addendumText"), kind: "textarea", rows: 3 }]}
                submitLabel={t("addAddendumSubmit")}
                variant="secondary"
                resetOnSuccess
              />
            </Card>
          ) : null}
          {report.canRespond ? (
            <Card>
              <h2 className="mb-2 font-semibold">{t("respond")}</h2>
              <ActionForm
                id="respond"
                schema="respond"
                action={respondToReport}
                defaultValues={{ reportId: report.id, response: report.response ?? "" }}
                fields={[{ name: "response", label: t("responseText"), kind: "textarea", rows: 4, hint: t("responseHint") }]}
                submitLabel={t("respondSubmit")}
                variant="secondary"
                doneMessage={t("saved")}
              />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
