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

/** The heading a row falls under: its warning when red or yellow (those come first), its duty kind otherwise. */
function groupOf(row: ChecklistRow): "red" | "yellow" | ChecklistRow["duty"]["kind"] {
  const colour = row.warning?.colour;
  return colour === "red" || colour === "yellow" ? colour : row.duty.kind;
}

const GROUP_STYLES = { red: "bg-red-50 text-danger", yellow: "bg-amber-50 text-warn" } as const;

/**
 * Checklist rows under a heading per group: red items, yellow items, then
 * one heading per duty kind; rows arrive in that order (listChecklistItems).
 */
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
            const group = groupOf(row);
            const isWarned = group === "red" || group === "yellow";
            const previous = rows[index - 1];
            const isNewGroup = !previous || groupOf(previous) !== group;
            const due = format.dateTime(row.dueDate, { dateStyle: "medium", timeZone: "UTC" });
            const delegate = row.delegatedOrg ? localized(row.delegatedOrg.name, row.delegatedOrg.nameEn, locale) : row.delegatedTo?.name;
            return (
              <Fragment key={row.id}>
                {isNewGroup ? (
                  <tr className={cn("border-t border-line", isWarned ? GROUP_STYLES[group] : "bg-brand-soft/60 text-brand")} data-testid="checklist-group">
                    <th scope="colgroup" colSpan={columns} className="px-4 py-2 text-left text-sm font-semibold">
                      {group === "red" ? t("groupRed") : group === "yellow" ? t("groupYellow") : tk(group)}
                    </th>
                  </tr>
                ) : null}
                <tr className={cn("border-t border-line align-top", row.isOverdue && "bg-red-50/40")} data-testid="checklist-row">
                  <td className="px-4 py-3">
                    <Link href={`/checklists/${row.id}`} className="font-medium text-ink hover:text-brand hover:underline">
                      <span className="mr-2 font-mono text-xs text-muted">{row.duty.code}</span>
                      {localized(row.duty.title, row.duty.titleEn, locale)}
                    </Link>
                    <div className="flex flex-wrap items-center gap-2">
                      {isWarned ? <span className="text-xs text-muted">{tk(row.duty.kind)}</span> : null}
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
