"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { addEvidence } from "@/lib/actions/item-evidence";
import { uploadEvidenceFile, uploadEvidenceTo } from "@/components/evidence/upload-evidence-file";
import { useStep } from "@/components/forms/use-action-form";
import { useEvidenceError } from "@/components/evidence/use-evidence-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
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

const FIELDS = ["title", "text", "url", "file"] as const;
const KIND_ORDER = ["FILE", "TEXT", "LINK"] as const satisfies readonly TEvidenceForm["kind"][];

/** Where the form sends evidence other than an item's: the upload route for files, an action for text and links. */
export type EvidenceTarget = {
  uploadUrl: string;
  addRecord: (record: TEvidenceRecord) => Promise<ActionResult<unknown>>;
  /** The form's message when the target no longer takes evidence (a "closed" error outside the form's fields). */
  closedMessage?: string;
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
  const { fieldMessage, split } = useEvidenceError();
  const step = useStep();
  // A new key empties the file input after an upload.
  const [fileInputKey, setFileInputKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const schema = useMemo(() => zEvidenceForm(maxBytes), [maxBytes]);
  const empty = { title: "", text: "", url: "", file: null };
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TEvidenceForm>({ resolver: zodResolver(schema), defaultValues: { ...empty, kind: "FILE" } });
  const kind = useWatch({ control, name: "kind" });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setNotice(null);
    const record: TEvidenceRecord =
      values.kind === "LINK" ? { kind: "LINK", title: values.title, url: values.url } : { kind: "TEXT", title: values.title, text: values.text };
    const upload = values.kind === "FILE" && values.file ? { file: values.file, title: values.title } : null;
    const result = target
      ? upload
        ? await uploadEvidenceTo(target.uploadUrl, upload)
        : await target.addRecord(record)
      : upload
        ? await uploadEvidenceFile(itemId, upload)
        : await addEvidence({ itemId, ...record });
    if (!result.ok) {
      const { field, code, message } = split(result, FIELDS);
      const isClosed = result.error === "validation" && Object.values(result.fieldErrors ?? {}).some((codes) => codes.includes("closed"));
      if (field) setError(field, { message: code });
      else setProblem(target?.closedMessage && isClosed ? target.closedMessage : (message ?? null));
      return;
    }
    reset({ ...empty, kind: values.kind });
    setFileInputKey((k) => k + 1);
    setNotice(t("added"));
    // A finding's first evidence starts its rectification: the page's forms take the finding's new version.
    step.succeed(result.data);
  });

  const describe = (field: (typeof FIELDS)[number], hint?: boolean) =>
    errors[field] ? `${idPrefix}-${field}-error` : hint ? `${idPrefix}-${field}-hint` : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby={`${idPrefix}-add-heading`}>
      <h3 id={`${idPrefix}-add-heading`} className="text-sm font-semibold">
        {t("addHeading")}
      </h3>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {notice ? <Alert tone="ok">{notice}</Alert> : null}
      <fieldset disabled={isSubmitting} className="space-y-3">
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("kindLabel")}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-2">
            {KIND_ORDER.map((k) => (
              <label key={k} className="inline-flex min-h-10 items-center gap-2 text-sm">
                <input type="radio" value={k} className="size-4 accent-brand" {...register("kind")} />
                {t(`kind.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>

        {kind === "FILE" ? (
          <div>
            <Label htmlFor={`${idPrefix}-file`}>{t("fileLabel")}</Label>
            <Input
              key={fileInputKey}
              id={`${idPrefix}-file`}
              type="file"
              accept={EVIDENCE_FILE_ACCEPT}
              className="h-auto py-1.5"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={describe("file", true)}
              onChange={(e) => setValue("file", e.target.files?.[0] ?? null, { shouldValidate: true })}
            />
            <p id={`${idPrefix}-file-hint`} className="mt-1 text-xs text-muted">
              {t("fileHint", { max: maxLabel })}
            </p>
            <FieldError id={`${idPrefix}-file-error`} message={fieldMessage(errors.file?.message, { max: maxLabel })} />
          </div>
        ) : null}

        <div>
          <Label htmlFor={`${idPrefix}-title`}>{t("titleLabel")}</Label>
          <Input
            id={`${idPrefix}-title`}
            maxLength={EVIDENCE_TITLE_MAX + 50}
            placeholder={t("titlePlaceholder")}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describe("title", kind === "FILE")}
            {...register("title")}
          />
          {kind === "FILE" ? (
            <p id={`${idPrefix}-title-hint`} className="mt-1 text-xs text-muted">
              {t("titleHintFile")}
            </p>
          ) : null}
          <FieldError id={`${idPrefix}-title-error`} message={fieldMessage(errors.title?.message, { max: EVIDENCE_TITLE_MAX })} />
        </div>

        {kind === "TEXT" ? (
          <div>
            <Label htmlFor={`${idPrefix}-text`}>{t("textLabel")}</Label>
            <Textarea
              id={`${idPrefix}-text`}
              rows={4}
              maxLength={EVIDENCE_TEXT_MAX + 100}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describe("text")}
              {...register("text")}
            />
            <FieldError id={`${idPrefix}-text-error`} message={fieldMessage(errors.text?.message, { max: EVIDENCE_TEXT_MAX })} />
          </div>
        ) : null}

        {kind === "LINK" ? (
          <div>
            <Label htmlFor={`${idPrefix}-url`}>{t("urlLabel")}</Label>
            <Input
              id={`${idPrefix}-url`}
              type="url"
              inputMode="url"
              maxLength={EVIDENCE_URL_MAX + 50}
              placeholder="https://"
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={describe("url", true)}
              {...register("url")}
            />
            <p id={`${idPrefix}-url-hint`} className="mt-1 text-xs text-muted">
              {t("urlHint")}
            </p>
            <FieldError id={`${idPrefix}-url-error`} message={fieldMessage(errors.url?.message, { max: EVIDENCE_URL_MAX })} />
          </div>
        ) : null}

        <Button type="submit" className="w-full sm:w-auto">
          {isSubmitting ? (kind === "FILE" ? t("uploading") : t("working")) : t("add")}
        </Button>
      </fieldset>
    </form>
  );
}
