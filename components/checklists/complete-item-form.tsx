"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { completeItem, reopenItem } from "@/app/duties/[itemId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { ActionResult } from "@/lib/server/action";
import { NOTE_MAX, ZCompleteItem, type TCompleteItem } from "@/lib/validation/checklists";
import { useActionError } from "@/components/ui/use-action-error";

type Current = { status: ItemStatus; version: number; completedAt: string | Date | null; completedBy: { name: string } | null };

function isCurrent(value: unknown): value is Current {
  return typeof value === "object" && value !== null && "status" in value && "version" in value;
}

/** Tick an item off with a note, or undo the tick; a stale version comes back as a conflict. */
export function CompleteItemForm({ itemId, version, status, note }: { itemId: string; version: number; status: ItemStatus; note: string }) {
  const t = useTranslations("item");
  const tv = useTranslations("validation");
  const ts = useTranslations("status");
  const actionError = useActionError();
  const format = useFormatter();
  const router = useRouter();
  const [isReopening, startReopen] = useTransition();
  const [problem, setProblem] = useState<{ message: string; current?: Current } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TCompleteItem>({
    resolver: zodResolver(ZCompleteItem),
    defaultValues: { itemId, expectedVersion: version, note },
  });

  function report<T>(result: ActionResult<T>): boolean {
    if (result.ok) return true;
    if (result.error === "conflict" && isCurrent(result.current)) {
      setProblem({ message: t("conflict"), current: result.current });
    } else if (result.error === "validation" && result.fieldErrors?.note) {
      setError("note", { message: result.fieldErrors.note[0] });
    } else {
      setProblem({ message: actionError(result) });
    }
    return false;
  }

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    if (report(await completeItem(values))) router.refresh();
  });

  const onReopen = () =>
    startReopen(async () => {
      setProblem(null);
      if (report(await reopenItem({ itemId, expectedVersion: version }))) router.refresh();
    });

  const isBusy = isSubmitting || isReopening;
  const problemBox = problem ? (
    <Alert tone="error" className="space-y-2">
      <p>{problem.message}</p>
      {problem.current ? (
        <p data-testid="conflict-current">
          {t("conflictCurrent", {
            status: ts(problem.current.status),
            name: problem.current.completedBy?.name ?? "—",
            at: problem.current.completedAt ? format.dateTime(new Date(problem.current.completedAt), { dateStyle: "medium", timeStyle: "short" }) : "—",
          })}
        </p>
      ) : null}
      <Button type="button" variant="secondary" size="sm" onClick={() => router.refresh()}>
        {t("reload")}
      </Button>
    </Alert>
  ) : null;

  if (status === "DONE") {
    return (
      <div className="space-y-3">
        {problemBox}
        <p className="text-sm text-muted">{t("doneHint")}</p>
        <Button type="button" variant="secondary" onClick={onReopen} disabled={isBusy}>
          {isReopening ? t("working") : t("reopen")}
        </Button>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {problemBox}
      <input type="hidden" {...register("itemId")} />
      <input type="hidden" {...register("expectedVersion", { valueAsNumber: true })} />
      <fieldset disabled={isBusy} className="space-y-3">
        <div>
          <Label htmlFor="note">{t("noteLabel")}</Label>
          <Textarea
            id="note"
            rows={4}
            maxLength={NOTE_MAX + 100}
            placeholder={t("notePlaceholder")}
            aria-invalid={errors.note ? true : undefined}
            aria-describedby={errors.note ? "note-error" : "note-hint"}
            {...register("note")}
          />
          <p id="note-hint" className="mt-1 text-xs text-muted">{t("noteHint", { max: NOTE_MAX })}</p>
          <FieldError id="note-error" message={errors.note?.message && tv(errors.note.message, { max: NOTE_MAX })} />
        </div>
        <Button type="submit" className="w-full">
          {isSubmitting ? t("working") : t("complete")}
        </Button>
      </fieldset>
    </form>
  );
}
