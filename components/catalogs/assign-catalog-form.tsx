"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { previewAssignment } from "@/lib/actions/catalogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { OrgOptions } from "@/components/ui/org-options";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { ActionResult } from "@/lib/server/action";
import type { AssignmentPlan, AssignmentProgress } from "@/lib/server/assignments/assignment-core";
import { REVIEW_MODES, ZAssignCatalog, type TAssignCatalog } from "@/lib/validation/assignments";
import { useActionError } from "@/components/ui/use-action-error";

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
  orgs: { id: string; label: string; depth: number }[];
  bodyTypes: { type: TAssignCatalog["orgTypes"][number]; label: string }[];
};

/** Preview, then confirm: how many organizations and items an assignment makes, before it makes them. */
export function AssignCatalogForm({ catalogVersionId, defaultPeriodId, periods, orgs, bodyTypes }: Props) {
  const t = useTranslations("assign");
  const tv = useTranslations("validation");
  const actionError = useActionError();
  const router = useRouter();
  const [plan, setPlan] = useState<AssignmentPlan | null>(null);
  const [done, setDone] = useState<Assigned | null>(null);
  const [progress, setProgress] = useState<AssignmentProgress | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TAssignCatalog>({
    resolver: zodResolver(ZAssignCatalog),
    defaultValues: {
      catalogVersionId,
      periodId: defaultPeriodId ?? periods[0]?.id ?? "",
      rootOrgId: orgs[0]?.id ?? "",
      orgTypes: bodyTypes.map((b) => b.type),
      dueShiftDays: 0,
      reviewMode: "PARENT",
      reviewerOrgId: orgs[0]?.id ?? "",
    },
  });
  const reviewMode = useWatch({ control, name: "reviewMode" });

  function failed<T>(result: ActionResult<T>): result is Exclude<ActionResult<T>, { ok: true }> {
    if (result.ok) return false;
    if (result.error === "validation" && result.fieldErrors) {
      for (const [field, messages] of Object.entries(result.fieldErrors)) {
        if (field in ZAssignCatalog.shape) setError(field as keyof TAssignCatalog, { message: messages[0] });
      }
    }
    setProblem(actionError(result));
    return true;
  }

  const onPreview = handleSubmit(async (values) => {
    setProblem(null);
    setDone(null);
    const result = await previewAssignment(values);
    if (!failed(result)) setPlan(result.data);
  });

  const onConfirm = handleSubmit(async (values) => {
    setProblem(null);
    setProgress(null);
    const result = await runAssignment(values, setProgress).catch((): ActionResult<Assigned> => ({ ok: false, error: "internal" }));
    if (!failed(result)) {
      setDone(result.data);
      setPlan(null);
      router.refresh();
    }
  });

  const message = (key?: string) => (key ? tv(key, { max: 90 }) : undefined);

  return (
    <form onSubmit={onPreview} noValidate className="space-y-4" onChange={() => setPlan(null)}>
      <input type="hidden" {...register("catalogVersionId")} />
      <fieldset disabled={isSubmitting} className="space-y-4">
        <div>
          <Label htmlFor="assign-period">{t("period")}</Label>
          <Select id="assign-period" aria-invalid={errors.periodId ? true : undefined} {...register("periodId")}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
          <FieldError id="assign-period-error" message={message(errors.periodId?.message)} />
        </div>
        <div>
          <Label htmlFor="assign-root">{t("root")}</Label>
          <Select id="assign-root" aria-describedby="assign-root-hint" {...register("rootOrgId")}>
            <OrgOptions orgs={orgs} />
          </Select>
          <p id="assign-root-hint" className="mt-1 text-xs text-muted">{t("rootHint")}</p>
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("orgTypes")}</legend>
          <div className="space-y-1">
            {bodyTypes.map((b) => (
              <label key={b.type} className="flex items-center gap-2 text-sm">
                <input type="checkbox" value={b.type} className="h-4 w-4 accent-brand" {...register("orgTypes")} />
                {b.label}
              </label>
            ))}
          </div>
          <FieldError id="assign-types-error" message={message(errors.orgTypes?.message)} />
        </fieldset>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("review")}</legend>
          <div className="space-y-1">
            {REVIEW_MODES.map((mode) => (
              <label key={mode} className="flex items-center gap-2 text-sm">
                <input type="radio" value={mode} className="h-4 w-4 accent-brand" {...register("reviewMode")} />
                {t(`reviewMode.${mode}`)}
              </label>
            ))}
          </div>
          {reviewMode === "ORG" ? (
            <div className="mt-2">
              <Label htmlFor="assign-reviewer">{t("reviewer")}</Label>
              <Select id="assign-reviewer" aria-describedby="assign-reviewer-hint" {...register("reviewerOrgId")}>
                <OrgOptions orgs={orgs} />
              </Select>
              <p id="assign-reviewer-hint" className="mt-1 text-xs text-muted">
                {t("reviewerHint")}
              </p>
              <FieldError id="assign-reviewer-error" message={errors.reviewerOrgId?.message && t("reviewerAbove")} />
            </div>
          ) : null}
        </fieldset>
        <div>
          <Label htmlFor="assign-shift">{t("shift")}</Label>
          <Input
            id="assign-shift"
            type="number"
            inputMode="numeric"
            step={1}
            aria-describedby="assign-shift-hint"
            aria-invalid={errors.dueShiftDays ? true : undefined}
            {...register("dueShiftDays", { valueAsNumber: true })}
          />
          <p id="assign-shift-hint" className="mt-1 text-xs text-muted">{t("shiftHint")}</p>
          <FieldError id="assign-shift-error" message={message(errors.dueShiftDays?.message)} />
        </div>
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
      {problem ? <Alert tone="error">{problem}</Alert> : null}
    </form>
  );
}
