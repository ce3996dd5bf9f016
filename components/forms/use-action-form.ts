"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { get, useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { useRecord } from "@/components/forms/record";
import { useCodeMessage, type MessageNamespaces, type MessageValues } from "@/components/forms/use-message";
import { useActionError } from "@/components/ui/use-action-error";
import type { ActionFailure, ActionResult } from "@/lib/server/action";
import { isVersionChange } from "@/lib/version-change";

/** What a form or button says after its last step; a success may say what it did. */
export type FormOutcome = { kind: "done"; message?: string } | { kind: "conflict"; current?: unknown } | { kind: "problem"; message: string } | null;

/** A field of the form, as the form's refusals name it: its label, and its limit for "too long" or "too large". */
export type FieldLabel = { label: string; max?: number | string };

/** The fields of the form that sends a step, to show the step's refusals at. */
type LocalFields = { labels: Partial<Record<string, FieldLabel>>; show: (name: string, code: string, focus: boolean) => void };

function hasData(value: unknown): value is { version?: unknown } {
  return typeof value === "object" && value !== null;
}

/** The order of the form's own fields first (as it lists them, top to bottom), any other after. */
function inFieldOrder<V>(entries: [string, V][], labels: Partial<Record<string, FieldLabel>> | undefined): [string, V][] {
  const order = Object.keys(labels ?? {});
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  return [...entries].sort(([a], [b]) => rank(a) - rank(b));
}

/** react-hook-form's errors, nested as the values are ("draw.size"), as one list of field paths and codes. */
function flattenErrors(errors: FieldErrors, prefix = ""): [string, string][] {
  return Object.entries(errors).flatMap(([key, error]): [string, string][] => {
    if (key === "ref" || typeof error !== "object" || error === null) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    if ("type" in error && typeof error.message === "string") return [[path, error.message]];
    return flattenErrors(error as FieldErrors, path);
  });
}

/**
 * What every step does with its answer, for forms and buttons alike: a
 * success adopts the record's new version (RecordProvider) and refreshes the
 * page; a refusal names its fields, marks and focuses the first (in the
 * sending form or another form on the page); a conflict is a conflict.
 */
export function useStep(messages?: MessageNamespaces, values?: MessageValues) {
  const t = useTranslations("form");
  const codeMessage = useCodeMessage(messages);
  const actionError = useActionError();
  const router = useRouter();
  const record = useRecord();

  /** The input as sent: with the version the page holds now, when the step is checked against one. */
  function withVersion<I>(input: I): I {
    return record.version !== undefined && hasData(input) && "expectedVersion" in input ? { ...input, expectedVersion: record.version } : input;
  }

  function succeed(data: unknown, refresh = true): void {
    if (hasData(data) && isVersionChange(data.version)) record.adopt(data.version);
    if (refresh) router.refresh();
  }

  function refuse(result: ActionFailure, local?: LocalFields): FormOutcome {
    if (result.error === "conflict") return { kind: "conflict", current: result.current };
    const named: string[] = [];
    let other: string | undefined;
    let isFocused = false;
    for (const [name, codes] of inFieldOrder(Object.entries(result.fieldErrors ?? {}), local?.labels)) {
      const code = codes[0];
      if (!code) continue;
      // A refusal of one entry of a list ("milestones.0.dueOn") is shown at that entry, under the list's label.
      const mine = local?.labels[name] ?? (/\.\d+(\.|$)/.test(name) ? local?.labels[name.split(".")[0]!] : undefined);
      if (local && mine) {
        local.show(name, code, !isFocused);
        isFocused = true;
        named.push(t("fieldProblem", { field: mine.label, message: codeMessage(code, { ...values, max: mine.max }) ?? code }));
        continue;
      }
      const elsewhere = record.findField(name);
      if (elsewhere) {
        if (!isFocused) elsewhere.show(code);
        isFocused = true;
        named.push(t("fieldProblem", { field: elsewhere.label, message: codeMessage(code, values) ?? code }));
        continue;
      }
      other ??= codeMessage(code, values);
    }
    const message = [...named, ...(other ? [other] : [])].join(" ");
    return { kind: "problem", message: message || actionError(result) };
  }

  return {
    withVersion,
    succeed,
    refuse,
    fieldProblem: (label: string, message: string) => t("fieldProblem", { field: label, message }),
    codeMessage: (code: string, more?: MessageValues) => codeMessage(code, { ...values, ...more }),
  };
}

export type ActionFormOptions<S extends z.ZodType<FieldValues, FieldValues>, T> = {
  /** Prefixes the fields' element ids; unique on the page. */
  id: string;
  schema: S;
  action: (input: z.input<S>) => Promise<ActionResult<T>>;
  defaultValues: z.input<S>;
  /** The fields the form shows, by name, top to bottom; a refusal that names one is shown at it, with its label. */
  fields: Partial<Record<Path<z.input<S>>, FieldLabel>>;
  /** Empty the fields after a success (a new finding, a progress note); a function gives the values to start again from. */
  resetOnSuccess?: boolean | ((sent: z.input<S>) => z.input<S>);
  onSuccess?: (data: T, sent: z.input<S>) => void;
  /** What the success says, from the answer and what was sent ("added …"). */
  doneMessage?: (data: T, sent: z.input<S>) => string;
  /** Where to go after a success that made a new record (its page); otherwise the page refreshes. */
  redirectTo?: (data: T) => string;
  /** False when the form's action changes nothing (a preview): the page need not refresh. A `submitWith` step always refreshes. */
  refresh?: boolean;
  /** Namespaces whose words for refusal codes come first (a form's own wording). */
  messages?: MessageNamespaces;
  /** Limits a form's own words mention by name ("{orderMax}"), beside each field's `max`. */
  messageValues?: MessageValues;
};

export type ActionForm<S extends z.ZodType<FieldValues, FieldValues>> = {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  onSubmit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  /**
   * The same fields, checked the same way, sent to another action (a second
   * button: save beside submit, return beside approve, confirm after a preview).
   */
  submitWith: <T>(action: (input: z.input<S>) => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) => () => Promise<void>;
  outcome: FormOutcome;
  isBusy: boolean;
  /** A field's error in words, for the field components. */
  errorOf: (name: Path<z.input<S>>) => string | undefined;
  labelOf: (name: Path<z.input<S>>) => string;
  fieldId: (name: Path<z.input<S>>) => string;
};

/**
 * The one way a form acts: react-hook-form with the action's own zod schema
 * in the browser, the page's version of the record put in at the moment of
 * sending, and the answer handled by useStep. Only a conflict offers to
 * load the latest; nothing typed is lost on a refusal.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, T>(options: ActionFormOptions<S, T>): ActionForm<S> {
  const { id, schema, action, defaultValues, fields, resetOnSuccess, onSuccess, doneMessage, redirectTo, refresh = true, messages, messageValues } = options;
  const step = useStep(messages, messageValues);
  const router = useRouter();
  const { registerField } = useRecord();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [isNavigating, startNavigation] = useTransition();
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as DefaultValues<z.input<S>>,
  });
  const labels = fields as Partial<Record<string, FieldLabel>>;
  // A refused field is focused once the form is enabled again: a disabled field takes no focus. Each sending clears the request.
  // A new object per request, so that the same field refused twice is focused twice.
  const [focusField, setFocusField] = useState<{ name: string } | null>(null);
  const { isSubmitting } = form.formState;
  useEffect(() => {
    if (focusField && !isSubmitting) form.setFocus(focusField.name as Path<z.input<S>>);
  }, [form, focusField, isSubmitting]);
  const show = (name: string, code: string, focus: boolean) => {
    form.setError(name as Path<z.input<S>>, { message: code });
    if (focus) setFocusField({ name });
  };
  const words = (name: string, code: string) => step.codeMessage(code, { max: labels[name]?.max }) ?? code;

  // Other forms on the page may name these fields in their refusals.
  useEffect(() => {
    const unregister = Object.entries(labels).map(([name, field]) =>
      registerField(name, { label: field?.label ?? name, show: (code) => show(name, code, true) }),
    );
    return () => unregister.forEach((u) => u());
    // The fields are fixed for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, registerField]);

  // The browser's own check: react-hook-form marks the fields and focuses the first; the alert names them.
  const onInvalid = (errors: FieldErrors<z.input<S>>) => {
    const named = inFieldOrder(flattenErrors(errors), labels).map(([name, code]) => step.fieldProblem(labels[name]?.label ?? name, words(name, code)));
    setOutcome(named.length > 0 ? { kind: "problem", message: named.join(" ") } : null);
  };

  type Handlers<R> = {
    after?: (data: R, sent: z.input<S>) => void;
    done?: (data: R, sent: z.input<S>) => string;
    redirect?: (data: R) => string;
    refresh?: boolean;
  };

  async function send<R>(act: (input: z.input<S>) => Promise<ActionResult<R>>, { after, done, redirect, refresh: shouldRefresh = true }: Handlers<R>): Promise<void> {
    setOutcome(null);
    setFocusField(null);
    // The server parses the raw input with the same schema; the browser has checked it already.
    const sent = step.withVersion(form.getValues());
    const result = await act(sent);
    if (!result.ok) return setOutcome(step.refuse(result, { labels, show }));
    if (resetOnSuccess) form.reset((typeof resetOnSuccess === "function" ? resetOnSuccess(sent) : defaultValues) as DefaultValues<z.input<S>>);
    setOutcome({ kind: "done", message: done?.(result.data, sent) });
    after?.(result.data, sent);
    const target = redirect?.(result.data);
    step.succeed(result.data, shouldRefresh && !target);
    if (target) startNavigation(() => router.push(target));
  }

  const onSubmit = form.handleSubmit(() => send(action, { after: onSuccess, done: doneMessage, redirect: redirectTo, refresh }), onInvalid);

  return {
    form,
    onSubmit,
    submitWith: (other, after) => form.handleSubmit(() => send(other, { after }), onInvalid),
    outcome,
    // A new record's page is on its way: the form stays still until it comes.
    isBusy: form.formState.isSubmitting || isNavigating,
    errorOf: (name) => {
      const error: { message?: unknown } | undefined = get(form.formState.errors, name);
      const code = error?.message;
      return typeof code === "string" ? words(name, code) : undefined;
    },
    labelOf: (name) => labels[name]?.label ?? name,
    fieldId: (name) => `${id}-${name}`,
  };
}
