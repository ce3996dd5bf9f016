import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Fragment } from "react";
import { StatusBadge } from "@/components/checklists/status-badge";
import { localized } from "@/lib/org-label";
import type { ChecklistRow } from "@/lib/server/checklists/list-checklist-items";
import type { ChecklistItemRow } from "@/lib/server/checklists/select";
import { cn } from "@/lib/utils";

export function OccurrenceLabel({ frequency, occurrence }: { frequency: ChecklistItemRow["duty"]["frequency"]; occurrence: number }) {
  const t = useTranslations("occurrence");
  if (frequency === "YEARLY" || frequency === "ONCE") return null;
  return <span className="text-xs text-muted">{t(frequency, { n: occurrence })}</span>;
}

/** Checklist rows grouped under a heading per duty kind; rows arrive ordered by kind. */
export function ChecklistTable({ rows, showOrg }: { rows: ChecklistRow[]; showOrg: boolean }) {
  const t = useTranslations("checklist");
  const tk = useTranslations("kind");
  const format = useFormatter();
  const locale = useLocale();
  const columns = showOrg ? 5 : 4;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-line bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-surface text-xs text-muted">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">{t("duty")}</th>
            {showOrg ? <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">{t("org")}</th> : null}
            <th scope="col" className="hidden px-4 py-2 font-medium whitespace-nowrap sm:table-cell">{t("due")}</th>
            <th scope="col" className="hidden px-4 py-2 font-medium sm:table-cell">{t("status")}</th>
            <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">{t("completedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const isNewKind = index === 0 || rows[index - 1]?.duty.kind !== row.duty.kind;
            const due = format.dateTime(row.dueDate, { dateStyle: "medium", timeZone: "UTC" });
            const delegate = row.delegatedOrg ? localized(row.delegatedOrg.name, row.delegatedOrg.nameEn, locale) : row.delegatedTo?.name;
            return (
              <Fragment key={row.id}>
                {isNewKind ? (
                  <tr className="border-t border-line bg-brand-soft/60">
                    <th scope="colgroup" colSpan={columns} className="px-4 py-2 text-left text-sm font-semibold text-brand">
                      {tk(row.duty.kind)}
                    </th>
                  </tr>
                ) : null}
                <tr className={cn("border-t border-line align-top", row.isOverdue && "bg-red-50/40")} data-testid="checklist-row">
                  <td className="px-4 py-3">
                    <Link href={`/duties/${row.id}`} className="font-medium text-ink hover:text-brand hover:underline">
                      <span className="mr-2 font-mono text-xs text-muted">{row.duty.code}</span>
                      {localized(row.duty.title, row.duty.titleEn, locale)}
                    </Link>
                    <div className="flex flex-wrap items-center gap-2">
                      <OccurrenceLabel frequency={row.duty.frequency} occurrence={row.occurrence} />
                      {delegate ? (
                        <span className="text-xs text-warn" data-testid="row-delegated">
                          {t("delegatedTo", { to: delegate })}
                        </span>
                      ) : null}
                    </div>
                    {/* On a phone, due date and status sit under the title. */}
                    <div className="mt-1 flex flex-wrap items-center gap-2 sm:hidden">
                      <span className={cn("text-xs", row.isOverdue ? "font-medium text-danger" : "text-muted")}>{due}</span>
                      <StatusBadge status={row.status} isOverdue={row.isOverdue} warning={row.warning} reviewComment={row.reviewComment} />
                    </div>
                  </td>
                  {showOrg ? <td className="hidden px-4 py-3 text-muted sm:table-cell">{localized(row.org.name, row.org.nameEn, locale)}</td> : null}
                  <td className={cn("hidden px-4 py-3 whitespace-nowrap sm:table-cell", row.isOverdue && "font-medium text-danger")}>{due}</td>
                  <td className="hidden px-4 py-3 sm:table-cell">
                    <StatusBadge status={row.status} isOverdue={row.isOverdue} warning={row.warning} reviewComment={row.reviewComment} />
                  </td>
                  <td className="hidden px-4 py-3 text-muted md:table-cell">
                    {row.completedBy ? row.completedBy.name : "—"}
                  </td>
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
