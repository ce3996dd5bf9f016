"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { addEvidence } from "@/lib/actions/item-evidence";
import { uploadEvidenceFile, uploadEvidenceTo } from "@/components/evidence/upload-evidence-file";
import { FileField, FormBody, InputField, RadioField, TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/server/action";
import {
  EVIDENCE_FILE_ACCEPT,
  EVIDENCE_TEXT_MAX,
  EVIDENCE_TITLE_MAX,
  EVIDENCE_URL_MAX,
  zEvidenceForm,
  type TEvidenceForm,
  type TEvidenceRecord,
} from "@/lib/validation/evidence";

const KIND_ORDER = ["FILE", "TEXT", "LINK"] as const satisfies readonly TEvidenceForm["kind"][];

/** Where evidence's refusals are worded; a target's own namespace comes first. */
export const EVIDENCE_MESSAGES = "evidence.error";

/** Where the form sends evidence other than an item's: the upload route for files, an action for text and links. */
export type EvidenceTarget = {
  uploadUrl: string;
  addRecord: (record: TEvidenceRecord) => Promise<ActionResult<unknown>>;
  /** A namespace wording the target's own refusals (that it no longer takes evidence), before evidence's. */
  messages?: string;
};

type AddEvidenceFormProps = {
  maxBytes: number;
  maxLabel: string;
  /** Prefixes the elements' ids, for pages that show several forms. */
  idPrefix?: string;
} & ({ itemId: string; target?: never } | { target: EvidenceTarget; itemId?: never });

/** Adds text, a link or a file to an item (or another target); a file goes to the upload route, the rest to an action. */
export function AddEvidenceForm({ itemId, target, maxBytes, maxLabel, idPrefix = "evidence" }: AddEvidenceFormProps) {
  const t = useTranslations("evidence");
  // A new key empties the file input after an upload.
  const [fileInputKey, setFileInputKey] = useState(0);
  const schema = useMemo(() => zEvidenceForm(maxBytes), [maxBytes]);
  const empty = { title: "", text: "", url: "", file: null };

  const send = (values: TEvidenceForm): Promise<ActionResult<unknown>> => {
    if (values.kind === "FILE" && values.file) {
      const upload = { file: values.file, title: values.title };
      return target ? uploadEvidenceTo(target.uploadUrl, upload) : uploadEvidenceFile(itemId, upload);
    }
    const record: TEvidenceRecord =
      values.kind === "LINK" ? { kind: "LINK", title: values.title, url: values.url } : { kind: "TEXT", title: values.title, text: values.text };
    return target ? target.addRecord(record) : addEvidence({ itemId, ...record });
  };

  const of = useActionForm({
    id: idPrefix,
    schema,
    action: send,
    defaultValues: { ...empty, kind: "FILE" },
    fields: {
      kind: { label: t("kindLabel") },
      file: { label: t("fileLabel"), max: maxLabel },
      title: { label: t("titleLabel"), max: EVIDENCE_TITLE_MAX },
      text: { label: t("textLabel"), max: EVIDENCE_TEXT_MAX },
      url: { label: t("urlLabel"), max: EVIDENCE_URL_MAX },
    },
    // The next piece is likely of the same kind.
    resetOnSuccess: (sent) => ({ ...empty, kind: sent.kind }),
    onSuccess: () => setFileInputKey((k) => k + 1),
    messages: [...(target?.messages ? [target.messages] : []), EVIDENCE_MESSAGES],
  });
  const kind = useWatch({ control: of.form.control, name: "kind" });

  return (
    <div className="space-y-3">
      <h3 id={`${idPrefix}-add-heading`} className="text-sm font-semibold">
        {t("addHeading")}
      </h3>
      <FormBody
        of={of}
        submitLabel={t("add")}
        busyLabel={kind === "FILE" ? t("uploading") : t("working")}
        submitClassName="w-full sm:w-auto"
        doneMessage={t("added")}
        aria-labelledby={`${idPrefix}-add-heading`}
      >
        <RadioField of={of} name="kind" options={KIND_ORDER.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        {kind === "FILE" ? <FileField of={of} name="file" accept={EVIDENCE_FILE_ACCEPT} resetKey={fileInputKey} hint={t("fileHint", { max: maxLabel })} /> : null}
        <InputField
          of={of}
          name="title"
          hint={kind === "FILE" ? t("titleHintFile") : undefined}
          control={{ maxLength: EVIDENCE_TITLE_MAX + 50, placeholder: t("titlePlaceholder") }}
        />
        {kind === "TEXT" ? <TextareaField of={of} name="text" rows={4} maxLength={EVIDENCE_TEXT_MAX + 100} /> : null}
        {kind === "LINK" ? (
          <InputField of={of} name="url" type="url" hint={t("urlHint")} control={{ maxLength: EVIDENCE_URL_MAX + 50, placeholder: "https://" }} />
        ) : null}
      </FormBody>
    </div>
  );
}
