"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { reviseCatalogVersion } from "@/lib/actions/catalogs";

/** Opens a draft of the next version (or the open one) in the editor. */
export function ReviseVersionButton({ versionId }: { versionId: string }) {
  const t = useTranslations("editor");
  return (
    <ActionButton
      action={reviseCatalogVersion}
      input={{ versionId }}
      label={t("revise")}
      busyLabel={t("opening")}
      variant="secondary"
      size="sm"
      redirectTo={(data) => `/catalogs/${data.versionId}/edit`}
    />
  );
}
