"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, type ArrayPath, type FieldArray, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { InputField, SelectField, TextareaField, type Option } from "@/components/forms/fields";
import type { ActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FINDING_SEVERITIES, TEXT_MAX, type TProblemEntry } from "@/lib/validation/inspections";

/** The words of one problem list: its legend, how one entry is named, and what each field is called. */
export type ProblemListWords = {
  legend: string;
  hint: string;
  none: string;
  entryN: (n: number) => string;
  add: string;
  remove: (n: number) => string;
  text: string;
  categoryId: string;
  severity: string;
  deadline: string;
};

/**
 * A list of problems entered by hand, each to become a finding: the text,
 * the category, the severity and the deadline. A talk's commitments and a
 * tour's problem list are both one of these, at `name` in their form.
 */
export function ProblemListFieldset<S extends z.ZodType<FieldValues, FieldValues>>({
  of,
  name,
  max,
  categories,
  words,
}: {
  of: ActionForm<S>;
  name: ArrayPath<z.input<S>>;
  max: number;
  categories: Option[];
  words: ProblemListWords;
}) {
  const ts = useTranslations("findingSeverity");
  const { fields, append, remove } = useFieldArray({ control: of.form.control, name });
  const path = (i: number, field: keyof TProblemEntry) => `${name}.${i}.${field}` as Path<z.input<S>>;
  const error = of.errorOf(name as Path<z.input<S>>);
  const blank: TProblemEntry = { text: "", categoryId: categories[0]?.value ?? "", severity: "MEDIUM", deadline: "" };
  return (
    <fieldset className="space-y-3 rounded-md border border-line p-3">
      <legend className="px-1 text-sm font-medium text-ink">{words.legend}</legend>
      <p className="text-xs text-muted">{words.hint}</p>
      {fields.length === 0 ? <p className="text-sm text-muted">{words.none}</p> : null}
      {fields.map((field, i) => (
        <div key={field.id} role="group" aria-label={words.entryN(i + 1)} className="space-y-2 border-t border-line pt-3 first:border-t-0 first:pt-0">
          <div className="flex items-center justify-between gap-2">
            <span className="text-sm font-medium">{words.entryN(i + 1)}</span>
            <Button type="button" variant="secondary" onClick={() => remove(i)} aria-label={words.remove(i + 1)}>
              ×
            </Button>
          </div>
          <TextareaField of={of} name={path(i, "text")} label={words.text} rows={2} maxLength={TEXT_MAX} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <SelectField of={of} name={path(i, "categoryId")} label={words.categoryId} options={categories} />
            <SelectField of={of} name={path(i, "severity")} label={words.severity} options={FINDING_SEVERITIES.map((s) => ({ value: s, label: ts(s) }))} />
            <InputField of={of} name={path(i, "deadline")} label={words.deadline} type="date" />
          </div>
        </div>
      ))}
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      {fields.length < max ? (
        <Button type="button" variant="secondary" onClick={() => append(blank as FieldArray<z.input<S>, ArrayPath<z.input<S>>>)}>
          {words.add}
        </Button>
      ) : null}
    </fieldset>
  );
}
