"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { copyAssignmentsForward } from "@/lib/actions/catalogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { OrgOptions } from "@/components/ui/org-options";
import { ZCopyForward, type TCopyForward } from "@/lib/validation/assignments";
import { useActionError } from "@/components/ui/use-action-error";

type Props = {
  periods: { id: string; label: string; year: number }[];
  orgs: { id: string; label: string; depth: number }[];
};

/** "Start the next period from this one": every list assigned in one period, assigned again for another. */
export function CopyForwardForm({ periods, orgs }: Props) {
  const t = useTranslations("copyForward");
  const tv = useTranslations("validation");
  const actionError = useActionError();
  const [result, setResult] = useState<{ itemsCreated: number; assignmentsCreated: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<TCopyForward>({
    resolver: zodResolver(ZCopyForward),
    defaultValues: { fromPeriodId: periods[0]?.id ?? "", toYear: (periods[0]?.year ?? new Date().getFullYear()) + 1, toQuarter: 0, rootOrgId: orgs[0]?.id ?? "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setResult(null);
    const outcome = await copyAssignmentsForward(values);
    if (outcome.ok) setResult(outcome.data);
    else setProblem(actionError(outcome));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <fieldset disabled={isSubmitting} className="space-y-3">
        <div>
          <Label htmlFor="copy-from">{t("from")}</Label>
          <Select id="copy-from" {...register("fromPeriodId")}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>{p.label}</option>
            ))}
          </Select>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <div>
            <Label htmlFor="copy-year">{t("toYear")}</Label>
            <Input id="copy-year" type="number" inputMode="numeric" aria-invalid={errors.toYear ? true : undefined} {...register("toYear", { valueAsNumber: true })} />
            <FieldError id="copy-year-error" message={errors.toYear?.message && tv(errors.toYear.message, { max: 2100 })} />
          </div>
          <div>
            <Label htmlFor="copy-quarter">{t("toQuarter")}</Label>
            <Select id="copy-quarter" {...register("toQuarter", { valueAsNumber: true })}>
              {[0, 1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>{t("quarter", { q })}</option>
              ))}
            </Select>
          </div>
        </div>
        <div>
          <Label htmlFor="copy-root">{t("root")}</Label>
          <Select id="copy-root" {...register("rootOrgId")}>
            <OrgOptions orgs={orgs} />
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {isSubmitting ? t("working") : t("submit")}
        </Button>
      </fieldset>
      {result ? <Alert tone="ok">{t("done", { orgs: result.assignmentsCreated, items: result.itemsCreated })}</Alert> : null}
      {problem ? <Alert tone="error">{problem}</Alert> : null}
    </form>
  );
}
