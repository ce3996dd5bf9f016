"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useContext, useState, useTransition, type ReactNode } from "react";
import { moveAssignments } from "@/lib/actions/catalogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";
import type { TMoveAssignments } from "@/lib/validation/assignments";

type Outcome = { tone: "ok" | "error"; text: string } | null;

const OutcomeContext = createContext<{ outcome: Outcome; setOutcome: (o: Outcome) => void } | null>(null);

/**
 * Holds the outcome of a move above the plan. Applying a plan empties it,
 * and the refreshed page unmounts the button; the outcome lives here, where
 * the page keeps it mounted, so it stays in view next to the empty state.
 */
export function MoveOutcomeProvider({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  return <OutcomeContext.Provider value={{ outcome, setOutcome }}>{children}</OutcomeContext.Provider>;
}

export function MoveOutcome() {
  const outcome = useContext(OutcomeContext)?.outcome;
  return outcome ? (
    <Alert tone={outcome.tone} className="mb-4">
      {outcome.text}
    </Alert>
  ) : null;
}

/** Applies the plan shown above it; the page then shows what is left (nothing). */
export function MoveAssignmentsButton({ input }: { input: TMoveAssignments }) {
  const t = useTranslations("move");
  const actionError = useActionError();
  const router = useRouter();
  const context = useContext(OutcomeContext);
  if (!context) throw new Error("MoveAssignmentsButton needs a MoveOutcomeProvider");
  const { setOutcome } = context;
  const [isPending, startTransition] = useTransition();
  return (
    <Button
      disabled={isPending}
      onClick={() =>
        startTransition(async () => {
          setOutcome(null);
          const result = await moveAssignments(input);
          if (!result.ok) {
            setOutcome({ tone: "error", text: actionError(result) });
            return;
          }
          setOutcome({ tone: "ok", text: t("done", result.data) });
          router.refresh();
        })
      }
    >
      {isPending ? t("applying") : t("apply")}
    </Button>
  );
}
