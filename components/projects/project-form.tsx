"use client";

import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { FormBody, InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { registerProject, updateProject } from "@/lib/actions/projects";
import {
  PROJECT_MILESTONES_MAX,
  PROJECT_TEXT_MAX,
  PROJECT_TITLE_MAX,
  ZRegisterProject,
  ZUpdateProject,
  type TRegisterProject,
  type TUpdateProject,
} from "@/lib/validation/projects";

/** The milestones of a project: each a title and a day, added and removed in place. */
function MilestoneFields({ of }: { of: ReturnType<typeof useRegisterForm> | ReturnType<typeof useUpdateForm> }) {
  const t = useTranslations("ratings.project");
  // Both forms hold `milestones` alike; the field array reads it through the register form's type.
  const form = of as ReturnType<typeof useRegisterForm>;
  const { fields, append, remove } = useFieldArray({ control: form.form.control, name: "milestones" });
  const error = form.errorOf("milestones");
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-3">
      <legend className="px-1 text-sm font-medium text-ink">{t("fields.milestones")}</legend>
      <p className="text-xs text-muted">{t("milestonesHint")}</p>
      {fields.map((field, i) => (
        <div key={field.id} role="group" aria-label={t("milestoneN", { n: i + 1 })} className="grid grid-cols-1 items-end gap-2 sm:grid-cols-[minmax(0,1fr)_12rem_auto]">
          <InputField of={form} name={`milestones.${i}.title`} label={t("fields.milestoneTitle")} control={{ maxLength: PROJECT_TITLE_MAX }} />
          <InputField of={form} name={`milestones.${i}.dueOn`} label={t("fields.dueOn")} type="date" />
          <Button type="button" variant="secondary" onClick={() => remove(i)} aria-label={t("removeMilestone", { n: i + 1 })}>
            ×
          </Button>
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {fields.length < PROJECT_MILESTONES_MAX ? (
        <Button type="button" variant="secondary" onClick={() => append({ title: "", dueOn: "" })}>
          {t("addMilestone")}
        </Button>
      ) : null}
    </fieldset>
  );
}

function useLabels() {
  const t = useTranslations("ratings.project");
  return {
    orgId: { label: t("fields.orgId") },
    year: { label: t("fields.year") },
    title: { label: t("fields.title"), max: PROJECT_TITLE_MAX },
    goal: { label: t("fields.goal"), max: PROJECT_TEXT_MAX },
    business: { label: t("fields.business"), max: PROJECT_TEXT_MAX },
    milestones: { label: t("fields.milestones"), max: PROJECT_MILESTONES_MAX },
  };
}

function useRegisterForm(defaults: TRegisterProject) {
  return useActionForm({
    id: "project",
    schema: ZRegisterProject,
    action: registerProject,
    defaultValues: defaults,
    fields: useLabels(),
    redirectTo: (data) => `/ratings/projects/${data.id}`,
    messages: "ratings.project.error",
  });
}

function useUpdateForm(defaults: TUpdateProject) {
  const t = useTranslations("ratings.project");
  const { orgId: _orgId, year: _year, ...fields } = useLabels();
  return useActionForm({
    id: "project-edit",
    schema: ZUpdateProject,
    action: updateProject,
    defaultValues: defaults,
    fields,
    doneMessage: () => t("saved"),
    messages: "ratings.project.error",
  });
}

/** What both forms show of a project: its title, goal, the business it serves. */
function DetailFields({ of }: { of: ReturnType<typeof useRegisterForm> }) {
  return (
    <>
      <InputField of={of} name="title" control={{ maxLength: PROJECT_TITLE_MAX }} />
      <TextareaField of={of} name="goal" rows={3} maxLength={PROJECT_TEXT_MAX} />
      <TextareaField of={of} name="business" rows={2} maxLength={PROJECT_TEXT_MAX} />
    </>
  );
}

/** A secretary registers a project: the organization (when they keep more than one), the year, the details and the milestones. */
export function RegisterProjectForm({ defaults, orgs, years }: { defaults: TRegisterProject; orgs: Option[]; years: number[] }) {
  const t = useTranslations("ratings.project");
  const of = useRegisterForm(defaults);
  return (
    <FormBody of={of} submitLabel={t("register")} aria-label={t("formLabel")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <SelectField of={of} name="orgId" options={orgs} />
        <SelectField of={of} name="year" asNumber options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      </div>
      <DetailFields of={of} />
      <MilestoneFields of={of} />
    </FormBody>
  );
}

/** The secretary's changes to a project until the committee reviews it. */
export function EditProjectForm({ defaults }: { defaults: TUpdateProject }) {
  const t = useTranslations("ratings.project");
  const of = useUpdateForm(defaults);
  return (
    <FormBody of={of} submitLabel={t("saveChanges")} aria-label={t("editLabel")}>
      <DetailFields of={of as unknown as ReturnType<typeof useRegisterForm>} />
      <MilestoneFields of={of} />
    </FormBody>
  );
}
