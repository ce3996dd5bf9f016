"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";
import type { ActionResult } from "@/lib/server/action";

/** One click for a step that needs nothing typed (issue, accept, delete), with an optional confirmation. */
export function StepButton<I>({
  action,
  input,
  label,
  variant = "primary",
  confirm,
  redirectTo,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  variant?: "primary" | "secondary";
  confirm?: string;
  /** Where to go after a success that removes what the page shows; otherwise the page refreshes. */
  redirectTo?: string;
}) {
  const t = useTranslations("inspections.form");
  const ti = useTranslations("inspections.errors");
  const actionError = useActionError();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [isPending, start] = useTransition();
  const run = () => {
    if (confirm && !window.confirm(confirm)) return;
    start(async () => {
      const result = await action(input);
      if (result.ok) {
        setProblem(null);
        if (redirectTo) router.replace(redirectTo);
        else router.refresh();
        return;
      }
      if (result.error === "conflict") return setProblem(t("conflict"));
      const key = Object.values(result.fieldErrors ?? {}).flat().find((m) => ti.has(m));
      setProblem(key ? ti(key) : actionError(result));
    });
  };
  return (
    <div className="space-y-2">
      {problem ? <Alert tone="error">{problem}</Alert> : null}
      <Button type="button" variant={variant} onClick={run} disabled={isPending}>
        {isPending ? t("working") : label}
      </Button>
    </div>
  );
}
