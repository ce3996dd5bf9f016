"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { ActionButton, ActionOutcome, useActionRunner } from "@/components/forms/action-button";
import { FormBody, InputField, OutcomeAlert } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { saveFindingCategory } from "@/lib/actions/finding-categories";
import type { FindingCategoryUsage } from "@/lib/server/inspections/categories";
import {
  CATEGORY_NAME_EN_MAX,
  CATEGORY_NAME_MAX,
  CATEGORY_ORDER_MAX,
  ZFindingCategoryFields,
  ZNewFindingCategory,
  type TNewFindingCategory,
} from "@/lib/validation/finding-categories";

/** The category page's own words for refusals, and the limits they name. */
const MESSAGES = "findingCategories.error";
const LIMITS = { nameMax: CATEGORY_NAME_MAX, nameEnMax: CATEGORY_NAME_EN_MAX, orderMax: CATEGORY_ORDER_MAX };

/** Adds a category to the list: its code (fixed once made), names and place in the order. */
export function NewFindingCategoryForm({ nextSortOrder }: { nextSortOrder: number }) {
  const t = useTranslations("findingCategories");
  const empty: TNewFindingCategory = { code: "", name: "", nameEn: "", sortOrder: nextSortOrder };
  const of = useActionForm({
    id: "category-new",
    schema: ZNewFindingCategory,
    action: (values) => saveFindingCategory({ op: "create", ...values }),
    defaultValues: empty,
    fields: {
      code: { label: t("code") },
      name: { label: t("name"), max: CATEGORY_NAME_MAX },
      nameEn: { label: t("nameEn"), max: CATEGORY_NAME_EN_MAX },
      sortOrder: { label: t("sortOrder") },
    },
    // The next one goes after this one.
    resetOnSuccess: (sent) => ({ ...empty, sortOrder: sent.sortOrder + 10 }),
    doneMessage: (_, sent) => t("added", { name: sent.name.trim() }),
    messages: MESSAGES,
    messageValues: LIMITS,
  });
  return (
    <div className="space-y-3">
      <h2 id="category-new-heading" className="text-base font-semibold">
        {t("newHeading")}
      </h2>
      <FormBody of={of} submitLabel={t("add")} busyLabel={t("saving")} aria-labelledby="category-new-heading">
        <InputField of={of} name="code" hint={t("codeHint")} control={{ maxLength: 32 }} />
        <InputField of={of} name="name" control={{ maxLength: CATEGORY_NAME_MAX + 10 }} />
        <InputField of={of} name="nameEn" hint={t("nameEnHint")} control={{ maxLength: CATEGORY_NAME_EN_MAX + 10 }} />
        <InputField of={of} name="sortOrder" type="number" asNumber hint={t("sortOrderHint")} />
      </FormBody>
    </div>
  );
}

/**
 * One category in the administrators' table: its names, code, order, state
 * and use, and the buttons to edit, move, retire or restore it.
 */
export function FindingCategoryRow({ category, isFirst, isLast }: { category: FindingCategoryUsage; isFirst: boolean; isLast: boolean }) {
  const t = useTranslations("findingCategories");
  const id = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const [isEditing, setIsEditing] = useState(false);
  // The row's buttons act one at a time, and say what went wrong in one place.
  const runner = useActionRunner(MESSAGES);
  const defaults = { name: category.name, nameEn: category.nameEn ?? "", sortOrder: category.sortOrder };
  const of = useActionForm({
    id: `${id}-edit`,
    schema: ZFindingCategoryFields,
    action: (values) => saveFindingCategory({ op: "update", id: category.id, ...values }),
    defaultValues: defaults,
    fields: {
      name: { label: t("name"), max: CATEGORY_NAME_MAX },
      nameEn: { label: t("nameEn"), max: CATEGORY_NAME_EN_MAX },
      sortOrder: { label: t("sortOrder") },
    },
    onSuccess: () => setIsEditing(false),
    messages: MESSAGES,
    messageValues: LIMITS,
  });

  const close = () => {
    setIsEditing(false);
    of.form.reset(defaults);
    editButton.current?.focus();
  };

  // The row may have moved or been renamed since the form was made: start from what it shows now.
  const open = () => {
    of.form.reset(defaults);
    setIsEditing(true);
  };

  const isBusy = runner.isBusy || of.isBusy;
  const step = { runner, size: "sm", variant: "ghost", disabled: isBusy } as const;
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
              disabled={isBusy}
              onClick={() => (isEditing ? close() : open())}
            >
              {t("edit")}
            </Button>
            <ActionButton
              {...step}
              action={saveFindingCategory}
              input={{ op: "move", id: category.id, direction: "up" }}
              label="↑"
              busyLabel="↑"
              ariaLabel={t("moveUpLabel", { name: category.name })}
              disabled={isBusy || isFirst}
            />
            <ActionButton
              {...step}
              action={saveFindingCategory}
              input={{ op: "move", id: category.id, direction: "down" }}
              label="↓"
              busyLabel="↓"
              ariaLabel={t("moveDownLabel", { name: category.name })}
              disabled={isBusy || isLast}
            />
            <ActionButton
              {...step}
              action={saveFindingCategory}
              input={{ op: "setActive", id: category.id, isActive: !category.isActive }}
              label={category.isActive ? t("retire") : t("restore")}
              busyLabel={category.isActive ? t("retire") : t("restore")}
              ariaLabel={t(category.isActive ? "retireLabel" : "restoreLabel", { name: category.name })}
              confirm={category.isActive ? t("retireConfirm", { name: category.name }) : undefined}
            />
          </div>
          <ActionOutcome of={runner} className="mt-1 text-left" />
        </td>
      </tr>
      {isEditing ? (
        <tr>
          <td colSpan={6} className="bg-surface px-3 py-3">
            <form id={`${id}-edit`} onSubmit={of.onSubmit} noValidate className="space-y-3" aria-label={t("editLabel", { name: category.name })}>
              <OutcomeAlert outcome={of.outcome} />
              <fieldset disabled={of.isBusy} className="grid gap-3 sm:grid-cols-3">
                <InputField of={of} name="name" control={{ maxLength: CATEGORY_NAME_MAX + 10 }} />
                <InputField of={of} name="nameEn" control={{ maxLength: CATEGORY_NAME_EN_MAX + 10 }} />
                <InputField of={of} name="sortOrder" type="number" asNumber />
                <div className="flex flex-wrap gap-2 sm:col-span-3">
                  <Button type="submit" size="sm">
                    {of.isBusy ? t("saving") : t("save")}
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
