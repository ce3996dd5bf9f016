"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldErrors } from "react-hook-form";
import { saveCatalogDraft } from "@/lib/actions/catalogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useActionError } from "@/components/ui/use-action-error";
import { BODY_TYPE_VALUES, DUTY_KIND_VALUES, EMPTY_DUTY, FREQUENCY_VALUES, ZCatalogDraft, type TCatalogDraft, type TDutyForm } from "@/lib/validation/catalog-editor";

/** Edits a draft version: its duties as a list to add to, reorder, change and remove, with a preview. */
export function CatalogEditor({ initial }: { initial: TCatalogDraft }) {
  const t = useTranslations("editor");
  const tv = useTranslations("validation");
  const actionError = useActionError();
  const tk = useTranslations("kind");
  const to = useTranslations("orgType");
  const tf = useTranslations("frequency");
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isPreview, setPreview] = useState(false);
  // Sections folded by the user, by section id (see dutySections), and the duty just moved, whose
  // section stays open so that a duty never vanishes under the user's hands.
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [pinnedId, setPinnedId] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting, isSubmitted, isDirty },
  } = useForm<TCatalogDraft>({ resolver: zodResolver(ZCatalogDraft), defaultValues: initial });
  const { fields, append, remove, move } = useFieldArray({ control, name: "duties" });
  const duties = useWatch({ control, name: "duties" });

  const message = (key?: string) => (key ? tv(key, { max: 1000 }) : undefined);
  const dutyError = (index: number): FieldErrors<TCatalogDraft["duties"][number]> | undefined => errors.duties?.[index];
  const hasFieldErrors = Object.keys(errors).length > 0;

  const sections = dutySections(fields, duties);
  const isOpen = (section: DutySection) => !folded.has(section.id) || section.indexes.some((index) => fields[index]?.id === pinnedId);
  /** Opens the sections of duties with errors, so that the user sees what to correct. */
  const unfoldDuties = (indexes: number[]) => {
    const ids = new Set(sections.filter((section) => section.indexes.some((index) => indexes.includes(index))).map((section) => section.id));
    setFolded((current) => new Set([...current].filter((id) => !ids.has(id))));
  };
  const toggle = (section: DutySection) => {
    const wasOpen = isOpen(section);
    if (section.indexes.some((index) => fields[index]?.id === pinnedId)) setPinnedId(null);
    setFolded((current) => {
      const next = new Set(current);
      if (wasOpen) next.add(section.id);
      else next.delete(section.id);
      return next;
    });
  };
  const moveDuty = (from: number, to: number) => {
    setPinnedId(fields[from]?.id ?? null);
    move(from, to);
  };
  const addDuty = () => {
    // The new duty may join the last section: open it, so that the new duty shows and takes the focus.
    const last = sections.at(-1);
    if (last) setFolded((current) => new Set([...current].filter((id) => id !== last.id)));
    append({ ...EMPTY_DUTY });
  };

  const dutyCard = (index: number, isHidden: boolean) => {
    const field = fields[index];
    if (!field) return null;
    const err = dutyError(index);
    const id = (name: string) => `duty-${index}-${name}`;
    return (
      <div key={field.id} id={`duty-${field.id}`} hidden={isHidden} className="rounded-lg border border-line bg-white p-4" data-testid="editor-duty">
        <fieldset className="space-y-3">
          <legend className="sr-only">{t("dutyLegend", { n: index + 1 })}</legend>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <span className="text-sm font-semibold text-muted">{t("dutyLegend", { n: index + 1 })}</span>
            <span className="flex gap-1">
              <Button type="button" size="sm" variant="ghost" disabled={index === 0} onClick={() => moveDuty(index, index - 1)} aria-label={t("moveUp", { n: index + 1 })}>
                ↑
              </Button>
              <Button type="button" size="sm" variant="ghost" disabled={index === fields.length - 1} onClick={() => moveDuty(index, index + 1)} aria-label={t("moveDown", { n: index + 1 })}>
                ↓
              </Button>
              <Button type="button" size="sm" variant="ghost" onClick={() => remove(index)} aria-label={t("remove", { n: index + 1 })}>
                {t("removeShort")}
              </Button>
            </span>
          </div>
          <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
            <div>
              <Label htmlFor={id("code")}>{t("code")}</Label>
              <Input id={id("code")} aria-invalid={err?.code ? true : undefined} {...register(`duties.${index}.code`)} />
              <FieldError id={id("code-error")} message={message(err?.code?.message)} />
            </div>
            <div>
              <Label htmlFor={id("title")}>{t("title")}</Label>
              <Input id={id("title")} aria-invalid={err?.title ? true : undefined} {...register(`duties.${index}.title`)} />
              <FieldError id={id("title-error")} message={message(err?.title?.message)} />
            </div>
          </div>
          <div className="grid gap-3 sm:grid-cols-4">
            <div>
              <Label htmlFor={id("kind")}>{t("kind")}</Label>
              <Select id={id("kind")} {...register(`duties.${index}.kind`)}>
                {DUTY_KIND_VALUES.map((v) => (
                  <option key={v} value={v}>{tk(v)}</option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor={id("bodyType")}>{t("bodyType")}</Label>
              <Select id={id("bodyType")} {...register(`duties.${index}.bodyType`)}>
                {BODY_TYPE_VALUES.map((v) => (
                  <option key={v} value={v}>{to(v)}</option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor={id("frequency")}>{t("frequency")}</Label>
              <Select id={id("frequency")} {...register(`duties.${index}.frequency`)}>
                {FREQUENCY_VALUES.map((v) => (
                  <option key={v} value={v}>{tf(v)}</option>
                ))}
              </Select>
            </div>
            <div>
              <Label htmlFor={id("weight")}>{t("weight")}</Label>
              <Input id={id("weight")} type="number" inputMode="numeric" aria-invalid={err?.weight ? true : undefined} {...register(`duties.${index}.weight`, { valueAsNumber: true })} />
              <FieldError id={id("weight-error")} message={message(err?.weight?.message)} />
            </div>
          </div>
          <div>
            <Label htmlFor={id("description")}>{t("description")}</Label>
            <Textarea id={id("description")} rows={2} {...register(`duties.${index}.description`)} />
            <FieldError id={id("description-error")} message={message(err?.description?.message)} />
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <Label htmlFor={id("group")}>{t("group")}</Label>
              <Input id={id("group")} {...register(`duties.${index}.group`)} />
            </div>
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <input type="checkbox" className="h-4 w-4 accent-brand" {...register(`duties.${index}.evidenceRequired`)} />
              {t("evidenceRequired")}
            </label>
          </div>
          <details className="text-sm">
            <summary className="cursor-pointer text-muted">{t("english")}</summary>
            <div className="mt-2 grid gap-3">
              <div>
                <Label htmlFor={id("titleEn")}>{t("titleEn")}</Label>
                <Input id={id("titleEn")} {...register(`duties.${index}.titleEn`)} />
              </div>
              <div>
                <Label htmlFor={id("descriptionEn")}>{t("descriptionEn")}</Label>
                <Textarea id={id("descriptionEn")} rows={2} {...register(`duties.${index}.descriptionEn`)} />
              </div>
            </div>
          </details>
        </fieldset>
      </div>
    );
  };

  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    setProblem(null);
    const result = await saveCatalogDraft(values);
    if (result.ok) {
      // What was saved is the new baseline: "saved" shows until the next change.
      reset(values);
      setSaved(true);
      router.refresh();
      return;
    }
    if (result.error === "validation" && result.fieldErrors) {
      for (const [field, messages] of Object.entries(result.fieldErrors)) setError(field as "source", { message: messages[0] });
      unfoldDuties(Object.keys(result.fieldErrors).flatMap((field) => /^duties\.(\d+)\./.exec(field)?.[1] ?? []).map(Number));
    }
    setProblem(actionError(result));
  }, (invalid) => unfoldDuties(Object.keys(invalid.duties ?? {}).filter((key) => /^\d+$/.test(key)).map(Number)));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" {...register("versionId")} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <Label htmlFor="source">{t("source")}</Label>
          <Input id="source" aria-invalid={errors.source ? true : undefined} {...register("source")} />
          <FieldError id="source-error" message={message(errors.source?.message)} />
        </div>
        <div>
          <Label htmlFor="sourceNote">{t("sourceNote")}</Label>
          <Input id="sourceNote" {...register("sourceNote")} />
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t("duties", { count: fields.length })}</h2>
        <span className="flex flex-wrap gap-2">
          {isPreview || sections.length === 0 ? null : (
            <>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => {
                  setPinnedId(null);
                  setFolded(new Set(sections.map((section) => section.id)));
                }}
              >
                {t("foldAll")}
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={() => setFolded(new Set())}>
                {t("unfoldAll")}
              </Button>
            </>
          )}
          <Button type="button" variant="secondary" size="sm" aria-pressed={isPreview} onClick={() => setPreview((p) => !p)}>
            {isPreview ? t("backToEdit") : t("preview")}
          </Button>
        </span>
      </div>
      {errors.duties?.root?.message || errors.duties?.message ? (
        <Alert tone="error">{message(errors.duties?.root?.message ?? errors.duties?.message)}</Alert>
      ) : null}

      {isPreview ? (
        <ol className="divide-y divide-line rounded-lg border border-line bg-white text-sm" data-testid="editor-preview">
          {duties.map((d, index) => (
            <li key={index} className="px-4 py-3">
              <p className="font-medium">
                <span className="mr-2 font-mono text-xs text-muted">{d.code}</span>
                {d.title}
              </p>
              <p className="text-xs text-muted">
                {tk(d.kind)} · {to(d.bodyType)} · {tf(d.frequency)} · {t("weightShort", { weight: Number.isFinite(d.weight) ? d.weight : 0 })}
              </p>
              {d.description ? <p className="mt-1 text-muted">{d.description}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        // One flat list, section headings between duties: a duty whose kind or group changes while it is
        // being typed in moves to another section without being remounted, so it keeps the focus.
        <div className="space-y-3">
          {sections.flatMap((section) => {
            const open = isOpen(section);
            const heading = (
              <h3 key={`section-${section.id}`} className="pt-2 first:pt-0">
                <button
                  type="button"
                  aria-expanded={open}
                  aria-controls={section.indexes.map((index) => `duty-${fields[index]?.id}`).join(" ")}
                  onClick={() => toggle(section)}
                  className="flex w-full items-center gap-2 rounded-md border border-line bg-surface px-3 py-2 text-left text-sm font-semibold hover:bg-white"
                  data-testid="editor-section"
                >
                  <span aria-hidden className={open ? "rotate-90 transition-transform" : "transition-transform"}>
                    ▸
                  </span>
                  <span className="min-w-0 flex-1">
                    {[to(section.bodyType), tk(section.kind), section.group].filter(Boolean).join(" · ")}
                  </span>
                  <span className="shrink-0 font-normal text-muted">{t("sectionCount", { count: section.indexes.length })}</span>
                </button>
              </h3>
            );
            return [heading, ...section.indexes.map((index) => dutyCard(index, !open))];
          })}
        </div>
      )}

      {/* The save button and what saving did stay in view at the bottom of the screen, however long the list. */}
      <div data-sticky-savebar className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-line bg-white px-4 py-3 shadow-[0_-2px_6px_rgba(0,0,0,0.06)] sm:mx-0 sm:rounded-t-lg sm:border-x">
        <div className="flex flex-wrap items-center gap-3">
          <Button type="button" variant="secondary" onClick={addDuty}>
            {t("add")}
          </Button>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("saving") : t("save")}
          </Button>
          <span role="status" className="text-sm">
            {saved && !isDirty ? <span className="text-ok">{t("saved")}</span> : null}
            {isSubmitted && !isSubmitting && hasFieldErrors ? <span className="text-danger">{t("fixErrors")}</span> : null}
          </span>
        </div>
        {problem ? <Alert tone="error">{problem}</Alert> : null}
      </div>
    </form>
  );
}

type DutySection = {
  /** The section's group and its first duty: stays put while the duties in it are edited. */
  id: string;
  bodyType: TDutyForm["bodyType"];
  kind: TDutyForm["kind"];
  group: string;
  indexes: number[];
};

/**
 * The duties in list order, cut into sections of neighbours with the same responsible body, kind and
 * group: the way a list is laid out. Sections follow the order; they never reorder the duties.
 */
function dutySections(fields: readonly (TDutyForm & { id: string })[], duties: readonly TDutyForm[] | undefined): DutySection[] {
  const sections: (DutySection & { key: string })[] = [];
  fields.forEach((field, index) => {
    // The watched values, or right after an append the new field's own.
    const duty = duties?.[index] ?? field;
    const group = (duty.group ?? "").trim();
    const key = [duty.bodyType, duty.kind, group].join("\u0000");
    const last = sections.at(-1);
    if (last?.key === key) last.indexes.push(index);
    else sections.push({ key, id: `${key}\u0000${field.id}`, bodyType: duty.bodyType, kind: duty.kind, group, indexes: [index] });
  });
  return sections;
}
