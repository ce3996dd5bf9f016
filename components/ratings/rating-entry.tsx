"use client";

import { useTranslations } from "next-intl";
import { FormBody, InputField, SelectField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { ActionButton } from "@/components/forms/action-button";
import { addAwardBar, addDemocraticBallot, addRatingAdjustment, publishRatings, saveSelfRating, saveSuperiorRating } from "@/lib/actions/ratings";
import type { DimensionScores } from "@/lib/ratings/ratings";
import { ZAddAdjustment, ZAddAwardBar, ZSaveRating, type TAddAdjustment, type TAddAwardBar, type TSaveRating } from "@/lib/validation/ratings";

export type DimensionLabel = { key: string; label: string };

const SCORE = { min: 0, max: 100, step: 1 };

const ACTIONS = { self: saveSelfRating, superior: saveSuperiorRating, ballot: addDemocraticBallot } as const;

/**
 * A rater's scores of a unit's year, one whole number from 0 to 100 per
 * dimension: the unit's self-rating, the committee's superior rating (both
 * kept and changed until publication), or one paper ballot of the
 * democratic rating, which the form clears for the next.
 */
export function ScoresForm({
  kind,
  periodId,
  orgId,
  dimensions,
  initial,
}: {
  kind: keyof typeof ACTIONS;
  periodId: string;
  orgId: string;
  dimensions: DimensionLabel[];
  initial?: DimensionScores;
}) {
  const t = useTranslations("ratings.entry");
  // Every dimension's field starts as given, or empty (NaN reads as an empty number field).
  const defaults: TSaveRating = { periodId, orgId, scores: Object.fromEntries(dimensions.map((d) => [d.key, initial?.[d.key] ?? Number.NaN])) };
  const of = useActionForm({
    id: `rating-${kind}`,
    schema: ZSaveRating,
    // The three actions take the same input; a ballot answers its number.
    action: ACTIONS[kind] as (input: TSaveRating) => ReturnType<(typeof ACTIONS)["ballot"]>,
    defaultValues: defaults,
    fields: Object.fromEntries(dimensions.map((d) => [`scores.${d.key}`, { label: d.label }])),
    resetOnSuccess: kind === "ballot",
    doneMessage: (data) => (kind === "ballot" ? t("ballotAdded", { ballot: data as number }) : t("saved")),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t(`submit.${kind}`)} aria-label={t(`form.${kind}`)}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {dimensions.map((d) => (
          <InputField key={d.key} of={of} name={`scores.${d.key}`} type="number" asNumber control={SCORE} />
        ))}
      </div>
    </FormBody>
  );
}

/** The committee's bonus points or deduction for a unit's year, with the reason it is given. */
export function AdjustmentForm({ periodId, orgId }: { periodId: string; orgId: string }) {
  const t = useTranslations("ratings.entry");
  const defaults: TAddAdjustment = { periodId, orgId, points: Number.NaN, reason: "" };
  const of = useActionForm({
    id: "rating-adjustment",
    schema: ZAddAdjustment,
    action: addRatingAdjustment,
    defaultValues: defaults,
    fields: { points: { label: t("adjustmentPoints") }, reason: { label: t("adjustmentReason"), max: 200 } },
    resetOnSuccess: true,
    doneMessage: () => t("adjustmentAdded"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("submit.adjustment")} aria-label={t("form.adjustment")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[10rem_minmax(0,1fr)]">
        <InputField of={of} name="points" type="number" asNumber control={{ min: -100, max: 100, step: 0.01, inputMode: "decimal" }} hint={t("adjustmentHint")} />
        <InputField of={of} name="reason" control={{ maxLength: 200 }} />
      </div>
    </FormBody>
  );
}

/** The committee's step that publishes the year's results, asking first, and naming the units whose ratings are incomplete. */
export function PublishButton({ periodId, year, pending }: { periodId: string; year: number; pending: number }) {
  const t = useTranslations("ratings.publish");
  return (
    <ActionButton
      action={publishRatings}
      input={{ periodId }}
      label={t("button")}
      busyLabel={t("busy")}
      confirm={pending > 0 ? t("confirmPending", { year, pending }) : t("confirm", { year })}
      doneMessage={(data) => t("published", { units: data.units })}
      messages="ratings.error"
    />
  );
}

/** The committee bars the unit, or one of its secretaries, from the year's awards, saying why. */
export function AwardBarForm({ periodId, orgId, secretaries }: { periodId: string; orgId: string; secretaries: { id: string; name: string }[] }) {
  const t = useTranslations("ratings.bars");
  const defaults: TAddAwardBar = { periodId, orgId, userId: "", reason: "" };
  const of = useActionForm({
    id: "award-bar",
    schema: ZAddAwardBar,
    action: addAwardBar,
    defaultValues: defaults,
    fields: { userId: { label: t("who") }, reason: { label: t("reason"), max: 500 } },
    resetOnSuccess: true,
    doneMessage: () => t("added"),
    messages: "ratings.error",
  });
  return (
    <FormBody of={of} submitLabel={t("add")} variant="secondary" aria-label={t("formLabel")}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[14rem_minmax(0,1fr)]">
        <SelectField of={of} name="userId" options={[{ value: "", label: t("theUnit") }, ...secretaries.map((s) => ({ value: s.id, label: t("secretary", { name: s.name }) }))]} />
        <InputField of={of} name="reason" control={{ maxLength: 500 }} />
      </div>
    </FormBody>
  );
}
