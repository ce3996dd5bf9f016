import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { TermStateBadge } from "@/components/terms/term-state-badge";
import { Card } from "@/components/ui/card";
import { TIME_ZONE } from "@/lib/dates";
import { hrefWith } from "@/lib/href";
import type { HeadChangeRecord, TalkRecord, TermCorrection, TermRecord } from "@/lib/server/terms/get-org-terms";
import type { TermState } from "@/lib/term-kinds";
import type { ItemWarning } from "@/lib/warnings";

// What an organization's term page shows: its current term, the terms before it with their corrections, its talks and head changes.

function useDay() {
  const format = useFormatter();
  const t = useTranslations("terms");
  return {
    /** A date column (UTC midnight). */
    day: (d: Date | null | undefined) => (d ? format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }) : t("none")),
    /** A moment, in Beijing. */
    at: (d: Date) => format.dateTime(d, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE }),
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-0.5 text-sm break-words whitespace-pre-line">{children}</dd>
    </div>
  );
}

/** The facts of one term, current or past. */
function TermFacts({ term, ended }: { term: TermRecord; ended?: boolean }) {
  const t = useTranslations("terms");
  const { day } = useDay();
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
      <Fact label={t("fields.electedOn")}>{day(term.electedOn)}</Fact>
      <Fact label={t("fields.termYears")}>{t("years", { years: term.termYears })}</Fact>
      <Fact label={t("fields.dueOn")}>{day(term.dueOn)}</Fact>
      {ended ? <Fact label={t("fields.endedOn")}>{day(term.endedOn)}</Fact> : null}
      <Fact label={t("fields.secretary")}>
        {term.secretaryName}
        {term.secretary ? <span className="text-muted"> {t("account", { username: term.secretary.username })}</span> : null}
      </Fact>
      <Fact label={t("fields.members")}>{term.members.join(t("nameSeparator"))}</Fact>
      <Fact label={t("fields.approval")}>
        {term.approvedOn ? day(term.approvedOn) : t("notApproved")}
        {term.approvalNote ? `\n${term.approvalNote}` : ""}
      </Fact>
      {term.note ? <Fact label={t("fields.note")}>{term.note}</Fact> : null}
      <Fact label={t("fields.recordedBy")}>{term.recordedBy?.name ?? t("none")}</Fact>
    </dl>
  );
}

const CORRECTED_FIELDS = ["electedOn", "termYears", "dueOn", "secretaryName", "secretaryId", "members", "approvedOn", "approvalNote", "endedOn", "note"] as const;

/** Every correction of a term: who, when, and each field before and after. The history is never rewritten silently. */
function Corrections({ corrections }: { corrections: TermCorrection[] }) {
  const t = useTranslations("terms");
  const { at } = useDay();
  if (corrections.length === 0) return null;
  const value = (v: unknown) => (Array.isArray(v) ? v.join(t("nameSeparator")) : v === null || v === undefined || v === "" ? t("none") : String(v));
  return (
    <div className="mt-3 rounded-md border border-line bg-surface p-3" data-testid="term-corrections">
      <h4 className="text-sm font-medium">{t("corrections", { count: corrections.length })}</h4>
      <ol className="mt-2 space-y-2 text-sm">
        {corrections.map((c) => (
          <li key={c.id}>
            <p className="text-xs text-muted">{t("correctedBy", { name: c.by ?? t("system"), at: at(c.at) })}</p>
            <ul className="mt-1 space-y-0.5">
              {CORRECTED_FIELDS.filter((f) => f in c.after).map((f) => (
                <li key={f}>{t("correction", { field: t(`fields.${f}`), from: value(c.before[f]), to: value(c.after[f]) })}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The current term, in the ledger's colours; "none recorded" when there is none. */
export function CurrentTerm({ term, edit }: { term: (TermRecord & { state: TermState; warning: ItemWarning }) | null; edit?: ReactNode }) {
  const t = useTranslations("terms");
  return (
    <Card aria-labelledby="current-term" data-testid="current-term">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="current-term" className="font-semibold">
          {t("current")}
        </h2>
        {term ? <TermStateBadge state={term.state} warning={term.warning} /> : <TermStateBadge state="missing" warning={null} />}
      </div>
      {term ? (
        <>
          <TermFacts term={term} />
          <Corrections corrections={term.corrections} />
          {edit}
        </>
      ) : (
        <p className="text-sm text-muted">{t("noCurrent")}</p>
      )}
    </Card>
  );
}

/** The terms before the current one, newest first, each with its corrections (and, for a recorder, a form to correct it). */
export function TermHistory({ terms, editFor }: { terms: TermRecord[]; editFor?: (term: TermRecord) => ReactNode }) {
  const t = useTranslations("terms");
  const { day } = useDay();
  return (
    <Card aria-labelledby="term-history" data-testid="term-history">
      <h2 id="term-history" className="mb-3 font-semibold">
        {t("history")}
      </h2>
      {terms.length === 0 ? (
        <p className="text-sm text-muted">{t("noHistory")}</p>
      ) : (
        <ol className="space-y-4">
          {terms.map((term) => (
            <li key={term.id} className="border-t border-line pt-4 first:border-t-0 first:pt-0" data-testid="past-term">
              <h3 className="mb-2 text-sm font-medium">{t("termSpan", { from: day(term.electedOn), to: day(term.endedOn) })}</h3>
              <TermFacts term={term} ended />
              <Corrections corrections={term.corrections} />
              {editFor?.(term)}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** The organization's appointment talks, newest first, with a link to the whole ledger when there are more. */
export function OrgTalks({ orgId, talks, total, form }: { orgId: string; talks: TalkRecord[]; total: number; form?: ReactNode }) {
  const t = useTranslations("terms");
  const { day } = useDay();
  return (
    <Card aria-labelledby="org-talks">
      <h2 id="org-talks" className="mb-3 font-semibold">
        {t("ledgers.talks")}
      </h2>
      {talks.length === 0 ? (
        <p className="text-sm text-muted">{t("empty.talks")}</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {talks.map((talk) => (
            <li key={talk.id} className="border-t border-line pt-3 first:border-t-0 first:pt-0" data-testid="org-talk">
              <p className="font-medium">{t("talkLine", { appointee: talk.appointeeName, date: day(talk.talkedOn) })}</p>
              <p className="text-muted">{t("talkedByLine", { talkedBy: talk.talkedBy })}</p>
              <p className="mt-1 whitespace-pre-line">{talk.points}</p>
            </li>
          ))}
        </ol>
      )}
      {total > talks.length ? (
        <Link href={hrefWith("/terms/talks", { org: orgId })} className="mt-3 inline-block text-sm text-brand hover:underline">
          {t("allRecords", { count: total })}
        </Link>
      ) : null}
      {form}
    </Card>
  );
}

/** The organization's head changes, newest first. */
export function OrgHeadChanges({ orgId, changes, total, form }: { orgId: string; changes: HeadChangeRecord[]; total: number; form?: ReactNode }) {
  const t = useTranslations("terms");
  const { day } = useDay();
  return (
    <Card aria-labelledby="org-heads">
      <h2 id="org-heads" className="mb-3 font-semibold">
        {t("ledgers.heads")}
      </h2>
      {changes.length === 0 ? (
        <p className="text-sm text-muted">{t("empty.heads")}</p>
      ) : (
        <ol className="space-y-3 text-sm">
          {changes.map((change) => (
            <li key={change.id} className="border-t border-line pt-3 first:border-t-0 first:pt-0" data-testid="org-head-change">
              <p className="font-medium">
                {t("headLine", { date: day(change.changedOn), from: change.previousName ?? t("none"), to: change.newName })}
              </p>
              <p className="mt-1 whitespace-pre-line">{change.consultation}</p>
            </li>
          ))}
        </ol>
      )}
      {total > changes.length ? (
        <Link href={hrefWith("/terms/heads", { org: orgId })} className="mt-3 inline-block text-sm text-brand hover:underline">
          {t("allRecords", { count: total })}
        </Link>
      ) : null}
      {form}
    </Card>
  );
}
