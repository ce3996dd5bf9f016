import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { WarningBadge } from "@/components/checklists/warning-badge";
import { RecordFiles } from "@/components/evidence/record-files";
import { RecordProvider } from "@/components/forms/record";
import { PageHeading } from "@/components/layout/page-heading";
import { PrintButton } from "@/components/print/print-button";
import { SignatureLines } from "@/components/print/signature-lines";
import { EditProjectForm } from "@/components/projects/project-form";
import { MilestoneForm, ProgressForm, ReviewForm } from "@/components/projects/project-steps";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { dayString, isoDay } from "@/lib/dates";
import { evidenceMaxBytes } from "@/lib/env";
import { localized } from "@/lib/org-label";
import { guardPage, notFoundUnless } from "@/lib/server/access/guard-page";
import { loadRecordFiles } from "@/lib/server/evidence/record-files";
import { getProject } from "@/lib/server/projects/projects";
import { ZIdParam } from "@/lib/validation/text";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ratings.project"))("pageTitle") };
}

/** The quarter of the project's year today falls in (its last quarter once the year is over, its first before it). */
function quarterOf(year: number, day: string): number {
  const [y, m] = day.split("-").map(Number) as [number, number];
  if (y < year) return 1;
  if (y > year) return 4;
  return Math.ceil(m / 3);
}

/**
 * One secretary's project: its goal and the business it serves, each
 * milestone with its colour, the progress by quarter and the committee's
 * review. The secretary marks milestones, notes progress and edits it
 * until the review; the committee reviews it.
 */
export default async function ProjectPage({ params }: Props) {
  const id = ZIdParam.parse((await params).projectId);
  if (!id) notFound();
  const actor = await guardPage("page:/ratings/projects/[projectId]", undefined, `/ratings/projects/${id}`);
  const [project, t, format, locale] = await Promise.all([notFoundUnless(getProject(actor, id)), getTranslations("ratings.project"), getFormatter(), getLocale()]);
  const files = await loadRecordFiles("progress", project.progress.map((p) => p.id));
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: "UTC" });
  const unit = localized(project.org.name, project.org.nameEn, locale);
  const today = dayString();
  return (
    <RecordProvider version={project.version}>
      <div className="print:hidden">
        <PageHeading
          title={project.title}
          subtitle={t("pageSubtitle", { unit, year: project.year, who: project.registeredBy?.name ?? "—" })}
          actions={<PrintButton />}
        >
          <nav className="mb-2 text-sm">
            <Link href={`/ratings/projects?year=${project.year}`} className="text-brand hover:underline">
              {t("back")}
            </Link>
          </nav>
        </PageHeading>
      </div>
      <article className="printable max-w-4xl space-y-4" aria-label={project.title}>
        <Card className="print:border-0 print:p-0 print:shadow-none">
          <h2 className="mb-3 hidden text-center text-lg font-bold print:block">{`${t("pageTitle")} · ${project.title}`}</h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
            <dt className="text-muted">{t("columns.org")}</dt>
            <dd>{unit}</dd>
            <dt className="text-muted">{t("fields.goal")}</dt>
            <dd className="whitespace-pre-wrap break-words">{project.goal}</dd>
            <dt className="text-muted">{t("fields.business")}</dt>
            <dd className="whitespace-pre-wrap break-words">{project.business}</dd>
            <dt className="text-muted">{t("columns.review")}</dt>
            <dd>
              {project.outcome ? (
                <>
                  <Badge>{t(`outcome.${project.outcome}`)}</Badge>
                  <p className="mt-1 whitespace-pre-wrap break-words">{project.reviewComment}</p>
                  <p className="text-xs text-muted">{t("reviewedBy", { who: project.reviewedBy?.name ?? "—", date: project.reviewedAt ? format.dateTime(project.reviewedAt, { dateStyle: "medium" }) : "—" })}</p>
                </>
              ) : (
                <span className="text-muted">{t("notReviewed")}</span>
              )}
            </dd>
          </dl>
        </Card>

        <Card aria-labelledby="milestones-heading" className="print:border-0 print:p-0 print:shadow-none">
          <h2 id="milestones-heading" className="mb-2 text-base font-semibold">
            {t("fields.milestones")}
          </h2>
          <ol className="divide-y divide-line text-sm">
            {project.milestones.map((m) => (
              <li key={m.id} className="flex flex-wrap items-start justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="font-medium break-words">
                    {m.seq}. {m.title}
                  </p>
                  <p className="text-xs text-muted">
                    {t("plannedOn", { date: day(m.dueOn) })}
                    {m.doneOn ? ` · ${t("reachedOn", { date: day(m.doneOn) })}` : null}
                  </p>
                  {m.warning ? <WarningBadge colour={m.warning.colour} daysLeft={m.warning.daysLeft} /> : null}
                </div>
                {project.canKeep ? (
                  <div className="print:hidden">
                    {/* Keyed on its state: the form starts over once the milestone is marked or unmarked. */}
                    <MilestoneForm key={`${m.id}-${m.doneOn ? isoDay(m.doneOn) : ""}`} projectId={project.id} milestoneId={m.id} title={m.title} doneOn={m.doneOn ? isoDay(m.doneOn) : null} today={today} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>

        <Card aria-labelledby="progress-heading" className="print:border-0 print:p-0 print:shadow-none">
          <h2 id="progress-heading" className="mb-2 text-base font-semibold">
            {t("progressHeading")}
          </h2>
          {project.progress.length === 0 ? (
            <p className="text-sm text-muted">{t("noProgress")}</p>
          ) : (
            <ul className="divide-y divide-line text-sm">
              {project.progress.map((p) => (
                <li key={p.id} className="py-2">
                  <p className="text-xs text-muted">
                    {t("quarter", { q: p.quarter })} · {p.author?.name ?? "—"} · {format.dateTime(p.createdAt, { dateStyle: "medium" })}
                  </p>
                  <p className="whitespace-pre-wrap break-words">{p.text}</p>
                  <div className="mt-2 print:hidden">
                    <RecordFiles
                      uploadUrl={`/api/projects/progress/${p.id}/evidence`}
                      files={files.get(p.id) ?? []}
                      canAdd={project.canKeep}
                      maxBytes={evidenceMaxBytes()}
                      label={t("progressFiles", { q: p.quarter })}
                    />
                  </div>
                </li>
              ))}
            </ul>
          )}
          {project.canKeep ? (
            <div className="mt-3 border-t border-line pt-3 print:hidden">
              <ProgressForm projectId={project.id} quarter={quarterOf(project.year, today)} />
            </div>
          ) : null}
          <SignatureLines className="hidden print:grid" labels={[t("signSecretary"), t("signChecked"), t("signDate")]} caption={t("pageTitle")} />
        </Card>
      </article>

      {project.canReview ? (
        <Card aria-labelledby="review-heading" className="mt-4 max-w-4xl print:hidden">
          <h2 id="review-heading" className="mb-2 text-base font-semibold">
            {t("reviewHeading")}
          </h2>
          <ReviewForm projectId={project.id} outcome={project.outcome} comment={project.reviewComment ?? ""} />
        </Card>
      ) : null}

      {project.canKeep ? (
        <Card aria-labelledby="edit-heading" className="mt-4 max-w-4xl print:hidden">
          <h2 id="edit-heading" className="mb-2 text-base font-semibold">
            {t("editHeading")}
          </h2>
          <EditProjectForm
            // Keyed on the version: after any change the form starts from what was saved (the new milestones with their ids).
            key={project.version}
            defaults={{
              projectId: project.id,
              expectedVersion: project.version,
              title: project.title,
              goal: project.goal,
              business: project.business,
              milestones: project.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: isoDay(m.dueOn) })),
            }}
          />
        </Card>
      ) : null}
    </RecordProvider>
  );
}
