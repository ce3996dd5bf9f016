"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useActionError } from "@/components/ui/use-action-error";
import type { ActionResult } from "@/lib/server/action";
import {
  TEXT_MAX,
  ZAddendum,
  ZFindingProgress,
  ZFindingStep,
  ZReopenFinding,
  ZRespond,
  ZReturnRectification,
  ZSaveFinding,
  ZSaveRectification,
  ZSaveReport,
  ZUpdateRound,
} from "@/lib/validation/inspections";

/** The forms' schemas by name: a schema cannot travel from a server component to the browser, a name can. */
const SCHEMAS = {
  saveReport: ZSaveReport,
  saveFinding: ZSaveFinding,
  addendum: ZAddendum,
  respond: ZRespond,
  saveRectification: ZSaveRectification,
  progress: ZFindingProgress,
  submit: ZFindingStep,
  return: ZReturnRectification,
  reopen: ZReopenFinding,
  updateRound: ZUpdateRound,
} as const satisfies Record<string, z.ZodType>;

export type FormField =
  | { name: string; label: string; kind: "text" | "date" | "textarea"; hint?: string; rows?: number }
  | { name: string; label: string; kind: "select"; options: { value: string; label: string }[]; hint?: string; blank?: string }
  | { name: string; label: string; kind: "checkboxes"; options: { value: string; label: string }[]; hint?: string };

export type ActionFormProps = {
  /** Prefix of the fields' ids, unique on the page. */
  id: string;
  schema: keyof typeof SCHEMAS;
  action: (input: never) => Promise<ActionResult<unknown>>;
  defaultValues: Record<string, unknown>;
  fields: FormField[];
  submitLabel: string;
  variant?: "primary" | "secondary";
  /** Empty the fields after a success (a new finding, a progress note). */
  resetOnSuccess?: boolean;
  /** Said after a success, for screen readers and everyone else. */
  doneMessage?: string;
};

/**
 * One form for the inspection steps: fields from a list, checked in the
 * browser with the same zod schema as the server action, the server's field
 * errors shown at their fields, a conflict explained, and the page
 * refreshed after a success. Nothing typed is lost on a refusal.
 */
export function ActionForm({ id, schema, action, defaultValues, fields, submitLabel, variant = "primary", resetOnSuccess, doneMessage }: ActionFormProps) {
  const t = useTranslations("inspections.form");
  const tv = useTranslations("validation");
  const ti = useTranslations("inspections.errors");
  const actionError = useActionError();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<FieldValues>({
    resolver: zodResolver(SCHEMAS[schema] as z.ZodType<FieldValues, FieldValues>) as Resolver<FieldValues>,
    defaultValues,
  });
  // After any step the page refreshes with the record's new version; a form left open must send that one, not the first it saw.
  const version = defaultValues.expectedVersion;
  useEffect(() => {
    if (version !== undefined) form.setValue("expectedVersion", version);
  }, [form, version]);
  const message = (key: string | undefined) => {
    if (!key) return undefined;
    if (ti.has(key)) return ti(key);
    if (tv.has(key)) return tv(key, { max: TEXT_MAX });
    return key;
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setDone(false);
    const result = await action(values as never);
    if (result.ok) {
      setProblem(null);
      setDone(true);
      if (resetOnSuccess) form.reset(defaultValues);
      router.refresh();
      return;
    }
    if (result.error === "conflict") {
      setProblem(t("conflict"));
      return;
    }
    let placed = false;
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (fields.some((f) => f.name === field)) {
        form.setError(field, { message: messages[0] });
        placed = true;
      } else if (messages[0] && ti.has(messages[0])) {
        setProblem(ti(messages[0]));
        return;
      }
    }
    setProblem(placed ? null : actionError(result));
  });

  const busy = form.formState.isSubmitting;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {problem ? (
        <Alert tone="error" className="space-y-2">
          <p>{problem}</p>
          <Button type="button" variant="secondary" size="sm" onClick={() => router.refresh()}>
            {t("reload")}
          </Button>
        </Alert>
      ) : null}
      <fieldset disabled={busy} className="space-y-3">
        {fields.map((field) => {
          const fieldId = `${id}-${field.name}`;
          const error = message(form.formState.errors[field.name]?.message as string | undefined);
          const described = error ? `${fieldId}-error` : field.hint ? `${fieldId}-hint` : undefined;
          const common = { id: fieldId, "aria-invalid": error ? true : undefined, "aria-describedby": described };
          return (
            <div key={field.name}>
              {field.kind === "checkboxes" ? (
                <fieldset aria-describedby={described}>
                  <legend className="mb-1 text-sm font-medium text-ink">{field.label}</legend>
                  <div className="flex flex-wrap gap-x-4 gap-y-2">
                    {field.options.map((o) => (
                      <label key={o.value} className="flex items-center gap-2 text-sm">
                        <input type="checkbox" value={o.value} className="h-4 w-4 accent-brand" {...form.register(field.name)} />
                        {o.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : (
                <>
                  <Label htmlFor={fieldId}>{field.label}</Label>
                  {field.kind === "textarea" ? (
                    <Textarea rows={field.rows ?? 3} {...common} {...form.register(field.name)} />
                  ) : field.kind === "select" ? (
                    <Select {...common} {...form.register(field.name)}>
                      {field.blank !== undefined ? <option value="">{field.blank}</option> : null}
                      {field.options.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input type={field.kind} {...common} {...form.register(field.name)} />
                  )}
                </>
              )}
              {field.hint && !error ? (
                <p id={`${fieldId}-hint`} className="mt-1 text-xs text-muted">
                  {field.hint}
                </p>
              ) : null}
              <FieldError id={`${fieldId}-error`} message={error} />
            </div>
          );
        })}
        <Button type="submit" variant={variant}>
          {busy ? t("working") : submitLabel}
        </Button>
        <p role="status" className="text-sm text-ok">
          {done && doneMessage ? doneMessage : ""}
        </p>
      </fieldset>
    </form>
  );
}
