"use client";

import { useFormatter, useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { FormBody, TextareaField } from "@/components/forms/fields";
import { useRecord } from "@/components/forms/record";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { isOpen, isSettled } from "@/lib/item-status";
import { approveItem, recallSubmission, reopenItem, requestNotApplicable, returnItem, saveProgress, submitItem } from "@/lib/actions/checklists";
import { NOTE_MAX, ZApproveItem, ZRequestNotApplicable, ZSubmitItem } from "@/lib/validation/checklists";

type Current = { status: ItemStatus; completedAt: string | Date | null; completedBy: { name: string } | null };

function isCurrent(value: unknown): value is Current {
  return typeof value === "object" && value !== null && "status" in value && "completedBy" in value;
}

/** What a conflict shows of the item as someone else left it. */
function ConflictCurrent({ current }: { current: unknown }) {
  const t = useTranslations("item");
  const ts = useTranslations("status");
  const format = useFormatter();
  if (!isCurrent(current)) return null;
  return (
    <p data-testid="conflict-current">
      {t("conflictCurrent", {
        status: ts(current.status),
        name: current.completedBy?.name ?? "—",
        at: current.completedAt ? format.dateTime(new Date(current.completedAt), { dateStyle: "medium", timeStyle: "short" }) : "—",
      })}
    </p>
  );
}

function describeConflict(current: unknown) {
  return <ConflictCurrent current={current} />;
}

export type ItemActionsProps = {
  itemId: string;
  status: ItemStatus;
  note: string;
  /** The reviewer organization's name; null when a submission settles at once. */
  reviewer: string | null;
  canWrite: boolean;
  canReview: boolean;
  canReopen: boolean;
  requestedNotApplicable: boolean;
};

function WorkForm({ itemId, note, reviewer }: { itemId: string; note: string; reviewer: string | null }) {
  const t = useTranslations("item");
  const version = useRecord().version ?? 1;
  const work = useActionForm({
    id: "item",
    schema: ZSubmitItem,
    action: submitItem,
    defaultValues: { itemId, expectedVersion: version, note },
    fields: { note: { label: t("noteLabel"), max: NOTE_MAX } },
    messages: "itemErrors",
  });
  const notApplicable = useActionForm({
    id: "na",
    schema: ZRequestNotApplicable,
    action: requestNotApplicable,
    defaultValues: { itemId, expectedVersion: version, reason: "" },
    fields: { reason: { label: t("naReason"), max: NOTE_MAX } },
    messages: "itemErrors",
  });
  return (
    <div className="space-y-4">
      <FormBody
        of={work}
        submitLabel={reviewer ? t("submit") : t("complete")}
        submitClassName="w-full"
        describeConflict={describeConflict}
        doneMessage={t("saved")}
        extra={
          <>
            {reviewer ? <p className="text-xs text-muted">{t("submitHint", { reviewer })}</p> : null}
            <Button type="button" variant="secondary" className="w-full" onClick={() => void work.submitWith(saveProgress)()}>
              {t("save")}
            </Button>
          </>
        }
      >
        <TextareaField of={work} name="note" rows={4} hint={t("noteHint", { max: NOTE_MAX })} />
      </FormBody>
      <details className="rounded-md border border-line p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t("notApplicable")}</summary>
        <div className="mt-3">
          <FormBody of={notApplicable} submitLabel={t("naSubmit")} variant="secondary" submitClassName="w-full" describeConflict={describeConflict}>
            <TextareaField of={notApplicable} name="reason" rows={3} hint={reviewer ? t("naHint", { reviewer }) : t("naHintSelf")} />
          </FormBody>
        </div>
      </details>
    </div>
  );
}

function ReviewForm({ itemId, requestedNotApplicable }: { itemId: string; requestedNotApplicable: boolean }) {
  const t = useTranslations("item");
  const review = useActionForm({
    id: "review",
    schema: ZApproveItem,
    action: approveItem,
    defaultValues: { itemId, expectedVersion: useRecord().version ?? 1, comment: "" },
    fields: { comment: { label: t("reviewComment"), max: NOTE_MAX } },
    messages: "itemErrors",
  });
  // Returning needs a comment: the server refuses an empty one at the comment field, so the unit knows what to fix.
  const onReturn = review.submitWith((input) => returnItem({ ...input, comment: input.comment ?? "" }));
  return (
    <div className="space-y-3">
      <p className="text-sm">{requestedNotApplicable ? t("reviewNaHint") : t("reviewHint")}</p>
      <FormBody
        of={review}
        submitLabel={t("approve")}
        submitClassName="w-full"
        describeConflict={describeConflict}
        extra={
          <Button type="button" variant="secondary" className="w-full" onClick={() => void onReturn()}>
            {t("return")}
          </Button>
        }
      >
        <TextareaField of={review} name="comment" rows={3} hint={t("reviewCommentHint")} />
      </FormBody>
    </div>
  );
}

/** What the signed-in person can do with the item now, by its status and their part in it. */
export function ItemActions(props: ItemActionsProps) {
  const t = useTranslations("item");
  const step = { itemId: props.itemId, expectedVersion: useRecord().version ?? 1 };
  const { status } = props;

  if (status === "WITHDRAWN") return <p className="text-sm text-muted">{t("withdrawnHint")}</p>;
  if (isOpen(status) && props.canWrite) return <WorkForm itemId={props.itemId} note={props.note} reviewer={props.reviewer} />;
  if (status === "SUBMITTED" && props.canReview) return <ReviewForm itemId={props.itemId} requestedNotApplicable={props.requestedNotApplicable} />;
  if (status === "SUBMITTED" && props.canWrite) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-muted">{t("submittedHint", { reviewer: props.reviewer ?? "—" })}</p>
        <ActionButton action={recallSubmission} input={step} label={t("recall")} variant="secondary" describeConflict={describeConflict} />
      </div>
    );
  }
  if (isSettled(status) && props.canReopen) {
    return (
      <div className="space-y-3">
        <p className="text-sm text-muted">{props.reviewer ? t("reopenHintReviewer") : t("doneHint")}</p>
        <ActionButton action={reopenItem} input={step} label={t("reopen")} variant="secondary" describeConflict={describeConflict} />
      </div>
    );
  }
  if (status === "RETURNED") return <p className="text-sm text-muted">{t("returnedHint")}</p>;
  return <p className="text-sm text-muted">{status === "SUBMITTED" ? t("submittedHint", { reviewer: props.reviewer ?? "—" }) : t("readOnly")}</p>;
}
