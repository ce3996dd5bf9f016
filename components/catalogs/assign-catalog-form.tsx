"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { CheckboxesField, InputField, OutcomeAlert, RadioField, SelectField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { OrgOptions } from "@/components/ui/org-options";
import { ProgressBar } from "@/components/ui/progress-bar";
import { OrgPicker } from "@/components/users/org-picker";
import { findCatalogOrgs, previewAssignment } from "@/lib/actions/catalogs";
import type { ActionResult } from "@/lib/server/action";
import type { AssignmentPlan, AssignmentProgress } from "@/lib/server/assignments/assignment-core";
import type { PickerOrgs } from "@/lib/server/orgs/list-orgs";
import { REVIEW_MODES, ZAssignCatalog, type TAssignCatalog } from "@/lib/validation/assignments";

type Assigned = { assignmentsCreated: number; itemsCreated: number };

/** Posts the assignment and reads its NDJSON stream: progress lines, then the result. */
async function runAssignment(values: TAssignCatalog, onProgress: (p: AssignmentProgress) => void): Promise<ActionResult<Assigned>> {
  const response = await fetch(`/catalogs/${encodeURIComponent(values.catalogVersionId)}/assign`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(values),
  });
  if (!response.ok || !response.body) {
    const failure = (await response.json().catch(() => null)) as ActionResult<Assigned> | null;
    return failure ?? { ok: false, error: "internal" };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) {
      if (line.trim() === "") continue;
      const message = JSON.parse(line) as { progress: AssignmentProgress } | ActionResult<Assigned>;
      if ("progress" in message) onProgress(message.progress);
      else return message;
    }
  }
  // The stream ended without a result: the connection or the server broke off.
  return { ok: false, error: "internal" };
}

type Props = {
  catalogVersionId: string;
  /** The period chosen at first: this year's. */
  defaultPeriodId?: string;
  periods: { id: string; label: string }[];
  /** The organizations the editor may assign to or name as reviewer (findPickerOrgs); a search finds the rest. */
  orgs: PickerOrgs;
  bodyTypes: { type: TAssignCatalog["orgTypes"][number]; label: string }[];
};

/** The most days a due date may move either way. */
const SHIFT_MAX = 90;

/** Preview, then confirm: how many organizations and items an assignment makes, before it makes them. */
export function AssignCatalogForm({ catalogVersionId, defaultPeriodId, periods, orgs, bodyTypes }: Props) {
  const t = useTranslations("assign");
  const [plan, setPlan] = useState<AssignmentPlan | null>(null);
  const [done, setDone] = useState<Assigned | null>(null);
  const [progress, setProgress] = useState<AssignmentProgress | null>(null);
  const of = useActionForm({
    id: "assign",
    schema: ZAssignCatalog,
    action: previewAssignment,
    defaultValues: {
      catalogVersionId,
      periodId: defaultPeriodId ?? periods[0]?.id ?? "",
      rootOrgId: orgs.orgs[0]?.id ?? "",
      orgTypes: bodyTypes.map((b) => b.type),
      dueShiftDays: 0,
      reviewMode: "PARENT",
      reviewerOrgId: orgs.orgs[0]?.id ?? "",
    },
    fields: {
      periodId: { label: t("period") },
      rootOrgId: { label: t("root") },
      orgTypes: { label: t("orgTypes") },
      reviewMode: { label: t("review") },
      reviewerOrgId: { label: t("reviewer") },
      dueShiftDays: { label: t("shift"), max: SHIFT_MAX },
    },
    onSuccess: (data) => {
      setDone(null);
      setPlan(data);
    },
    // A preview changes nothing.
    refresh: false,
    messages: "assign",
  });
  const [reviewMode, rootOrgId, reviewerOrgId] = useWatch({ control: of.form.control, name: ["reviewMode", "rootOrgId", "reviewerOrgId"] });
  const find = (q: string) => findCatalogOrgs({ q });
  const isSubmitting = of.form.formState.isSubmitting;

  const onConfirm = of.submitWith(
    (values) => {
      setProgress(null);
      return runAssignment(values, setProgress).catch((): ActionResult<Assigned> => ({ ok: false, error: "internal" }));
    },
    (data) => {
      setDone(data);
      setPlan(null);
    },
  );

  return (
    <form onSubmit={of.onSubmit} noValidate className="space-y-4" onChange={() => setPlan(null)}>
      <fieldset disabled={isSubmitting} className="space-y-4">
        <SelectField of={of} name="periodId" options={periods.map((p) => ({ value: p.id, label: p.label }))} />
        <OrgPicker initial={orgs} find={find} selected={rootOrgId}>
          {(choices) => (
            <SelectField of={of} name="rootOrgId" hint={t("rootHint")}>
              <OrgOptions orgs={choices} />
            </SelectField>
          )}
        </OrgPicker>
        <CheckboxesField of={of} name="orgTypes" isStacked options={bodyTypes.map((b) => ({ value: b.type, label: b.label }))} />
        <div className="space-y-2">
          <RadioField of={of} name="reviewMode" isStacked options={REVIEW_MODES.map((mode) => ({ value: mode, label: t(`reviewMode.${mode}`) }))} />
          {reviewMode === "ORG" ? (
            <OrgPicker initial={orgs} find={find} selected={reviewerOrgId}>
              {(choices) => (
                <SelectField of={of} name="reviewerOrgId" hint={t("reviewerHint")}>
                  <OrgOptions orgs={choices} />
                </SelectField>
              )}
            </OrgPicker>
          ) : null}
        </div>
        <InputField of={of} name="dueShiftDays" type="number" asNumber hint={t("shiftHint")} control={{ step: 1 }} />
        <Button type="submit" variant="secondary" className="w-full">
          {isSubmitting && !plan ? t("working") : t("preview")}
        </Button>
      </fieldset>
      {plan ? (
        <div className="space-y-3 rounded-md border border-line bg-surface p-3 text-sm" data-testid="assign-plan">
          <p>{t("plan", { orgs: plan.orgs, items: plan.items, newOrgs: plan.newOrgs, newItems: plan.newItems })}</p>
          {plan.newItems === 0 ? (
            <p className="text-muted">{t("nothingNew")}</p>
          ) : (
            <Button type="button" className="w-full" disabled={isSubmitting} onClick={() => void onConfirm()}>
              {isSubmitting ? t("assigning") : t("confirm", { items: plan.newItems })}
            </Button>
          )}
          {isSubmitting && progress ? (
            <div className="space-y-1" aria-live="polite">
              <ProgressBar value={progress.orgsDone / Math.max(1, progress.orgsTotal)} label={t("progressLabel")} />
              <p className="text-xs text-muted" data-testid="assign-progress">
                {t("progress", { done: progress.orgsDone, total: progress.orgsTotal, items: progress.itemsCreated })}
              </p>
            </div>
          ) : null}
        </div>
      ) : null}
      {done ? <Alert tone="ok">{t("done", { orgs: done.assignmentsCreated, items: done.itemsCreated })}</Alert> : null}
      {/* Under the plan, where the confirming click was. */}
      <OutcomeAlert outcome={of.outcome} />
    </form>
  );
}
