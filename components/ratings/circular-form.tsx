"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { CheckboxesField, FormBody, InputField, TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { createCircular, issueCircular, saveCircular } from "@/lib/actions/ratings";
import { ZSaveCircular, type TSaveCircular } from "@/lib/validation/ratings";

/** The committee's step that drafts a new circular from the year's data, and opens it. */
export function NewCircularButton({ periodId }: { periodId: string }) {
  const t = useTranslations("ratings.circular");
  return <ActionButton action={createCircular} input={{ periodId }} label={t("create")} busyLabel={t("creating")} redirectTo={(data) => `/ratings/circulars/${data.id}`} messages="ratings.error" />;
}

/**
 * A circular's draft: its title, number, text and the units it names,
 * saved as the committee goes; issued, after a question, when done. The
 * page's RecordProvider holds the version each step is checked against.
 */
export function CircularForm({ circular, units }: { circular: Omit<TSaveCircular, "expectedVersion">; units: { value: string; label: string }[] }) {
  const t = useTranslations("ratings.circular");
  const defaults: TSaveCircular = { ...circular, expectedVersion: 1 };
  const of = useActionForm({
    id: "circular",
    schema: ZSaveCircular,
    action: saveCircular,
    defaultValues: defaults,
    fields: {
      title: { label: t("titleField"), max: 200 },
      number: { label: t("number"), max: 100 },
      body: { label: t("body"), max: 50_000 },
      namedOrgIds: { label: t("named") },
    },
    doneMessage: () => t("saved"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("save")} aria-label={t("formLabel")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <InputField of={of} name="title" control={{ maxLength: 200 }} />
        <InputField of={of} name="number" control={{ maxLength: 100, placeholder: t("numberPlaceholder") }} />
      </div>
      <TextareaField of={of} name="body" rows={24} maxLength={50_000} />
      <CheckboxesField of={of} name="namedOrgIds" options={units} hint={t("namedHint")} />
    </FormBody>
  );
}

/** Issues the circular as saved: dated today, frozen, shown to the units it names. */
export function IssueCircularButton({ id }: { id: string }) {
  const t = useTranslations("ratings.circular");
  return <ActionButton action={issueCircular} input={{ id, expectedVersion: 1 }} label={t("issue")} confirm={t("issueConfirm")} messages="ratings.error" />;
}
