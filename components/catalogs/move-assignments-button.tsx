"use client";

import { useTranslations } from "next-intl";
import { createContext, useContext, type ReactNode } from "react";
import { ActionButton, ActionOutcome, useActionRunner, type ActionRunner } from "@/components/forms/action-button";
import { moveAssignments } from "@/lib/actions/catalogs";
import type { TMoveAssignments } from "@/lib/validation/assignments";

const RunnerContext = createContext<ActionRunner | null>(null);

/**
 * Holds the move's runner, and so its outcome, above the plan. Applying a
 * plan empties it, and the refreshed page unmounts the button; the outcome
 * lives here, where the page keeps it mounted, so it stays in view next to
 * the empty state.
 */
export function MoveOutcomeProvider({ children }: { children: ReactNode }) {
  return <RunnerContext.Provider value={useActionRunner("move")}>{children}</RunnerContext.Provider>;
}

function useMoveRunner(): ActionRunner {
  const runner = useContext(RunnerContext);
  if (!runner) throw new Error("The move's button and outcome need a MoveOutcomeProvider");
  return runner;
}

export function MoveOutcome() {
  return <ActionOutcome of={useMoveRunner()} className="mb-4" />;
}

/** Applies the plan shown above it; the page then shows what is left (nothing). */
export function MoveAssignmentsButton({ input }: { input: TMoveAssignments }) {
  const t = useTranslations("move");
  return (
    <ActionButton
      runner={useMoveRunner()}
      action={moveAssignments}
      input={input}
      label={t("apply")}
      busyLabel={t("applying")}
      doneMessage={(data) => t("done", data)}
    />
  );
}
