"use client";

import { useTranslations } from "next-intl";
import { useActionError } from "@/components/ui/use-action-error";
import type { ActionResult } from "@/lib/server/action";

type Failure = Exclude<ActionResult<unknown>, { ok: true }>;

/**
 * Messages for evidence forms: a field's error code as text, and a failed
 * result split into the field it belongs to or one message for the form.
 */
export function useEvidenceError() {
  const t = useTranslations("evidence.error");
  const actionError = useActionError();
  const fieldMessage = (code: string | undefined, params: { max?: string | number } = {}) =>
    code === undefined ? undefined : t.has(code) ? t(code, { max: params.max ?? "" }) : code;
  const split = <F extends string>(failure: Failure, fields: readonly F[]): { field?: F; code?: string; message?: string } => {
    const errors = failure.error === "validation" ? failure.fieldErrors ?? {} : {};
    const field = fields.find((f) => errors[f]?.length);
    if (field) return { field, code: errors[field]?.[0] };
    // The item closed meanwhile (submitted or done): say so rather than "something is wrong".
    if (errors.itemId?.includes("closed")) return { message: t("closed") };
    return { message: actionError(failure) };
  };
  return { fieldMessage, split };
}
