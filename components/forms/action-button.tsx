"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { OutcomeAlert } from "@/components/forms/fields";
import { useStep, type FormOutcome } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

/**
 * One click for a step that needs nothing typed (issue, accept, delete),
 * with an optional confirmation. It sends the version the page holds
 * (RecordProvider) and answers as the forms do (useStep).
 */
export function ActionButton<I>({
  action,
  input,
  label,
  variant = "primary",
  confirm,
  redirectTo,
  describeConflict,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  variant?: "primary" | "secondary";
  confirm?: string;
  /** Where to go after a success that removes what the page shows; otherwise the page refreshes. */
  redirectTo?: string;
  describeConflict?: (current: unknown) => ReactNode;
}) {
  const t = useTranslations("form");
  const step = useStep();
  const router = useRouter();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [isPending, start] = useTransition();
  const run = () => {
    if (confirm && !window.confirm(confirm)) return;
    start(async () => {
      const result = await action(step.withVersion(input));
      if (!result.ok) return setOutcome(step.refuse(result));
      setOutcome(null);
      step.succeed(result.data, !redirectTo);
      if (redirectTo) router.replace(redirectTo);
    });
  };
  return (
    <div className="space-y-2">
      <OutcomeAlert outcome={outcome} describe={describeConflict} />
      <Button type="button" variant={variant} onClick={run} disabled={isPending}>
        {isPending ? t("working") : label}
      </Button>
    </div>
  );
}
