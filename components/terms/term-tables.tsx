import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LedgerTableFrame } from "@/components/findings/ledger-tables";
import { TermStateBadge } from "@/components/terms/term-state-badge";
import { localized } from "@/lib/org-label";
import type { HeadLedgerRow, TalkLedgerRow } from "@/lib/server/terms/list-records";
import type { TermLedgerRow } from "@/lib/server/terms/list-terms";
import { TERM_LEDGER_COLUMNS, type TermLedger } from "@/lib/term-ledgers";
import { cn } from "@/lib/utils";

const TD = "px-3 py-2 align-top";

type TableProps<R> = { rows: R[]; caption: string; /** The number of the first row (for later pages). */ firstNo: number };

function useCells(kind: TermLedger) {
  const format = useFormatter();
  const locale = useLocale();
  const t = useTranslations("terms");
  return {
    t,
    locale,
    headers: TERM_LEDGER_COLUMNS[kind].map((c) => t(`columns.${c.key}`)),
    /** A date column (UTC midnight). */
    day: (d: Date | null) => (d ? format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }) : t("none")),
  };
}

/** The organization's name, linking to its term page (current term, history, records). */
function OrgLink({ org, locale }: { org: { id: string; name: string; nameEn: string | null }; locale: string }) {
  return (
    <Link href={`/terms/${org.id}`} className="font-medium text-ink hover:text-brand hover:underline" data-testid="term-org-link">
      {localized(org.name, org.nameEn, locale)}
    </Link>
  );
}

function No({ n }: { n: number }) {
  return <td className={cn(TD, "text-muted tabular-nums")}>{n}</td>;
}

function Text({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return <td className={cn(TD, wide ? "min-w-64 whitespace-pre-line" : "min-w-24")}>{children}</td>;
}

/** The term ledger's columns on the page: its state first after the organization, so that a phone shows it without scrolling (the export keeps one column per fact). */
const TERM_PAGE_COLUMNS = ["no", "org", "state", "dueOn", "electedOn", "termYears", "secretary", "members", "approval"] as const;

/** 换届台账: each organization that holds terms, its current term and how near its due day it is. */
export function TermLedgerTable({ rows, caption, firstNo }: TableProps<TermLedgerRow>) {
  const { t, locale, day } = useCells("terms");
  const tt = useTranslations("orgType");
  return (
    <LedgerTableFrame caption={caption} headers={TERM_PAGE_COLUMNS.map((c) => t(`columns.${c}`))}>
      {rows.map((row, i) => (
        <tr
          key={row.org.id}
          className={cn("border-t border-line", row.state === "red" && "bg-red-50/40")}
          data-testid="term-row"
          data-org={row.org.id}
          data-state={row.state}
        >
          <No n={firstNo + i} />
          <td className={cn(TD, "min-w-44")}>
            <OrgLink org={row.org} locale={locale} />
            <div className="text-xs text-muted print:text-ink">
              {tt(row.org.type)}
              {row.parent ? ` · ${localized(row.parent.name, row.parent.nameEn, locale)}` : null}
            </div>
          </td>
          <td className={TD}>
            <TermStateBadge state={row.state} warning={row.warning} />
          </td>
          <td className={cn(TD, "whitespace-nowrap tabular-nums", row.state === "red" && "font-medium text-danger")}>{day(row.term?.dueOn ?? null)}</td>
          <td className={cn(TD, "whitespace-nowrap tabular-nums")}>{day(row.term?.electedOn ?? null)}</td>
          <td className={cn(TD, "whitespace-nowrap tabular-nums")}>{row.term ? t("years", { years: row.term.termYears }) : t("none")}</td>
          <td className={cn(TD, "whitespace-nowrap")}>{row.term?.secretaryName ?? t("none")}</td>
          <td className={cn(TD, "min-w-40")}>{row.term ? row.term.members.join(t("nameSeparator")) : t("none")}</td>
          <td className={cn(TD, "min-w-48")}>
            {row.term?.approvedOn ? (
              <>
                <div className="whitespace-nowrap tabular-nums">{day(row.term.approvedOn)}</div>
                {row.term.approvalNote ? <div className="text-xs whitespace-pre-line text-muted print:text-ink">{row.term.approvalNote}</div> : null}
              </>
            ) : row.term ? (
              <span className="text-muted print:text-ink">{t("notApproved")}</span>
            ) : (
              t("none")
            )}
          </td>
        </tr>
      ))}
    </LedgerTableFrame>
  );
}

/** 任职谈话台账. */
export function TalkLedgerTable({ rows, caption, firstNo }: TableProps<TalkLedgerRow>) {
  const { t, locale, headers, day } = useCells("talks");
  return (
    <LedgerTableFrame caption={caption} headers={headers}>
      {rows.map((row, i) => (
        <tr key={row.id} className="border-t border-line" data-testid="talk-row">
          <No n={firstNo + i} />
          <td className={cn(TD, "min-w-48")}>
            <OrgLink org={row.org} locale={locale} />
          </td>
          <td className={cn(TD, "whitespace-nowrap tabular-nums")}>{day(row.talkedOn)}</td>
          <td className={cn(TD, "whitespace-nowrap")}>{row.appointeeName}</td>
          <Text>{row.talkedBy}</Text>
          <Text wide>{row.points}</Text>
          <td className={cn(TD, "whitespace-nowrap")}>{row.recordedBy ?? t("none")}</td>
        </tr>
      ))}
    </LedgerTableFrame>
  );
}

/** 负责人调整台账. */
export function HeadLedgerTable({ rows, caption, firstNo }: TableProps<HeadLedgerRow>) {
  const { t, locale, headers, day } = useCells("heads");
  return (
    <LedgerTableFrame caption={caption} headers={headers}>
      {rows.map((row, i) => (
        <tr key={row.id} className="border-t border-line" data-testid="head-row">
          <No n={firstNo + i} />
          <td className={cn(TD, "min-w-48")}>
            <OrgLink org={row.org} locale={locale} />
          </td>
          <td className={cn(TD, "whitespace-nowrap tabular-nums")}>{day(row.changedOn)}</td>
          <td className={cn(TD, "whitespace-nowrap")}>{row.previousName ?? t("none")}</td>
          <td className={cn(TD, "whitespace-nowrap")}>{row.newName}</td>
          <Text wide>{row.consultation}</Text>
          <td className={cn(TD, "whitespace-nowrap")}>{row.recordedBy ?? t("none")}</td>
        </tr>
      ))}
    </LedgerTableFrame>
  );
}
