"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { EVIDENCE_MESSAGES } from "@/components/evidence/add-evidence-form";
import { uploadEvidenceFile, uploadEvidenceTo } from "@/components/evidence/upload-evidence-file";
import { FileField, OutcomeAlert } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { EVIDENCE_FILE_ACCEPT, zEvidenceReplace, type TEvidenceReplace } from "@/lib/validation/evidence";

/** Uploads a new revision of a file evidence of an item (or, with `uploadUrl`, of another target); the old revisions stay. */
export function ReplaceFileForm({
  itemId,
  uploadUrl,
  messages,
  evidenceId,
  title,
  maxBytes,
  maxLabel,
}: {
  evidenceId: string;
  title: string;
  maxBytes: number;
  maxLabel: string;
} & ({ itemId: string; uploadUrl?: never; messages?: never } | { uploadUrl: string; itemId?: never; /** The target's own words for its refusals. */ messages?: string })) {
  const t = useTranslations("evidence");
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const schema = useMemo(() => zEvidenceReplace(maxBytes), [maxBytes]);
  const send = ({ file }: TEvidenceReplace) => {
    // The schema has refused a missing file already; the server would too.
    if (!file) return Promise.resolve({ ok: false as const, error: "validation" as const, fieldErrors: { file: ["required"] } });
    return uploadUrl !== undefined ? uploadEvidenceTo(uploadUrl, { file, evidenceId }) : uploadEvidenceFile(itemId, { file, evidenceId });
  };
  const of = useActionForm({
    id,
    schema,
    action: send,
    defaultValues: { file: null },
    fields: { file: { label: t("replaceFileName"), max: maxLabel } },
    resetOnSuccess: true,
    onSuccess: () => setIsOpen(false),
    messages: [...(messages ? [messages] : []), EVIDENCE_MESSAGES],
  });

  const close = () => {
    setIsOpen(false);
    of.form.reset();
    toggle.current?.focus();
  };

  return (
    <>
      <Button
        ref={toggle}
        type="button"
        variant="secondary"
        size="sm"
        aria-expanded={isOpen}
        aria-controls={`${id}-form`}
        aria-label={t("replaceLabel", { title })}
        onClick={() => (isOpen ? close() : setIsOpen(true))}
      >
        {t("replace")}
      </Button>
      {isOpen ? (
        <form id={`${id}-form`} onSubmit={of.onSubmit} noValidate className="order-last basis-full space-y-2 rounded-md border border-line p-3">
          <OutcomeAlert outcome={of.outcome} />
          <fieldset disabled={of.isBusy} className="space-y-2">
            <FileField of={of} name="file" label={t("replaceFileLabel", { title })} accept={EVIDENCE_FILE_ACCEPT} autoFocus hint={t("replaceHint", { max: maxLabel })} />
            <div className="flex flex-wrap gap-2">
              <Button type="submit" size="sm">
                {of.isBusy ? t("uploading") : t("replaceSubmit")}
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={close}>
                {t("cancel")}
              </Button>
            </div>
          </fieldset>
        </form>
      ) : null}
    </>
  );
}
