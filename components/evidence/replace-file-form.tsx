"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { uploadEvidenceFile, uploadEvidenceTo } from "@/components/evidence/upload-evidence-file";
import { useEvidenceError } from "@/components/evidence/use-evidence-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { EVIDENCE_FILE_ACCEPT, zEvidenceReplace, type TEvidenceReplace } from "@/lib/validation/evidence";

/** Uploads a new revision of a file evidence of an item (or, with `uploadUrl`, of another target); the old revisions stay. */
export function ReplaceFileForm({
  itemId,
  uploadUrl,
  evidenceId,
  title,
  maxBytes,
  maxLabel,
}: {
  evidenceId: string;
  title: string;
  maxBytes: number;
  maxLabel: string;
} & ({ itemId: string; uploadUrl?: never } | { uploadUrl: string; itemId?: never })) {
  const t = useTranslations("evidence");
  const { fieldMessage, split } = useEvidenceError();
  const router = useRouter();
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const schema = useMemo(() => zEvidenceReplace(maxBytes), [maxBytes]);
  const {
    handleSubmit,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TEvidenceReplace>({ resolver: zodResolver(schema) });

  const close = () => {
    setIsOpen(false);
    setProblem(null);
    toggle.current?.focus();
  };

  const onSubmit = handleSubmit(async ({ file }) => {
    setProblem(null);
    const result = uploadUrl !== undefined ? await uploadEvidenceTo(uploadUrl, { file, evidenceId }) : await uploadEvidenceFile(itemId, { file, evidenceId });
    if (!result.ok) {
      const { field, code, message } = split(result, ["file"] as const);
      if (field) setError(field, { message: code });
      else setProblem(message ?? null);
      return;
    }
    setIsOpen(false);
    router.refresh();
  });

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
        <form id={`${id}-form`} onSubmit={onSubmit} noValidate className="order-last basis-full space-y-2 rounded-md border border-line p-3">
          {problem ? <Alert tone="error">{problem}</Alert> : null}
          <fieldset disabled={isSubmitting} className="space-y-2">
            <div>
              <Label htmlFor={`${id}-file`}>{t("replaceFileLabel", { title })}</Label>
              <Input
                id={`${id}-file`}
                type="file"
                accept={EVIDENCE_FILE_ACCEPT}
                className="h-auto py-1.5"
                autoFocus
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={errors.file ? `${id}-error` : `${id}-hint`}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) setValue("file", file, { shouldValidate: true });
                }}
              />
              <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
                {t("replaceHint", { max: maxLabel })}
              </p>
              <FieldError id={`${id}-error`} message={fieldMessage(errors.file?.message, { max: maxLabel })} />
            </div>
            <div className="flex flex-wrap gap-2">
              <Button type="submit" size="sm">
                {isSubmitting ? t("uploading") : t("replaceSubmit")}
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
