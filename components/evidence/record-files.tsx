"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { EVIDENCE_MESSAGES } from "@/components/evidence/add-evidence-form";
import { EvidenceContent } from "@/components/evidence/evidence-content";
import { formatFileSize } from "@/components/evidence/format-file-size";
import { ReplaceFileForm } from "@/components/evidence/replace-file-form";
import { uploadEvidenceTo } from "@/components/evidence/upload-evidence-file";
import { FileField, FormBody, InputField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { EvidenceView } from "@/lib/server/evidence/read-evidence";
import { EVIDENCE_FILE_ACCEPT, EVIDENCE_TITLE_MAX, zRecordFile, type TRecordFile } from "@/lib/validation/evidence";

/** Where a record's refusals are worded (a confirmed grade, a reviewed project), before evidence's. */
const RECORD_MESSAGES = "recordFiles.error";

export type RecordFilesProps = {
  /** The record's upload route (app/api/…/evidence). */
  uploadUrl: string;
  /** From loadRecordFiles, oldest first. */
  files: EvidenceView[];
  /** The actor adds files to the record now (its module's rule). */
  canAdd: boolean;
  /** The largest file accepted, in bytes (evidenceMaxBytes). */
  maxBytes: number;
  /** What the files are, for the list's and the button's names ("会议记录附件"). */
  label: string;
  /** Said when there is no file yet; nothing is shown without it. */
  empty?: string;
};

/**
 * The files kept beside a record: each with its current file, who uploaded
 * it and its SHA-256, and its older revisions, every one downloadable; with
 * `canAdd`, a new revision of each and a form to upload another.
 */
export function RecordFiles({ uploadUrl, files, canAdd, maxBytes, label, empty }: RecordFilesProps) {
  const format = useFormatter();
  const maxLabel = formatFileSize(format, maxBytes);
  if (files.length === 0 && !canAdd && !empty) return null;
  return (
    <div className="space-y-2" data-testid="record-files">
      {files.length === 0 ? (
        empty ? <p className="text-sm text-muted">{empty}</p> : null
      ) : (
        <ul aria-label={label} className="divide-y divide-line">
          {files.map((e) => (
            <li key={e.id} className="py-2 first:pt-0 last:pb-0">
              <p className="min-w-0 text-sm font-medium break-words">{e.title}</p>
              <EvidenceContent evidence={e} />
              {canAdd ? (
                <div className="mt-2 flex flex-wrap items-start gap-2">
                  <ReplaceFileForm uploadUrl={uploadUrl} messages={RECORD_MESSAGES} evidenceId={e.id} title={e.title} maxBytes={maxBytes} maxLabel={maxLabel} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canAdd ? <UploadRecordFile uploadUrl={uploadUrl} label={label} maxBytes={maxBytes} maxLabel={maxLabel} /> : null}
    </div>
  );
}

/** A button that opens the form to upload one more file to the record. */
function UploadRecordFile({ uploadUrl, label, maxBytes, maxLabel }: { uploadUrl: string; label: string; maxBytes: number; maxLabel: string }) {
  const t = useTranslations("evidence");
  const tr = useTranslations("recordFiles");
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const schema = useMemo(() => zRecordFile(maxBytes), [maxBytes]);
  const send = ({ file, title }: TRecordFile) => {
    // The schema has refused a missing file already; the server would too.
    if (!file) return Promise.resolve({ ok: false as const, error: "validation" as const, fieldErrors: { file: ["required"] } });
    return uploadEvidenceTo(uploadUrl, { file, title });
  };
  const of = useActionForm({
    id,
    schema,
    action: send,
    defaultValues: { title: "", file: null },
    fields: { file: { label: t("fileLabel"), max: maxLabel }, title: { label: t("titleLabel"), max: EVIDENCE_TITLE_MAX } },
    resetOnSuccess: true,
    // The new file shows in the list; the button that opened the form takes the focus back.
    onSuccess: () => {
      setIsOpen(false);
      toggle.current?.focus();
    },
    messages: [RECORD_MESSAGES, EVIDENCE_MESSAGES],
  });
  const close = () => {
    setIsOpen(false);
    of.form.reset();
    toggle.current?.focus();
  };
  return (
    <>
      <Button ref={toggle} type="button" variant="secondary" size="sm" aria-expanded={isOpen} aria-controls={`${id}-form`} aria-label={tr("uploadLabel", { label })} onClick={() => (isOpen ? close() : setIsOpen(true))}>
        {tr("upload")}
      </Button>
      {isOpen ? (
        <div id={`${id}-form`} className="rounded-md border border-line p-3">
          <FormBody
            of={of}
            submitLabel={t("add")}
            busyLabel={t("uploading")}
            aria-label={tr("uploadLabel", { label })}
            extra={
              <Button type="button" variant="ghost" size="sm" onClick={close}>
                {t("cancel")}
              </Button>
            }
          >
            <FileField of={of} name="file" accept={EVIDENCE_FILE_ACCEPT} autoFocus hint={t("fileHint", { max: maxLabel })} />
            <InputField of={of} name="title" hint={t("titleHintFile")} control={{ maxLength: EVIDENCE_TITLE_MAX + 50, placeholder: t("titlePlaceholder") }} />
          </FormBody>
        </div>
      ) : null}
    </>
  );
}
