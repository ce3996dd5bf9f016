import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { FindingStateBadge } from "@/components/inspections/badges";
import { localized } from "@/lib/org-label";
import type { StandingProblem } from "@/lib/server/inspections/standing-round";

/**
 * The problems of a talk or a tour's feedback, numbered, each with its
 * category, severity, deadline and state and a link to its rectification;
 * `none` when there are none. It prints without the links.
 */
export function ProblemList({ problems, none }: { problems: StandingProblem[]; none: string }) {
  const t = useTranslations("problemList");
  const ts = useTranslations("findingSeverity");
  const format = useFormatter();
  const locale = useLocale();
  if (problems.length === 0) return <p className="text-sm text-muted">{none}</p>;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  return (
    <ol className="space-y-2 text-sm">
      {problems.map((p) => (
        <li key={p.findingId} className="rounded-md border border-line p-2 print:border-0 print:p-0">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p className="min-w-0 break-words">
              {p.seq}. {p.text}
            </p>
            <FindingStateBadge state={p.state} />
          </div>
          <p className="mt-1 text-xs text-muted">
            {localized(p.category, p.categoryEn, locale)} · {ts(p.severity)}
            {p.deadline ? ` · ${t("deadline", { date: day(p.deadline) })}` : null}
            {p.closedAt ? ` · ${t("closedOn", { date: format.dateTime(p.closedAt, { dateStyle: "long" }) })}` : null}
          </p>
          <Link href={`/findings/${p.findingId}`} className="text-xs text-brand hover:underline print:hidden">
            {t("openFinding")}
          </Link>
        </li>
      ))}
    </ol>
  );
}
