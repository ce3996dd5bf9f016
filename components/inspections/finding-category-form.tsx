"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { useForm, type FieldPath, type FieldValues, type UseFormRegister, type UseFormSetError } from "react-hook-form";
import { saveFindingCategory } from "@/lib/actions/finding-categories";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useActionError } from "@/components/ui/use-action-error";
import type { ActionResult } from "@/lib/server/action";
import type { FindingCategoryUsage } from "@/lib/server/inspections/categories";
import {
  CATEGORY_NAME_EN_MAX,
  CATEGORY_NAME_MAX,
  CATEGORY_ORDER_MAX,
  ZFindingCategoryFields,
  ZNewFindingCategory,
  type TFindingCategoryFields,
  type TNewFindingCategory,
} from "@/lib/validation/finding-categories";

type Failure = Exclude<ActionResult<unknown>, { ok: true }>;

/** The message of a field's error code, with the limits the codes mention. */
function useCategoryError() {
  const t = useTranslations("findingCategories.error");
  return (code: string | undefined) =>
    code === undefined ? undefined : t.has(code) ? t(code, { nameMax: CATEGORY_NAME_MAX, nameEnMax: CATEGORY_NAME_EN_MAX, orderMax: CATEGORY_ORDER_MAX }) : code;
}

/** Puts the server's field errors back on the form's fields; anything else is the form's message. */
function applyFailure<T extends FieldValues>(failure: Failure, fields: readonly FieldPath<T>[], setError: UseFormSetError<T>): boolean {
  const errors = failure.error === "validation" ? (failure.fieldErrors ?? {}) : {};
  let placed = false;
  for (const field of fields) {
    const code = errors[field]?.[0];
    if (code) {
      setError(field, { message: code });
      placed = true;
    }
  }
  return placed;
}

type FieldSpec<T extends FieldValues> = { name: FieldPath<T>; label: string; hint?: string; type?: "number"; maxLength?: number };

function Fields<T extends FieldValues>({
  prefix,
  specs,
  register,
  errors,
}: {
  prefix: string;
  specs: FieldSpec<T>[];
  register: UseFormRegister<T>;
  errors: Partial<Record<string, { message?: string }>>;
}) {
  const message = useCategoryError();
  return (
    <>
      {specs.map((f) => {
        const id = `${prefix}-${f.name}`;
        const error = errors[f.name]?.message;
        return (
          <div key={f.name}>
            <Label htmlFor={id}>{f.label}</Label>
            <Input
              id={id}
              type={f.type ?? "text"}
              inputMode={f.type === "number" ? "numeric" : undefined}
              maxLength={f.maxLength}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : f.hint ? `${id}-hint` : undefined}
              {...register(f.name, f.type === "number" ? { valueAsNumber: true } : {})}
            />
            {f.hint ? (
              <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
                {f.hint}
              </p>
            ) : null}
            <FieldError id={`${id}-error`} message={message(error)} />
          </div>
        );
      })}
    </>
  );
}

/** Adds a category to the list: its code (fixed once made), names and place in the order. */
export function NewFindingCategoryForm({ nextSortOrder }: { nextSortOrder: number }) {
  const t = useTranslations("findingCategories");
  const actionError = useActionError();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const empty: TNewFindingCategory = { code: "", name: "", nameEn: "", sortOrder: nextSortOrder };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TNewFindingCategory>({ resolver: zodResolver(ZNewFindingCategory), defaultValues: empty });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setNotice(null);
    const result = await saveFindingCategory({ op: "create", ...values });
    if (!result.ok) {
      if (!applyFailure(result, ["code", "name", "nameEn", "sortOrder"], setError)) setProblem(actionError(result));
      return;
    }
    reset({ ...empty, sortOrder: values.sortOrder + 10 });
    setNotice(t("added", { name: values.name.trim() }));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="category-new-heading">
      <h2 id="category-new-heading" className="text-base font-semibold">
        {t("newHeading")}
      </h2>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      {notice ? <Alert tone="ok">{notice}</Alert> : null}
      <fieldset disabled={isSubmitting} className="space-y-3">
        <Fields<TNewFindingCategory>
          prefix="category-new"
          register={register}
          errors={errors}
          specs={[
            { name: "code", label: t("code"), hint: t("codeHint"), maxLength: 32 },
            { name: "name", label: t("name"), maxLength: CATEGORY_NAME_MAX + 10 },
            { name: "nameEn", label: t("nameEn"), hint: t("nameEnHint"), maxLength: CATEGORY_NAME_EN_MAX + 10 },
            { name: "sortOrder", label: t("sortOrder"), hint: t("sortOrderHint"), type: "number" },
          ]}
        />
        <Button type="submit">{isSubmitting ? t("saving") : t("add")}</Button>
      </fieldset>
    </form>
  );
}

/**
 * One category in the administrators' table: its names, code, order, state
 * and use, and the buttons to edit, move, retire or restore it.
 */
export function FindingCategoryRow({ category, isFirst, isLast }: { category: FindingCategoryUsage; isFirst: boolean; isLast: boolean }) {
  const t = useTranslations("findingCategories");
  const actionError = useActionError();
  const router = useRouter();
  const id = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [isEditing, setIsEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const defaults: TFindingCategoryFields = { name: category.name, nameEn: category.nameEn ?? "", sortOrder: category.sortOrder };
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TFindingCategoryFields>({ resolver: zodResolver(ZFindingCategoryFields), defaultValues: defaults });

  const run = (input: Parameters<typeof saveFindingCategory>[0]) =>
    startTransition(async () => {
      setProblem(null);
      const result = await saveFindingCategory(input);
      if (!result.ok) setProblem(actionError(result));
      else router.refresh();
    });

  const close = () => {
    setIsEditing(false);
    setProblem(null);
    reset(defaults);
    editButton.current?.focus();
  };

  // The row may have moved or been renamed since the form was made: start from what it shows now.
  const open = () => {
    reset(defaults);
    setIsEditing(true);
  };

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const result = await saveFindingCategory({ op: "update", id: category.id, ...values });
    if (!result.ok) {
      if (!applyFailure(result, ["name", "nameEn", "sortOrder"], setError)) setProblem(actionError(result));
      return;
    }
    setIsEditing(false);
    router.refresh();
  });

  const busy = isPending || isSubmitting;
  return (
    <>
      <tr className={category.isActive ? undefined : "text-muted"} data-testid="category-row">
        <td className="px-3 py-2 tabular-nums">{category.sortOrder}</td>
        <td className="px-3 py-2">
          <span className="font-medium">{category.name}</span>
          {category.nameEn ? <span className="block text-xs text-muted">{category.nameEn}</span> : null}
        </td>
        <td className="px-3 py-2">
          <code className="font-mono text-xs">{category.code}</code>
        </td>
        <td className="px-3 py-2">
          <Badge tone={category.isActive ? "ok" : "neutral"}>{category.isActive ? t("active") : t("retired")}</Badge>
        </td>
        <td className="px-3 py-2 text-right tabular-nums">{category.findingCount}</td>
        <td className="px-3 py-2">
          <div className="flex flex-wrap justify-end gap-1">
            <Button
              ref={editButton}
              type="button"
              variant="secondary"
              size="sm"
              aria-expanded={isEditing}
              aria-controls={`${id}-edit`}
              aria-label={t("editLabel", { name: category.name })}
              disabled={busy}
              onClick={() => (isEditing ? close() : open())}
            >
              {t("edit")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-label={t("moveUpLabel", { name: category.name })}
              disabled={busy || isFirst}
              onClick={() => run({ op: "move", id: category.id, direction: "up" })}
            >
              ↑
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-label={t("moveDownLabel", { name: category.name })}
              disabled={busy || isLast}
              onClick={() => run({ op: "move", id: category.id, direction: "down" })}
            >
              ↓
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-label={t(category.isActive ? "retireLabel" : "restoreLabel", { name: category.name })}
              disabled={busy}
              onClick={() => {
                if (category.isActive && !window.confirm(t("retireConfirm", { name: category.name }))) return;
                run({ op: "setActive", id: category.id, isActive: !category.isActive });
              }}
            >
              {category.isActive ? t("retire") : t("restore")}
            </Button>
          </div>
          {problem && !isEditing ? (
            <p role="alert" className="mt-1 text-right text-sm text-danger">
              {problem}
            </p>
          ) : null}
        </td>
      </tr>
      {isEditing ? (
        <tr>
          <td colSpan={6} className="bg-surface px-3 py-3">
            <form id={`${id}-edit`} onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-3" aria-label={t("editLabel", { name: category.name })}>
              {problem ? (
                <div className="sm:col-span-3">
                  <Alert tone="error">{problem}</Alert>
                </div>
              ) : null}
              <fieldset disabled={isSubmitting} className="contents">
                <Fields<TFindingCategoryFields>
                  prefix={`${id}-edit`}
                  register={register}
                  errors={errors}
                  specs={[
                    { name: "name", label: t("name"), maxLength: CATEGORY_NAME_MAX + 10 },
                    { name: "nameEn", label: t("nameEn"), maxLength: CATEGORY_NAME_EN_MAX + 10 },
                    { name: "sortOrder", label: t("sortOrder"), type: "number" },
                  ]}
                />
                <div className="flex flex-wrap gap-2 sm:col-span-3">
                  <Button type="submit" size="sm">
                    {isSubmitting ? t("saving") : t("save")}
                  </Button>
                  <Button type="button" variant="ghost" size="sm" onClick={close}>
                    {t("cancel")}
                  </Button>
                </div>
              </fieldset>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  );
}
