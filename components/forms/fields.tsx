"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type ChangeEvent, type ComponentProps, type ReactNode } from "react";
import { get, useController, useWatch, type FieldValues, type Path, type PathValue } from "react-hook-form";
import type { z } from "zod";
import type { ActionForm, FormOutcome } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

type Schema = z.ZodType<FieldValues, FieldValues>;

type FieldProps<S extends Schema> = {
  of: ActionForm<S>;
  name: Path<z.input<S>>;
  hint?: string;
  /** The label on the page, when it says more than the field's name in a refusal ("the new file of “minutes.pdf”"). */
  label?: string;
};

/** The ids a control's label, hint and error share. */
function useFieldIds<S extends Schema>({ of, name, hint }: FieldProps<S>) {
  const id = of.fieldId(name);
  const error = of.errorOf(name);
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return { id, error, aria: { id, "aria-invalid": error ? true : undefined, "aria-describedby": described } };
}

/** A field's hint (while it has no error) and its error. */
function FieldFooter({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}

/** A field's label, hint and error around its control, wired for screen readers. */
function Field<S extends Schema>(props: FieldProps<S> & { children: (aria: ReturnType<typeof useFieldIds>["aria"]) => ReactNode }) {
  const { id, error, aria } = useFieldIds(props);
  return (
    <div>
      <Label htmlFor={id}>{props.label ?? props.of.labelOf(props.name)}</Label>
      {props.children(aria)}
      <FieldFooter id={id} hint={props.hint} error={error} />
    </div>
  );
}

/** What a text control may carry besides its binding: placeholder, length cap, autocomplete. */
type ControlProps = Pick<ComponentProps<"input">, "placeholder" | "maxLength" | "autoComplete" | "min" | "max" | "step" | "inputMode">;

export function TextareaField<S extends Schema>(props: FieldProps<S> & { rows?: number; maxLength?: number }) {
  return (
    <Field {...props}>
      {(aria) => <Textarea rows={props.rows ?? 3} maxLength={props.maxLength} {...aria} {...props.of.form.register(props.name)} />}
    </Field>
  );
}

/**
 * A one-line field. `asNumber` reads a number field as a number (for a
 * schema of numbers); `onChange` runs after the form has taken the value.
 */
export function InputField<S extends Schema>({
  type = "text",
  asNumber,
  onChange,
  control,
  ...props
}: FieldProps<S> & {
  type?: "text" | "date" | "datetime-local" | "number" | "url" | "email" | "password";
  asNumber?: boolean;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  control?: ControlProps;
}) {
  const registered = asNumber ? props.of.form.register(props.name, { valueAsNumber: true, onChange }) : props.of.form.register(props.name, { onChange });
  const inputMode = type === "number" ? "numeric" : type === "url" ? "url" : type === "email" ? "email" : undefined;
  return <Field {...props}>{(aria) => <Input type={type} inputMode={inputMode} {...control} {...aria} {...registered} />}</Field>;
}

export type Option = { value: string; label: string };

/**
 * A select of `options`, or of its own children (organizations by depth,
 * groups of options). `multiple` picks several; `asNumber` reads numbers.
 */
export function SelectField<S extends Schema>({
  options = [],
  blank,
  multiple,
  size,
  asNumber,
  className,
  children,
  ...props
}: FieldProps<S> & { options?: Option[]; blank?: string; multiple?: boolean; size?: number; asNumber?: boolean; className?: string; children?: ReactNode }) {
  const registered = asNumber ? props.of.form.register(props.name, { valueAsNumber: true }) : props.of.form.register(props.name);
  return (
    <Field {...props}>
      {(aria) => (
        <Select multiple={multiple} size={size} className={cn(multiple && "h-auto", className)} {...aria} {...registered}>
          {blank !== undefined ? <option value="">{blank}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {children}
        </Select>
      )}
    </Field>
  );
}

/** A group of choices under one legend, its error announced with the group: checkboxes (several) or radios (one). */
function ChoicesField<S extends Schema>({
  of,
  name,
  hint,
  label,
  options,
  type,
  isStacked,
  filter,
}: FieldProps<S> & { options: Option[]; type: "checkbox" | "radio"; isStacked?: boolean; filter?: ChoicesFilter }) {
  const { id, error } = useFieldIds({ of, name, hint });
  const [words, setWords] = useState("");
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const wanted = words.trim().toLowerCase();
  // Hidden, not left out: a ticked box a filter hides is still sent.
  const shows = (o: Option) => !wanted || o.label.toLowerCase().includes(wanted);
  const chosen = useWatch({ control: of.form.control, name }) as unknown;
  return (
    <fieldset aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend className="mb-1 text-sm font-medium text-ink">{label ?? of.labelOf(name)}</legend>
      {filter ? (
        <div className="mb-2 flex flex-wrap items-center gap-3">
          <Input
            type="search"
            aria-label={filter.label}
            placeholder={filter.label}
            value={words}
            onChange={(e) => setWords(e.target.value)}
            // Enter narrows the list; it does not send the form.
            onKeyDown={(e) => {
              if (e.key === "Enter") e.preventDefault();
            }}
            className="max-w-xs"
          />
          <span className="text-xs text-muted" aria-live="polite">
            {filter.chosen(Array.isArray(chosen) ? chosen.length : 0)}
            {options.some(shows) ? null : ` · ${filter.none}`}
          </span>
        </div>
      ) : null}
      <div className={cn(isStacked ? "space-y-1" : "flex flex-wrap gap-x-4 gap-y-2", filter && "max-h-80 overflow-y-auto rounded-md border border-line p-2")}>
        {options.map((o, index) => (
          <label key={o.value} className={cn("flex min-h-8 items-center gap-2 text-sm", !shows(o) && "hidden")}>
            <input type={type} value={o.value} id={index === 0 ? id : undefined} className="h-4 w-4 accent-brand" {...of.form.register(name)} />
            {o.label}
          </label>
        ))}
      </div>
      <FieldFooter id={id} hint={hint} error={error} />
    </fieldset>
  );
}

/** A filter over a long list of choices: the search box's name, and how many are chosen. */
export type ChoicesFilter = { label: string; chosen: (count: number) => string; none: string };

/** Checkboxes for a list of values: one ticked box per value chosen. With `filter`, a long list scrolls and a search narrows what shows. */
export function CheckboxesField<S extends Schema>(props: FieldProps<S> & { options: Option[]; isStacked?: boolean; filter?: ChoicesFilter }) {
  return <ChoicesField {...props} type="checkbox" />;
}

/** Radio buttons for one value of a few. */
export function RadioField<S extends Schema>(props: FieldProps<S> & { options: Option[]; isStacked?: boolean }) {
  return <ChoicesField {...props} type="radio" />;
}

/** One checkbox for a yes or no, its label beside it and its hint under the label. */
export function CheckboxField<S extends Schema>(props: FieldProps<S>) {
  const { id, error, aria } = useFieldIds(props);
  const { of, name, hint, label } = props;
  return (
    <div>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 h-4 w-4 shrink-0 accent-brand"
          {...aria}
          aria-describedby={aria["aria-describedby"] ?? (hint ? `${id}-hint` : undefined)}
          // Checked in the server's HTML already, before the form takes over.
          defaultChecked={get(of.form.formState.defaultValues, name) === true}
          {...of.form.register(name)}
        />
        <span>
          <span className="font-medium">{label ?? of.labelOf(name)}</span>
          {hint ? (
            <span id={`${id}-hint`} className="block text-xs text-muted">
              {hint}
            </span>
          ) : null}
        </span>
      </label>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/**
 * A file input: the chosen file (or null) is the field's value, checked by
 * the schema like any other, at once. A new `resetKey` empties the input.
 */
export function FileField<S extends Schema>({
  accept,
  resetKey,
  autoFocus,
  onChange,
  ...props
}: FieldProps<S> & { accept: string; resetKey?: number; autoFocus?: boolean; /** Runs after the form has taken the file. */ onChange?: () => void }) {
  const { of, name } = props;
  // Registered as a controlled field: a refusal can focus the input, and setting the File leaves the input showing it.
  const { field } = useController({ control: of.form.control, name });
  return (
    <Field {...props}>
      {(aria) => (
        <Input
          key={resetKey}
          type="file"
          accept={accept}
          className="h-auto py-1.5"
          autoFocus={autoFocus}
          {...aria}
          name={name}
          ref={field.ref}
          onBlur={field.onBlur}
          onChange={(event) => {
            of.form.setValue(name, (event.target.files?.[0] ?? null) as PathValue<z.input<S>, Path<z.input<S>>>, { shouldValidate: true });
            onChange?.();
          }}
        />
      )}
    </Field>
  );
}

/**
 * A refusal naming its fields, or a conflict with the one button that loads
 * the latest (and, with `describe`, what the record now holds); nothing
 * otherwise.
 */
export function OutcomeAlert({ outcome, describe, className }: { outcome: FormOutcome; describe?: (current: unknown) => ReactNode; className?: string }) {
  const t = useTranslations("form");
  const router = useRouter();
  if (outcome?.kind === "conflict") {
    return (
      <Alert tone="error" className={cn("space-y-2", className)} data-testid="conflict">
        <p>{t("conflict")}</p>
        {describe && outcome.current !== undefined ? describe(outcome.current) : null}
        <Button type="button" variant="secondary" size="sm" onClick={() => router.refresh()}>
          {t("reload")}
        </Button>
      </Alert>
    );
  }
  return outcome?.kind === "problem" ? (
    <Alert tone="error" className={className}>
      {outcome.message}
    </Alert>
  ) : null;
}

/** A form's body: its refusal, its fields disabled while it works, its submit button, and a polite word when done. */
export function FormBody<S extends Schema>({
  of,
  submitLabel,
  busyLabel,
  variant = "primary",
  doneMessage,
  describeConflict,
  submitClassName,
  extra,
  children,
  ...formProps
}: {
  of: ActionForm<S>;
  submitLabel: string;
  /** The submit button's words while the form works ("uploading…"). */
  busyLabel?: string;
  variant?: "primary" | "secondary";
  /** The polite word after a success, when the form's own `doneMessage` says nothing more particular. */
  doneMessage?: string;
  describeConflict?: (current: unknown) => ReactNode;
  submitClassName?: string;
  /** Under the submit button: its hint, a second button. */
  extra?: ReactNode;
  children: ReactNode;
} & Pick<ComponentProps<"form">, "id" | "aria-label" | "aria-labelledby">) {
  const t = useTranslations("form");
  const done = of.outcome?.kind === "done" ? (of.outcome.message ?? doneMessage) : undefined;
  return (
    <form onSubmit={of.onSubmit} noValidate className="space-y-3" {...formProps}>
      <OutcomeAlert outcome={of.outcome} describe={describeConflict} />
      <fieldset disabled={of.isBusy} className="space-y-3">
        {children}
        <Button type="submit" variant={variant} className={submitClassName}>
          {of.isBusy ? (busyLabel ?? t("working")) : submitLabel}
        </Button>
        {extra}
        <p role="status" className="text-sm text-ok">
          {done ?? ""}
        </p>
      </fieldset>
    </form>
  );
}
