"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { OutcomeAlert } from "@/components/forms/fields";
import { useStep, type FormOutcome } from "@/components/forms/use-action-form";
import type { MessageNamespaces } from "@/components/forms/use-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

type StepOptions<T> = {
  confirm?: string;
  /** Where to go after a success: away from what the step removed (`replace`), or to what it made. */
  redirectTo?: string | ((data: T) => string);
  /** What the success says, from the answer ("marked 3 read"). */
  doneMessage?: (data: T) => string;
  /** What the page keeps of the answer (a one-time password to show once). */
  onDone?: (data: T) => void;
};

/** Steps taken by clicks, and what the last one said; several buttons may share one (a row's buttons). */
export type ActionRunner = {
  run: <I, T>(action: (input: I) => Promise<ActionResult<T>>, input: I, options?: StepOptions<T>) => void;
  outcome: FormOutcome;
  isBusy: boolean;
};

/**
 * The answer-handling of useStep for clicks: an optional confirmation, the
 * version the page holds (RecordProvider) sent along, a refusal or a
 * conflict as the outcome, and after a success a refresh or a redirect.
 * Held where the outcome must outlive the button (a plan that empties).
 */
export function useActionRunner(messages?: MessageNamespaces): ActionRunner {
  const step = useStep(messages);
  const router = useRouter();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [isPending, start] = useTransition();
  const run: ActionRunner["run"] = (action, input, options = {}) => {
    if (options.confirm && !window.confirm(options.confirm)) return;
    start(async () => {
      setOutcome(null);
      const result = await action(step.withVersion(input));
      if (!result.ok) return setOutcome(step.refuse(result));
      setOutcome({ kind: "done", message: options.doneMessage?.(result.data) });
      options.onDone?.(result.data);
      const { redirectTo } = options;
      const target = typeof redirectTo === "function" ? redirectTo(result.data) : redirectTo;
      step.succeed(result.data, !target);
      // Away from a record that is gone, the page need not stay in the history; to a new one, it does.
      if (typeof redirectTo === "string") router.replace(redirectTo);
      else if (target) router.push(target);
    });
  };
  return { run, outcome, isBusy: isPending };
}

/** What a runner said: a refusal or a conflict, or what a success did. */
export function ActionOutcome({ of, describeConflict, className }: { of: ActionRunner; describeConflict?: (current: unknown) => ReactNode; className?: string }) {
  if (of.outcome?.kind === "done") {
    return of.outcome.message ? (
      <Alert tone="ok" className={className}>
        {of.outcome.message}
      </Alert>
    ) : null;
  }
  return <OutcomeAlert outcome={of.outcome} describe={describeConflict} className={className} />;
}

/**
 * One click for a step that needs nothing typed (issue, accept, delete),
 * with an optional confirmation. It sends the version the page holds
 * (RecordProvider) and answers as the forms do (useStep). With `runner`,
 * the step's outcome shows where the runner's holder puts it; otherwise
 * above the button, or beside it when `isInline`.
 */
export function ActionButton<I, T>({
  action,
  input,
  label,
  busyLabel,
  ariaLabel,
  variant = "primary",
  size,
  disabled,
  isInline,
  runner,
  messages,
  confirm,
  redirectTo,
  doneMessage,
  onDone,
  describeConflict,
}: {
  action: (input: I) => Promise<ActionResult<T>>;
  input: I;
  label: string;
  /** The button's words while it works; "working…" otherwise. */
  busyLabel?: string;
  ariaLabel?: string;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  disabled?: boolean;
  isInline?: boolean;
  runner?: ActionRunner;
  /** Namespaces whose words for refusal codes come first. */
  messages?: MessageNamespaces;
  confirm?: string;
  /** Where to go after a success: a path replaces a page whose record is gone; a function of the answer opens what the step made. */
  redirectTo?: string | ((data: T) => string);
  doneMessage?: (data: T) => string;
  /** What the page keeps of the answer (a one-time password to show once). */
  onDone?: (data: T) => void;
  describeConflict?: (current: unknown) => ReactNode;
}) {
  const t = useTranslations("form");
  const own = useActionRunner(messages);
  const of = runner ?? own;
  const button = (
    <Button
      type="button"
      variant={variant}
      size={size}
      aria-label={ariaLabel}
      onClick={() => of.run(action, input, { confirm, redirectTo, doneMessage, onDone })}
      disabled={disabled || of.isBusy}
    >
      {of.isBusy ? (busyLabel ?? t("working")) : label}
    </Button>
  );
  if (runner) return button;
  if (isInline) {
    return (
      <span className="flex flex-wrap items-center gap-2">
        {button}
        <ActionOutcome of={of} describeConflict={describeConflict} className="py-1.5" />
      </span>
    );
  }
  return (
    <div className="space-y-2">
      <ActionOutcome of={of} describeConflict={describeConflict} />
      {button}
    </div>
  );
}
