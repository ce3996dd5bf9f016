"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { addEvidence } from "@/app/duties/[itemId]/evidence-actions";
import { uploadEvidenceFile } from "@/components/evidence/upload-evidence-file";
import { useEvidenceError } from "@/components/evidence/use-evidence-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import {
  EVIDENCE_FILE_ACCEPT,
  EVIDENCE_TEXT_MAX,
  EVIDENCE_TITLE_MAX,
  EVIDENCE_URL_MAX,
  zEvidenceForm,
  type TEvidenceForm,
} from "@/lib/validation/evidence";

const FIELDS = ["title", "text", "url", "file"] as const;
const KIND_ORDER = ["FILE", "TEXT", "LINK"] as const satisfies readonly TEvidenceForm["kind"][];

/** Adds text, a link or a file to the item; a file goes to the upload route, the rest to an action. */
export function AddEvidenceForm({ itemId, maxBytes, maxLabel }: { itemId: string; maxBytes: number; maxLabel: string }) {
  const t = useTranslations("evidence");
  const { fieldMessage, split } = useEvidenceError();
  const router = useRouter();
  // A new key empties the file input after an upload.
  const [fileInputKey, setFileInputKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const schema = useMemo(() => zEvidenceForm(maxBytes), [maxBytes]);
  const empty = { itemId, title: "", text: "", url: "", file: null };
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
    const result =
      values.kind === "FILE" && values.file
        ? await uploadEvidenceFile(itemId, { file: values.file, title: values.title })
        : values.kind === "LINK"
          ? await addEvidence({ itemId, kind: "LINK", title: values.title, url: values.url })
          : await addEvidence({ itemId, kind: "TEXT", title: values.title, text: values.text });
    if (!result.ok) {
      const { field, code, message } = split(result, FIELDS);
      if (field) setError(field, { message: code });
      else setProblem(message ?? null);
      return;
    }
    reset({ ...empty, kind: values.kind });
    setFileInputKey((k) => k + 1);
    setNotice(t("added"));
    router.refresh();
  });

  const describe = (field: (typeof FIELDS)[number], hint?: boolean) =>
    errors[field] ? `evidence-${field}-error` : hint ? `evidence-${field}-hint` : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="evidence-add-heading">
      <h3 id="evidence-add-heading" className="text-sm font-semibold">
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
            <Label htmlFor="evidence-file">{t("fileLabel")}</Label>
            <Input
              key={fileInputKey}
              id="evidence-file"
              type="file"
              accept={EVIDENCE_FILE_ACCEPT}
              className="h-auto py-1.5"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={describe("file", true)}
              onChange={(e) => setValue("file", e.target.files?.[0] ?? null, { shouldValidate: true })}
            />
            <p id="evidence-file-hint" className="mt-1 text-xs text-muted">
              {t("fileHint", { max: maxLabel })}
            </p>
            <FieldError id="evidence-file-error" message={fieldMessage(errors.file?.message, { max: maxLabel })} />
          </div>
        ) : null}

        <div>
          <Label htmlFor="evidence-title">{t("titleLabel")}</Label>
          <Input
            id="evidence-title"
            maxLength={EVIDENCE_TITLE_MAX + 50}
            placeholder={t("titlePlaceholder")}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describe("title", kind === "FILE")}
            {...register("title")}
          />
          {kind === "FILE" ? (
            <p id="evidence-title-hint" className="mt-1 text-xs text-muted">
              {t("titleHintFile")}
            </p>
          ) : null}
          <FieldError id="evidence-title-error" message={fieldMessage(errors.title?.message, { max: EVIDENCE_TITLE_MAX })} />
        </div>

        {kind === "TEXT" ? (
          <div>
            <Label htmlFor="evidence-text">{t("textLabel")}</Label>
            <Textarea
              id="evidence-text"
              rows={4}
              maxLength={EVIDENCE_TEXT_MAX + 100}
              aria-invalid={errors.text ? true : undefined}
              aria-describedby={describe("text")}
              {...register("text")}
            />
            <FieldError id="evidence-text-error" message={fieldMessage(errors.text?.message, { max: EVIDENCE_TEXT_MAX })} />
          </div>
        ) : null}

        {kind === "LINK" ? (
          <div>
            <Label htmlFor="evidence-url">{t("urlLabel")}</Label>
            <Input
              id="evidence-url"
              type="url"
              inputMode="url"
              maxLength={EVIDENCE_URL_MAX + 50}
              placeholder="https://"
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={describe("url", true)}
              {...register("url")}
            />
            <p id="evidence-url-hint" className="mt-1 text-xs text-muted">
              {t("urlHint")}
            </p>
            <FieldError id="evidence-url-error" message={fieldMessage(errors.url?.message, { max: EVIDENCE_URL_MAX })} />
          </div>
        ) : null}

        <Button type="submit" className="w-full sm:w-auto">
          {isSubmitting ? (kind === "FILE" ? t("uploading") : t("working")) : t("add")}
        </Button>
      </fieldset>
    </form>
  );
}
