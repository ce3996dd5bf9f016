"use client";

import { useTranslations } from "next-intl";
import { FormBody, InputField, RadioField, SelectField, TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { addProjectProgress, markMilestone, reviewProject } from "@/lib/actions/projects";
import { PROJECT_OUTCOMES, PROJECT_TEXT_MAX, ZAddProjectProgress, ZMarkMilestone, ZReviewProject } from "@/lib/validation/projects";

/**
 * A milestone reached: the day it was (today by default). Once marked, the
 * same form takes the mark back (an empty day).
 */
export function MilestoneForm({ projectId, milestoneId, title, doneOn, today }: { projectId: string; milestoneId: string; title: string; doneOn: string | null; today: string }) {
  const t = useTranslations("ratings.project");
  const of = useActionForm({
    id: `milestone-${milestoneId}`,
    schema: ZMarkMilestone,
    action: markMilestone,
    defaultValues: { projectId, milestoneId, expectedVersion: 1, doneOn: doneOn ? "" : today },
    fields: { doneOn: { label: t("fields.doneOn") } },
    messages: "ratings.project.error",
  });
  if (doneOn) {
    return (
      <FormBody of={of} variant="secondary" submitLabel={t("unmark")} aria-label={t("unmarkLabel", { title })}>
        <input type="hidden" {...of.form.register("doneOn")} />
      </FormBody>
    );
  }
  return (
    <FormBody of={of} variant="secondary" submitLabel={t("mark")} aria-label={t("markLabel", { title })}>
      <InputField of={of} name="doneOn" type="date" />
    </FormBody>
  );
}

/** A progress note for a quarter of the project's year. */
export function ProgressForm({ projectId, quarter }: { projectId: string; quarter: number }) {
  const t = useTranslations("ratings.project");
  const of = useActionForm({
    id: "progress",
    schema: ZAddProjectProgress,
    action: addProjectProgress,
    defaultValues: { projectId, quarter, text: "" },
    fields: { quarter: { label: t("fields.quarter") }, text: { label: t("fields.progress"), max: PROJECT_TEXT_MAX } },
    resetOnSuccess: (sent) => ({ ...sent, text: "" }),
    doneMessage: () => t("progressSaved"),
    messages: "ratings.project.error",
  });
  return (
    <FormBody of={of} submitLabel={t("addProgress")} aria-label={t("progressFormLabel")}>
      <SelectField of={of} name="quarter" asNumber options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t("quarter", { q }) }))} />
      <TextareaField of={of} name="text" rows={3} maxLength={PROJECT_TEXT_MAX} />
    </FormBody>
  );
}

/** The committee's year-end review: done, partly done or not done, and why. */
export function ReviewForm({ projectId, outcome, comment }: { projectId: string; outcome: (typeof PROJECT_OUTCOMES)[number] | null; comment: string }) {
  const t = useTranslations("ratings.project");
  const of = useActionForm({
    id: "review",
    schema: ZReviewProject,
    action: reviewProject,
    defaultValues: { projectId, expectedVersion: 1, outcome: outcome ?? "DONE", comment },
    fields: { outcome: { label: t("fields.outcome") }, comment: { label: t("fields.comment"), max: PROJECT_TEXT_MAX } },
    doneMessage: () => t("reviewSaved"),
    messages: "ratings.project.error",
  });
  return (
    <FormBody of={of} submitLabel={t("saveReview")} aria-label={t("reviewFormLabel")}>
      <RadioField of={of} name="outcome" options={PROJECT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
      <TextareaField of={of} name="comment" rows={3} maxLength={PROJECT_TEXT_MAX} />
    </FormBody>
  );
}
