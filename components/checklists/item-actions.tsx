"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition, type ComponentProps, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import {
  approveItem,
  recallSubmission,
  reopenItem,
  requestNotApplicable,
  returnItem,
  saveProgress,
  submitItem,
} from "@/app/duties/[itemId]/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { FieldError, Label } from "@/components/ui/label";
import { useActionError } from "@/components/ui/use-action-error";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { isOpen, isSettled } from "@/lib/item-status";
import type { ActionResult } from "@/lib/server/action";
import {
  NOTE_MAX,
  ZApproveItem,
  ZRequestNotApplicable,
  ZSubmitItem,
  type TApproveItem,
  type TRequestNotApplicable,
  type TSubmitItem,
} from "@/lib/validation/checklists";

type Current = { status: ItemStatus; version: number; completedAt: string | Date | null; completedBy: { name: string } | null };

function isCurrent(value: unknown): value is Current {
  return typeof value === "object" && value !== null && "status" in value && "version" in value;
}

export type ItemActionsProps = {
  itemId: string;
  version: number;
  status: ItemStatus;
  note: string;
  /** The reviewer organization's name; null when a submission settles at once. */
  reviewer: string | null;
  canWrite: boolean;
  canReview: boolean;
  canReopen: boolean;
  requestedNotApplicable: boolean;
};

/** One hook for the outcome of any step: refresh on success, explain a conflict or a refusal otherwise. */
function useStep() {
  const t = useTranslations("item");
  const te = useTranslations("itemErrors");
  const actionError = useActionError();
  const router = useRouter();
  const [problem, setProblem] = useState<{ message: string; current?: Current } | null>(null);
  function settle<T>(result: ActionResult<T>, onField?: (field: string, message: string) => boolean): void {
    if (result.ok) {
      setProblem(null);
      router.refresh();
      return;
    }
    if (result.error === "conflict" && isCurrent(result.current)) {
      setProblem({ message: t("conflict"), current: result.current });
      return;
    }
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      const message = messages[0];
      if (!message) continue;
      if (onField?.(field, message)) return;
      if (te.has(message)) {
        setProblem({ message: te(message) });
        return;
      }
    }
    setProblem({ message: actionError(result) });
  }
  return { problem, setProblem, settle };
}

function ProblemBox({ problem }: { problem: { message: string; current?: Current } | null }) {
  const t = useTranslations("item");
  const ts = useTranslations("status");
  const format = useFormatter();
  const router = useRouter();
  if (!problem) return null;
  return (
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
  );
}

/** A labelled textarea with its hint, or its error in place of the hint. */
function TextareaField({ id, label, hint, error, ...props }: ComponentProps<typeof Textarea> & { id: string; label: string; hint: string; error?: string }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : `${id}-hint`} {...props} />
      <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
        {hint}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A single button step (recall, reopen) with its hint. */
function OneStep({ hint, label, run, problem }: { hint: ReactNode; label: string; run: () => Promise<void>; problem: ReactNode }) {
  const t = useTranslations("item");
  const [isPending, start] = useTransition();
  return (
    <div className="space-y-3">
      {problem}
      <p className="text-sm text-muted">{hint}</p>
      <Button type="button" variant="secondary" onClick={() => start(run)} disabled={isPending}>
        {isPending ? t("working") : label}
      </Button>
    </div>
  );
}

function WorkForm({ itemId, version, note, reviewer }: { itemId: string; version: number; note: string; reviewer: string | null }) {
  const t = useTranslations("item");
  const tv = useTranslations("validation");
  const { problem, settle } = useStep();
  const [isSaving, startSave] = useTransition();
  const form = useForm<TSubmitItem>({ resolver: zodResolver(ZSubmitItem), defaultValues: { itemId, expectedVersion: version, note } });
  const naForm = useForm<TRequestNotApplicable>({
    resolver: zodResolver(ZRequestNotApplicable),
    defaultValues: { itemId, expectedVersion: version, reason: "" },
  });
  const noteError = form.formState.errors.note?.message;
  const reasonError = naForm.formState.errors.reason?.message;
  const onNoteField = (field: string, message: string) => {
    if (field !== "note" || message === "evidenceRequired") return false;
    form.setError("note", { message });
    return true;
  };

  const onSubmit = form.handleSubmit(async (values) => settle(await submitItem(values), onNoteField));
  const onSave = () => startSave(() => form.handleSubmit(async (values) => settle(await saveProgress(values), onNoteField))());
  const onNotApplicable = naForm.handleSubmit(async (values) => settle(await requestNotApplicable(values)));
  const busy = form.formState.isSubmitting || isSaving || naForm.formState.isSubmitting;

  return (
    <div className="space-y-4">
      <ProblemBox problem={problem} />
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <fieldset disabled={busy} className="space-y-3">
          <TextareaField
            id="note"
            label={t("noteLabel")}
            hint={t("noteHint", { max: NOTE_MAX })}
            error={noteError && tv(noteError, { max: NOTE_MAX })}
            rows={4}
            maxLength={NOTE_MAX + 100}
            placeholder={t("notePlaceholder")}
            {...form.register("note")}
          />
          <Button type="submit" className="w-full">
            {form.formState.isSubmitting ? t("working") : reviewer ? t("submit") : t("complete")}
          </Button>
          {reviewer ? <p className="text-xs text-muted">{t("submitHint", { reviewer })}</p> : null}
          <Button type="button" variant="secondary" className="w-full" onClick={onSave}>
            {isSaving ? t("working") : t("save")}
          </Button>
        </fieldset>
      </form>
      <details className="rounded-md border border-line p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t("notApplicable")}</summary>
        <form onSubmit={onNotApplicable} noValidate className="mt-3 space-y-3">
          <fieldset disabled={busy} className="space-y-3">
            <TextareaField
              id="na-reason"
              label={t("naReason")}
              hint={reviewer ? t("naHint", { reviewer }) : t("naHintSelf")}
              error={reasonError && tv(reasonError, { max: NOTE_MAX })}
              rows={3}
              {...naForm.register("reason")}
            />
            <Button type="submit" variant="secondary" className="w-full">
              {naForm.formState.isSubmitting ? t("working") : t("naSubmit")}
            </Button>
          </fieldset>
        </form>
      </details>
    </div>
  );
}

function ReviewForm({ itemId, version, requestedNotApplicable }: { itemId: string; version: number; requestedNotApplicable: boolean }) {
  const t = useTranslations("item");
  const tv = useTranslations("validation");
  const { problem, settle } = useStep();
  const form = useForm<TApproveItem>({ resolver: zodResolver(ZApproveItem), defaultValues: { itemId, expectedVersion: version, comment: "" } });
  const commentError = form.formState.errors.comment?.message;
  const onApprove = form.handleSubmit(async (values) => settle(await approveItem(values)));
  // Returning needs a comment: the unit must know what to fix.
  const onReturn = form.handleSubmit(async (values) => {
    if (!values.comment?.trim()) {
      form.setError("comment", { message: "returnNeedsComment" });
      return;
    }
    settle(await returnItem({ ...values, comment: values.comment }));
  });
  return (
    <form onSubmit={onApprove} noValidate className="space-y-3">
      <ProblemBox problem={problem} />
      <p className="text-sm">{requestedNotApplicable ? t("reviewNaHint") : t("reviewHint")}</p>
      <fieldset disabled={form.formState.isSubmitting} className="space-y-3">
        <TextareaField
          id="review-comment"
          label={t("reviewComment")}
          hint={t("reviewCommentHint")}
          error={commentError && (commentError === "returnNeedsComment" ? t("returnNeedsComment") : tv(commentError, { max: NOTE_MAX }))}
          rows={3}
          {...form.register("comment")}
        />
        <div className="grid grid-cols-2 gap-2">
          <Button type="submit">{form.formState.isSubmitting ? t("working") : t("approve")}</Button>
          <Button type="button" variant="secondary" onClick={() => void onReturn()}>
            {t("return")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}

/** What the signed-in person can do with the item now, by its status and their part in it. */
export function ItemActions(props: ItemActionsProps) {
  const t = useTranslations("item");
  const { problem, settle } = useStep();
  const { itemId, version, status } = props;
  const step = { itemId, expectedVersion: version };

  if (status === "WITHDRAWN") return <p className="text-sm text-muted">{t("withdrawnHint")}</p>;
  if (isOpen(status) && props.canWrite) return <WorkForm itemId={itemId} version={version} note={props.note} reviewer={props.reviewer} />;
  if (status === "SUBMITTED" && props.canReview) return <ReviewForm itemId={itemId} version={version} requestedNotApplicable={props.requestedNotApplicable} />;
  if (status === "SUBMITTED" && props.canWrite) {
    return (
      <OneStep
        problem={<ProblemBox problem={problem} />}
        hint={t("submittedHint", { reviewer: props.reviewer ?? "—" })}
        label={t("recall")}
        run={async () => settle(await recallSubmission(step))}
      />
    );
  }
  if (isSettled(status) && props.canReopen) {
    return (
      <OneStep
        problem={<ProblemBox problem={problem} />}
        hint={props.reviewer ? t("reopenHintReviewer") : t("doneHint")}
        label={t("reopen")}
        run={async () => settle(await reopenItem(step))}
      />
    );
  }
  return <p className="text-sm text-muted">{status === "SUBMITTED" ? t("submittedHint", { reviewer: props.reviewer ?? "—" }) : t("readOnly")}</p>;
}
