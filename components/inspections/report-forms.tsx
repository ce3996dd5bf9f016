"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { CheckboxesField, FormBody, InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { addAddendum, deleteFinding, issueReport, respondToReport, saveFinding, saveReport } from "@/lib/actions/reports";
import { FINDING_SEVERITIES, FINDING_TAGS, TEXT_MAX, ZAddendum, ZRespond, ZSaveFinding, ZSaveReport, type TSaveFinding } from "@/lib/validation/inspections";

// The forms of a report's page, each acting on the report's version that the page's RecordProvider holds.

export function ReportForm({ reportId, summary, inspectedOn, inspectorIds, members }: { reportId: string; summary: string; inspectedOn: string; inspectorIds: string[]; members: Option[] }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "report",
    schema: ZSaveReport,
    action: saveReport,
    defaultValues: { reportId, expectedVersion: useRecord().version ?? 1, summary, inspectedOn, inspectorIds },
    fields: { summary: { label: t("summary"), max: TEXT_MAX }, inspectedOn: { label: t("inspectedOn") }, inspectorIds: { label: t("inspectors") } },
  });
  return (
    <FormBody of={of} submitLabel={t("saveReport")} variant="secondary" doneMessage={t("saved")}>
      <TextareaField of={of} name="summary" rows={5} />
      <InputField of={of} name="inspectedOn" type="date" />
      <CheckboxesField of={of} name="inspectorIds" options={members} />
    </FormBody>
  );
}

export type FindingChoices = { categories: Option[]; items: Option[]; tagHint: string };

/** A new finding on a draft (`finding` absent), or a change to one of its findings. */
export function FindingForm({ reportId, finding, choices }: { reportId: string; finding?: Omit<TSaveFinding, "reportId">; choices: FindingChoices }) {
  const t = useTranslations("inspections");
  const tr = useTranslations();
  const of = useActionForm({
    id: finding?.findingId ? `finding-${finding.findingId}` : "finding",
    schema: ZSaveFinding,
    action: saveFinding,
    defaultValues: finding
      ? { reportId, ...finding }
      : { reportId, description: "", categoryId: choices.categories[0]?.value ?? "", severity: "LOW", tag: "", itemId: "" },
    fields: {
      description: { label: t("finding.description"), max: TEXT_MAX },
      categoryId: { label: t("finding.category") },
      severity: { label: t("finding.severity") },
      tag: { label: t("finding.tag") },
      itemId: { label: t("finding.item") },
    },
    resetOnSuccess: !finding,
  });
  return (
    <FormBody
      of={of}
      submitLabel={finding ? t("finding.saveEdit") : t("finding.addSubmit")}
      variant="secondary"
      doneMessage={finding ? t("saved") : t("finding.added")}
    >
      <TextareaField of={of} name="description" rows={3} />
      <SelectField of={of} name="categoryId" options={choices.categories} />
      <SelectField of={of} name="severity" options={FINDING_SEVERITIES.map((s) => ({ value: s, label: tr(`findingSeverity.${s}`) }))} />
      <SelectField of={of} name="tag" blank={t("finding.tagNone")} hint={choices.tagHint} options={FINDING_TAGS.map((tag) => ({ value: tag, label: tr(`findingTag.${tag}`) }))} />
      <SelectField of={of} name="itemId" blank={t("finding.itemNone")} options={choices.items} />
    </FormBody>
  );
}

export function DeleteFindingButton({ reportId, findingId, seq }: { reportId: string; findingId: string; seq: number }) {
  const t = useTranslations("inspections");
  return (
    <ActionButton
      action={deleteFinding}
      input={{ reportId, findingId }}
      label={t("finding.delete")}
      variant="secondary"
      confirm={t("finding.deleteConfirm", { seq })}
    />
  );
}

export function IssueReportButton({ reportId }: { reportId: string }) {
  const t = useTranslations("inspections");
  return (
    <ActionButton
      action={issueReport}
      input={{ reportId, expectedVersion: useRecord().version ?? 1 }}
      label={t("issueSubmit")}
      confirm={t("issueConfirm")}
    />
  );
}

export function AddendumForm({ reportId }: { reportId: string }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "addendum",
    schema: ZAddendum,
    action: addAddendum,
    defaultValues: { reportId, text: "" },
    fields: { text: { label: t("addendumText"), max: TEXT_MAX } },
    resetOnSuccess: true,
  });
  return (
    <FormBody of={of} submitLabel={t("addAddendumSubmit")} variant="secondary" doneMessage={t("addendumAdded")}>
      <TextareaField of={of} name="text" rows={3} />
    </FormBody>
  );
}

export function RespondForm({ reportId, response }: { reportId: string; response: string }) {
  const t = useTranslations("inspections");
  const of = useActionForm({
    id: "respond",
    schema: ZRespond,
    action: respondToReport,
    defaultValues: { reportId, response },
    fields: { response: { label: t("responseText"), max: TEXT_MAX } },
  });
  return (
    <FormBody of={of} submitLabel={t("respondSubmit")} variant="secondary" doneMessage={t("saved")}>
      <TextareaField of={of} name="response" rows={4} hint={t("responseHint")} />
    </FormBody>
  );
}
