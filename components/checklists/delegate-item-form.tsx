"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { delegateItem, revokeDelegation } from "@/app/duties/[itemId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { OrgOptions } from "@/components/ui/org-options";
import { useActionError } from "@/components/ui/use-action-error";
import type { ActionResult } from "@/lib/server/action";
import { ZDelegateItem, type TDelegateItem } from "@/lib/validation/checklists";

export type PersonOption = { id: string; label: string };
export type OrgOption = { id: string; label: string; depth: number };

/**
 * Hand the item to an organization below or to a person in the subtree, or
 * take it back. The options come from the server, already scoped.
 */
export function DelegateItemForm({
  itemId,
  version,
  delegatedTo,
  orgOptions,
  peopleOptions,
}: {
  itemId: string;
  version: number;
  /** The current delegate's label, when the item is delegated. */
  delegatedTo: string | null;
  orgOptions: OrgOption[];
  peopleOptions: PersonOption[];
}) {
  const t = useTranslations("delegation");
  const tv = useTranslations("validation");
  const actionError = useActionError();
  const router = useRouter();
  const [isRevoking, startRevoke] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TDelegateItem>({
    resolver: zodResolver(ZDelegateItem),
    defaultValues: { itemId, expectedVersion: version, target: "" },
  });

  function report<T>(result: ActionResult<T>): boolean {
    if (result.ok) return true;
    const field = result.error === "validation" ? result.fieldErrors?.target?.[0] : undefined;
    if (field) setError("target", { message: field });
    else setProblem(result.error === "conflict" ? t("conflict") : actionError(result));
    return false;
  }

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    if (report(await delegateItem(values))) router.refresh();
  });

  const onRevoke = () =>
    startRevoke(async () => {
      setProblem(null);
      if (report(await revokeDelegation({ itemId, expectedVersion: version }))) router.refresh();
    });

  const problemBox = problem ? (
    <Alert tone="error" className="space-y-2">
      <p>{problem}</p>
      <Button type="button" variant="secondary" size="sm" onClick={() => router.refresh()}>
        {t("reload")}
      </Button>
    </Alert>
  ) : null;

  if (delegatedTo) {
    return (
      <div className="space-y-3">
        {problemBox}
        <p className="text-sm">{t("current", { to: delegatedTo })}</p>
        <p className="text-xs text-muted">{t("stillAnswers")}</p>
        <Button type="button" variant="secondary" onClick={onRevoke} disabled={isRevoking}>
          {isRevoking ? t("working") : t("revoke")}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {problemBox}
      <input type="hidden" {...register("itemId")} />
      <input type="hidden" {...register("expectedVersion", { valueAsNumber: true })} />
      <fieldset disabled={isSubmitting} className="space-y-3">
        <div>
          <Label htmlFor="delegate-target">{t("target")}</Label>
          <Select
            id="delegate-target"
            aria-invalid={errors.target ? true : undefined}
            aria-describedby={errors.target ? "delegate-target-error" : "delegate-target-hint"}
            {...register("target")}
          >
            <option value="">{t("choose")}</option>
            {orgOptions.length > 0 ? (
              <optgroup label={t("orgs")}>
                <OrgOptions orgs={orgOptions} valuePrefix="org:" />
              </optgroup>
            ) : null}
            {peopleOptions.length > 0 ? (
              <optgroup label={t("people")}>
                {peopleOptions.map((p) => (
                  <option key={p.id} value={`user:${p.id}`}>
                    {p.label}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
          <p id="delegate-target-hint" className="mt-1 text-xs text-muted">
            {t("hint")}
          </p>
          <FieldError id="delegate-target-error" message={errors.target?.message && (t.has(`error.${errors.target.message}`) ? t(`error.${errors.target.message}`) : tv(errors.target.message))} />
        </div>
        <Button type="submit" variant="secondary" className="w-full">
          {isSubmitting ? t("working") : t("submit")}
        </Button>
      </fieldset>
    </form>
  );
}
