import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FindingStateBadge, SeverityBadge } from "@/components/inspections/badges";
import { DeleteFindingButton, FindingForm, type FindingChoices } from "@/components/inspections/report-forms";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/lib/org-label";
import type { ReportPage } from "@/lib/server/inspections/queries";

type Writing = { choices: FindingChoices; common: string[] };

/** The findings of a report, in order; while the group writes a draft, each can be changed or deleted. */
export async function ReportFindingsTable({ report, writing, day }: { report: ReportPage; writing: Writing | null; day: (d: Date) => string }) {
  const [t, tr, locale] = await Promise.all([getTranslations("inspections"), getTranslations(), getLocale()]);
  if (report.findings.length === 0) return <p className="text-sm text-muted">{t("noFindings")}</p>;
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[40rem] text-sm print-table">
        <thead className="text-left text-muted print:text-ink">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium whitespace-nowrap">{t("col.seq")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("col.finding")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("col.category")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("col.deadline")}</th>
            <th scope="col" className="py-1 pr-2 font-medium">{t("col.state")}</th>
            {writing ? <th scope="col" className="py-1 font-medium"><span className="sr-only">{t("col.actions")}</span></th> : null}
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
                  {f.tag ? <Badge data-testid="finding-tag">{tr(`findingTag.${f.tag}`)}</Badge> : null}
                  {writing && !f.tag && writing.common.includes(f.categoryId) ? (
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
              {writing ? (
                <td className="space-y-2 py-2">
                  <details className="text-sm">
                    <summary className="cursor-pointer text-brand">{t("finding.edit")}</summary>
                    <div className="mt-2 w-72">
                      <FindingForm
                        reportId={report.id}
                        finding={{
                          findingId: f.id,
                          description: f.description,
                          categoryId: f.categoryId,
                          severity: f.severity,
                          tag: f.tag ?? "",
                          itemId: f.itemId ?? "",
                        }}
                        choices={writing.choices}
                      />
                    </div>
                  </details>
                  <DeleteFindingButton reportId={report.id} findingId={f.id} seq={f.seq} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
