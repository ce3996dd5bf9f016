"use client";

import { useTranslations } from "next-intl";
import type { ActionErrorCode } from "@/lib/server/action";

/** The user's message for a failed action: its code from the catalog, with the log id for unexpected failures. */
export function useActionError(): (failure: { error: ActionErrorCode; errorId?: string }) => string {
  const te = useTranslations("errors");
  return (failure) => (failure.error === "internal" ? te("internal", { id: failure.errorId ?? "" }) : te(failure.error));
}
