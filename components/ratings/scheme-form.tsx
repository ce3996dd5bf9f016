"use client";

import { useTranslations } from "next-intl";
import { CheckboxesField, FormBody, InputField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveRatingScheme } from "@/lib/actions/ratings";
import { COMPUTED_INDICATORS, RATED_TYPES, VETO_CONDITIONS, type RatingScheme } from "@/lib/ratings/scheme";
import { ZSaveRatingScheme, type TSaveRatingScheme } from "@/lib/validation/ratings";

const POINTS = { min: 0, max: 100, step: 0.5 };
const PERCENT = { min: 0, max: 100, step: 1 };
const COUNT = { min: 1, max: 1000, step: 1 };

/**
 * The committee's form for a year's scheme: who is rated, the points of each
 * indicator and of the rated part, the deductions, the bands, the cap, the
 * floor and the vetoes. The dimensions are kept as they are.
 */
export function SchemeForm({ periodId, config, dimensions }: { periodId: string; config: RatingScheme; dimensions: string }) {
  const t = useTranslations("ratings.form");
  const tt = useTranslations("orgType");
  const tv = useTranslations("ratings.veto");
  const defaults: TSaveRatingScheme = { periodId, expectedVersion: 0, config };
  const of = useActionForm({
    id: "scheme",
    schema: ZSaveRatingScheme,
    action: saveRatingScheme,
    defaultValues: defaults,
    fields: {
      "config.ratedTypes": { label: t("ratedTypes") },
      "config.computed.completion": { label: t("completion") },
      "config.computed.onTime": { label: t("onTime") },
      "config.computed.evidence": { label: t("evidence") },
      "config.computed.findingsOnTime": { label: t("findingsOnTime") },
      "config.computed.tourRectification": { label: t("tourRectification") },
      "config.rated.points": { label: t("ratedPoints") },
      "config.rated.self": { label: t("self") },
      "config.rated.superior": { label: t("superior") },
      "config.rated.democratic": { label: t("democratic") },
      "config.overdueDeductions.LOW": { label: t("deductionLow") },
      "config.overdueDeductions.MEDIUM": { label: t("deductionMedium") },
      "config.overdueDeductions.HIGH": { label: t("deductionHigh") },
      "config.overdueDeductions.max": { label: t("deductionMax") },
      "config.bands.good": { label: t("good") },
      "config.bands.fairlyGood": { label: t("fairlyGood") },
      "config.bands.average": { label: t("average") },
      "config.topGradeCap": { label: t("cap") },
      "config.satisfactionFloor": { label: t("floor") },
      "config.laggingLast": { label: t("lagging") },
      "config.vetoes": { label: t("vetoes") },
      config: { label: t("title") },
    },
    doneMessage: () => t("saved"),
    messages: "ratings.error",
  });
  const number = (name: Parameters<typeof InputField<typeof ZSaveRatingScheme>>[0]["name"], control = POINTS, hint?: string) => (
    <InputField of={of} name={name} type="number" asNumber control={control} hint={hint} />
  );
  const group = "grid grid-cols-1 gap-3 sm:grid-cols-2";
  const legend = "mb-1 text-sm font-semibold";
  const hint = "mb-2 text-xs text-muted";
  return (
    <FormBody of={of} submitLabel={t("save")} busyLabel={t("saving")} aria-label={t("title")}>
      <CheckboxesField of={of} name="config.ratedTypes" options={RATED_TYPES.map((type) => ({ value: type, label: tt(type) }))} />
      <fieldset>
        <legend className={legend}>{t("computed")}</legend>
        <p className={hint}>{t("computedHint")}</p>
        <div className={group}>{COMPUTED_INDICATORS.map((key) => <div key={key}>{number(`config.computed.${key}`)}</div>)}</div>
      </fieldset>
      <fieldset>
        <legend className={legend}>{t("rated")}</legend>
        <p className={hint}>{t("sharesHint")}</p>
        <div className={group}>
          {number("config.rated.points")}
          {number("config.rated.self", PERCENT)}
          {number("config.rated.superior", PERCENT)}
          {number("config.rated.democratic", PERCENT)}
        </div>
        <p className="mt-2 text-xs text-muted">{t("dimensionsNote", { dimensions })}</p>
      </fieldset>
      <fieldset>
        <legend className={legend}>{t("deductions")}</legend>
        <div className={group}>
          {number("config.overdueDeductions.LOW")}
          {number("config.overdueDeductions.MEDIUM")}
          {number("config.overdueDeductions.HIGH")}
          {number("config.overdueDeductions.max")}
        </div>
      </fieldset>
      <fieldset>
        <legend className={legend}>{t("bands")}</legend>
        <div className={group}>
          {number("config.bands.good")}
          {number("config.bands.fairlyGood")}
          {number("config.bands.average")}
        </div>
      </fieldset>
      <fieldset>
        <legend className={legend}>{t("limits")}</legend>
        <div className={group}>
          {number("config.topGradeCap", PERCENT, t("capHint"))}
          {number("config.satisfactionFloor", PERCENT, t("floorHint"))}
          {number("config.laggingLast", COUNT, t("laggingHint"))}
        </div>
      </fieldset>
      <CheckboxesField of={of} name="config.vetoes" options={VETO_CONDITIONS.map((v) => ({ value: v, label: tv(v) }))} isStacked />
    </FormBody>
  );
}
