"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldValues, Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionForm, FormOutcome } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";

type Schema = z.ZodType<FieldValues, FieldValues>;

type FieldProps<S extends Schema> = { of: ActionForm<S>; name: Path<z.input<S>>; hint?: string };

/** A field's label, hint and error around its control, wired for screen readers. */
function Field<S extends Schema>({ of, name, hint, children }: FieldProps<S> & { children: (aria: Record<string, unknown>) => ReactNode }) {
  const id = of.fieldId(name);
  const error = of.errorOf(name);
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <Label htmlFor={id}>{of.labelOf(name)}</Label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": described })}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function TextareaField<S extends Schema>(props: FieldProps<S> & { rows?: number }) {
  return <Field {...props}>{(aria) => <Textarea rows={props.rows ?? 3} {...aria} {...props.of.form.register(props.name)} />}</Field>;
}

export function InputField<S extends Schema>(props: FieldProps<S> & { type?: "text" | "date" }) {
  return <Field {...props}>{(aria) => <Input type={props.type ?? "text"} {...aria} {...props.of.form.register(props.name)} />}</Field>;
}

export type Option = { value: string; label: string };

export function SelectField<S extends Schema>(props: FieldProps<S> & { options: Option[]; blank?: string }) {
  return (
    <Field {...props}>
      {(aria) => (
        <Select {...aria} {...props.of.form.register(props.name)}>
          {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** A group of checkboxes under one legend, its error announced with the group. */
export function CheckboxesField<S extends Schema>({ of, name, hint, options }: FieldProps<S> & { options: Option[] }) {
  const id = of.fieldId(name);
  const error = of.errorOf(name);
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <fieldset aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-ink">{of.labelOf(name)}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o, index) => (
          <label key={o.value} className="flex min-h-8 items-center gap-2 text-sm">
            <input type="checkbox" value={o.value} id={index === 0 ? id : undefined} className="h-4 w-4 accent-brand" {...of.form.register(name)} />
            {o.label}
          </label>
        ))}
      </div>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/**
 * A refusal naming its fields, or a conflict with the one button that loads
 * the latest (and, with `describe`, what the record now holds); nothing
 * otherwise.
 */
export function OutcomeAlert({ outcome, describe }: { outcome: FormOutcome; describe?: (current: unknown) => ReactNode }) {
  const t = useTranslations("form");
  const router = useRouter();
  if (outcome?.kind === "conflict") {
    return (
      <Alert tone="error" className="space-y-2" data-testid="conflict">
        <p>{t("conflict")}</p>
        {describe && outcome.current !== undefined ? describe(outcome.current) : null}
        <Button type="button" variant="secondary" size="sm" onClick={() => router.refresh()}>
          {t("reload")}
        </Button>
      </Alert>
    );
  }
  return outcome?.kind === "problem" ? <Alert tone="error">{outcome.message}</Alert> : null;
}

/** A form's body: its refusal, its fields disabled while it works, its submit button, and a polite word when done. */
export function FormBody<S extends Schema>({
  of,
  submitLabel,
  variant = "primary",
  doneMessage,
  describeConflict,
  submitClassName,
  extra,
  children,
}: {
  of: ActionForm<S>;
  submitLabel: string;
  variant?: "primary" | "secondary";
  doneMessage?: string;
  describeConflict?: (current: unknown) => ReactNode;
  submitClassName?: string;
  /** Under the submit button: its hint, a second button. */
  extra?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("form");
  return (
    <form onSubmit={of.onSubmit} noValidate className="space-y-3">
      <OutcomeAlert outcome={of.outcome} describe={describeConflict} />
      <fieldset disabled={of.isBusy} className="space-y-3">
        {children}
        <Button type="submit" variant={variant} className={submitClassName}>
          {of.isBusy ? t("working") : submitLabel}
        </Button>
        {extra}
        <p role="status" className="text-sm text-ok">
          {of.outcome?.kind === "done" && doneMessage ? doneMessage : ""}
        </p>
      </fieldset>
    </form>
  );
}
