import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { WarningBadge } from "@/components/checklists/warning-badge";
import { FindingStateBadge } from "@/components/inspections/badges";
import { TIME_ZONE } from "@/lib/dates";
import { localized } from "@/lib/org-label";
import type { LedgerList, LedgerRow } from "@/lib/server/inspections/list-findings";
import { cn } from "@/lib/utils";

type TableProps = { rows: LedgerRow[]; caption: string; /** The number of the first row (for later pages). */ firstNo: number };

const TH = "px-3 py-2 font-medium whitespace-nowrap";
const TD = "px-3 py-2 align-top";

/** A wide table that scrolls sideways on a phone and can be scrolled with the keyboard; prints whole (the term ledgers use it too). */
export function LedgerTableFrame({ caption, headers, children }: { caption: string; headers: string[]; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="ledger-table relative overflow-x-auto rounded-lg border border-line bg-white print:overflow-visible print:rounded-none print:border-0"
    >
      <table className="w-full min-w-[56rem] border-collapse text-left text-sm print:min-w-0">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface text-xs text-muted print:text-ink">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className={TH}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

function useCells() {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("rectification");
  const tr = useTranslations();
  return {
    t,
    tr,
    locale,
    /** A date column (UTC midnight). */
    day: (d: Date | null) => (d ? format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }) : t("none")),
    /** A moment, as its day in Beijing. */
    dayOf: (d: Date | null) => (d ? format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TIME_ZONE }) : t("none")),
    unit: (row: LedgerRow) => localized(row.org.name, row.org.nameEn, locale),
  };
}

/** The problem's text, linking to the finding's page. */
function ProblemLink({ row }: { row: LedgerRow }) {
  return (
    <Link href={`/findings/${row.id}`} className="font-medium text-ink hover:text-brand hover:underline" data-testid="ledger-problem-link">
      {row.description}
    </Link>
  );
}

function Row({ row, children }: { row: LedgerRow; children: ReactNode }) {
  return (
    <tr
      className={cn("border-t border-line", row.warning?.colour === "red" && "bg-red-50/40")}
      data-testid="ledger-row"
      data-finding={row.id}
      data-state={row.state}
    >
      {children}
    </tr>
  );
}

/** 问题清单: what was found, where, in which round. */
export function ProblemsTable({ rows, caption, firstNo }: TableProps) {
  const { t, tr, locale, unit } = useCells();
  const headers = ["no", "unit", "round", "category", "severity", "tag", "description", "duty", "state"].map((k) => t(`columns.${k}`));
  return (
    <LedgerTableFrame caption={caption} headers={headers}>
      {rows.map((row, i) => (
        <Row key={row.id} row={row}>
          <td className={cn(TD, "text-muted tabular-nums")}>{firstNo + i}</td>
          <td className={cn(TD, "min-w-32")}>{unit(row)}</td>
          <td className={cn(TD, "min-w-40")}>
            <div>{row.round.title}</div>
            <div className="text-xs text-muted">{tr(`inspectionType.${row.round.type}`)}</div>
          </td>
          <td className={cn(TD, "whitespace-nowrap")}>{localized(row.category.name, row.category.nameEn, locale)}</td>
          <td className={cn(TD, "whitespace-nowrap", row.severity === "HIGH" && "font-medium text-danger")}>{tr(`findingSeverity.${row.severity}`)}</td>
          <td className={cn(TD, "whitespace-nowrap")}>{row.tag ? tr(`findingTag.${row.tag}`) : t("none")}</td>
          <td className={cn(TD, "min-w-64")}>
            <ProblemLink row={row} />
          </td>
          <td className={cn(TD, "min-w-40 text-muted print:text-ink")}>
            {row.duty ? (
              <>
                <span className="mr-1 font-mono text-xs">{row.duty.code}</span>
                {localized(row.duty.title, row.duty.titleEn, locale)}
              </>
            ) : (
              t("none")
            )}
          </td>
          <td className={TD}>
            <FindingStateBadge state={row.state} />
          </td>
        </Row>
      ))}
    </LedgerTableFrame>
  );
}

/** 任务清单: the measures, by when, how far along. */
export function TasksTable({ rows, caption, firstNo }: TableProps) {
  const { t, unit, day, dayOf } = useCells();
  const headers = ["no", "unit", "description", "measures", "deadline", "warning", "state", "lastProgress"].map((k) => t(`columns.${k}`));
  return (
    <LedgerTableFrame caption={caption} headers={headers}>
      {rows.map((row, i) => (
        <Row key={row.id} row={row}>
          <td className={cn(TD, "text-muted tabular-nums")}>{firstNo + i}</td>
          <td className={cn(TD, "min-w-32")}>{unit(row)}</td>
          <td className={cn(TD, "min-w-56")}>
            <ProblemLink row={row} />
          </td>
          <td className={cn(TD, "min-w-64 whitespace-pre-line")}>{row.measures || t("none")}</td>
          <td className={cn(TD, "whitespace-nowrap tabular-nums", row.warning?.colour === "red" && "font-medium text-danger")}>{day(row.deadline)}</td>
          <td className={TD}>{row.warning ? <WarningBadge colour={row.warning.colour} daysLeft={row.warning.daysLeft} /> : t("none")}</td>
          <td className={TD}>
            <FindingStateBadge state={row.state} />
          </td>
          <td className={cn(TD, "min-w-48")}>
            {row.lastEvent ? (
              <>
                <div className="text-xs text-muted tabular-nums print:text-ink">{dayOf(row.lastEvent.at)}</div>
                <div className="whitespace-pre-line">{row.lastEvent.text || t(`eventKind.${row.lastEvent.kind}`)}</div>
              </>
            ) : (
              t("none")
            )}
          </td>
        </Row>
      ))}
    </LedgerTableFrame>
  );
}

/** 责任清单: who answers for it, and who accepted its close-out when. */
export function ResponsibilitiesTable({ rows, caption, firstNo }: TableProps) {
  const { t, tr, unit, day, dayOf } = useCells();
  const headers = ["no", "unit", "description", "owner", "deadline", "acceptances", "closedOn"].map((k) => t(`columns.${k}`));
  return (
    <LedgerTableFrame caption={caption} headers={headers}>
      {rows.map((row, i) => {
        const parties = [...new Set([...row.requiredParties, ...row.acceptances.map((a) => a.party)])];
        return (
          <Row key={row.id} row={row}>
            <td className={cn(TD, "text-muted tabular-nums")}>{firstNo + i}</td>
            <td className={cn(TD, "min-w-32")}>{unit(row)}</td>
            <td className={cn(TD, "min-w-56")}>
              <ProblemLink row={row} />
              <div className="mt-1">
                <FindingStateBadge state={row.state} />
              </div>
            </td>
            <td className={cn(TD, "whitespace-nowrap")}>{row.owner?.name ?? t("none")}</td>
            <td className={cn(TD, "whitespace-nowrap tabular-nums", row.warning?.colour === "red" && "font-medium text-danger")}>{day(row.deadline)}</td>
            <td className={cn(TD, "min-w-56")}>
              <ul className="space-y-0.5" data-testid="ledger-acceptances">
                {parties.map((party) => {
                  const a = row.acceptances.find((x) => x.party === party);
                  return (
                    <li key={party} data-party={party} data-accepted={a ? "true" : "false"}>
                      <span className="font-medium">{t("partyColon", { party: tr(`acceptanceParty.${party}`) })}</span>
                      {a ? (
                        <span>
                          {a.by ?? t("none")} <span className="text-muted tabular-nums print:text-ink">{dayOf(a.at)}</span>
                        </span>
                      ) : (
                        <span className="text-muted print:text-ink">{t("pending")}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </td>
            <td className={cn(TD, "whitespace-nowrap tabular-nums")}>{dayOf(row.closedAt)}</td>
          </Row>
        );
      })}
    </LedgerTableFrame>
  );
}

const TABLES = { problems: ProblemsTable, tasks: TasksTable, responsibilities: ResponsibilitiesTable } as const satisfies Record<LedgerList, unknown>;

export function LedgerTable({ list, ...props }: TableProps & { list: LedgerList }) {
  const Table = TABLES[list];
  return <Table {...props} />;
}
