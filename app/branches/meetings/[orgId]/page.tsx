import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { RecordMeetingForm } from "@/components/grading/meeting-forms";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { currentYear, dayString, today } from "@/lib/dates";
import { MEETING_KINDS, REQUIRED_PER_QUARTER } from "@/lib/grading/meetings";
import { hrefWith } from "@/lib/href";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { branchMeetings } from "@/lib/server/grading/meetings";
import { ZMeetingQuery } from "@/lib/validation/grading";

type Props = { params: Promise<{ orgId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("branchTitle") };
}

/** One branch's organizational life in a quarter: each kind held against what is required, the meetings, and the form to record one. */
export default async function BranchMeetingsPage({ params, searchParams }: Props) {
  const { orgId } = await params;
  const query = ZMeetingQuery.parse(await searchParams);
  const year = query.year ?? currentYear();
  const quarter = query.quarter ?? Math.floor(today().getUTCMonth() / 3) + 1;
  const actor = await guardPage("page:/branches/meetings/[orgId]", { orgId }, `/branches/meetings/${orgId}`);
  const [t, format, locale, data] = await Promise.all([getTranslations("meetings"), getFormatter(), getLocale(), notFoundUnless(branchMeetings(actor, orgId, year, quarter))]);
  const name = localized(data.org.name, data.org.nameEn, locale);
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const previous = quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 };
  const next = quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
  const quarterHref = (p: { year: number; quarter: number }) => hrefWith(`/branches/meetings/${data.org.id}`, { year: String(p.year), quarter: String(p.quarter) });
  return (
    <>
      <PageHeading title={name} subtitle={t("branchSubtitle", { year, quarter })} actions={<PrintButton />}>
        <nav className="mb-2 flex flex-wrap gap-x-4 text-sm print:hidden">
          <Link href={hrefWith("/branches/meetings", { year: String(year), quarter: String(quarter) })} className="text-brand hover:underline">
            {t("back")}
          </Link>
          <Link href={quarterHref(previous)} className="text-brand hover:underline">
            {t("quarterOf", previous)}
          </Link>
          <Link href={quarterHref(next)} className="text-brand hover:underline">
            {t("quarterOf", next)}
          </Link>
        </nav>
      </PageHeading>
      <div className="max-w-4xl space-y-4">
        <Card>
          <section aria-labelledby="meetings-held">
            <h2 id="meetings-held" className="mb-2 font-medium">
              {t("heldHeading")}
            </h2>
            <ul className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-5">
              {MEETING_KINDS.map((k) => (
                <li key={k} className="rounded-md border border-line p-2" data-testid={`held-${k}`}>
                  <div className="text-muted">{t(`kind.${k}`)}</div>
                  <div className="tabular-nums">
                    {t("heldOf", { held: data.held[k] ?? 0, required: REQUIRED_PER_QUARTER[k] })}{" "}
                    {data.missing[k] > 0 ? <Badge tone="danger">{t("missingN", { count: data.missing[k] })}</Badge> : <Badge tone="ok">{t("complete")}</Badge>}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </Card>
        <Card>
          <section aria-labelledby="meetings-list">
            <h2 id="meetings-list" className="mb-2 font-medium">
              {t("listHeading")}
            </h2>
            {data.meetings.length === 0 ? (
              <p className="text-sm text-muted">{t("noMeetings")}</p>
            ) : (
              <ol className="space-y-1 text-sm">
                {data.meetings.map((m) => (
                  <li key={m.id}>
                    <span className="text-muted">{day(m.heldOn)}</span> {t(`kind.${m.kind}`)} ·{" "}
                    <Link href={`/branches/meetings/record/${m.id}`} className="text-brand underline">
                      {m.topic}
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </Card>
        {data.canRecord ? (
          <Card className="print:hidden">
            <h2 className="mb-3 font-medium">{t("recordHeading")}</h2>
            <RecordMeetingForm orgId={data.org.id} today={dayString()} />
          </Card>
        ) : null}
      </div>
    </>
  );
}
