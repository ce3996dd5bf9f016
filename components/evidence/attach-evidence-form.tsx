"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { attachEvidence } from "@/lib/actions/item-evidence";
import { useEvidenceError } from "@/components/evidence/use-evidence-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { ZItemEvidenceRef, type TItemEvidenceRef } from "@/lib/validation/evidence";

export type AttachOption = { id: string; label: string };

/** Attaches evidence the organization already has (one meeting record can back several duties). */
export function AttachEvidenceForm({ itemId, options }: { itemId: string; options: AttachOption[] }) {
  const t = useTranslations("evidence");
  const { fieldMessage, split } = useEvidenceError();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TItemEvidenceRef>({ resolver: zodResolver(ZItemEvidenceRef), defaultValues: { itemId, evidenceId: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const result = await attachEvidence(values);
    if (!result.ok) {
      const { field, code, message } = split(result, ["evidenceId"] as const);
      if (field) setError(field, { message: code });
      else setProblem(message ?? null);
      return;
    }
    reset({ itemId, evidenceId: "" });
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-labelledby="evidence-attach-heading">
      <h3 id="evidence-attach-heading" className="text-sm font-semibold">
        {t("attachHeading")}
      </h3>
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <input type="hidden" {...register("itemId")} />
      <fieldset disabled={isSubmitting} className="space-y-3">
        <div>
          <Label htmlFor="evidence-attach">{t("attachLabel")}</Label>
          <Select
            id="evidence-attach"
            aria-invalid={errors.evidenceId ? true : undefined}
            aria-describedby={errors.evidenceId ? "evidence-attach-error" : "evidence-attach-hint"}
            {...register("evidenceId")}
          >
            <option value="">{t("attachChoose")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </Select>
          <p id="evidence-attach-hint" className="mt-1 text-xs text-muted">
            {t("attachHint")}
          </p>
          <FieldError id="evidence-attach-error" message={fieldMessage(errors.evidenceId?.message)} />
        </div>
        <Button type="submit" variant="secondary" className="w-full sm:w-auto">
          {isSubmitting ? t("working") : t("attachSubmit")}
        </Button>
      </fieldset>
    </form>
  );
}
