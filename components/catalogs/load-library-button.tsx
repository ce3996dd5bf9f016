"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { loadLibraryCatalog } from "@/lib/actions/catalogs";

export function LoadLibraryButton({ catalogKey, title }: { catalogKey: string; title: string }) {
  const t = useTranslations("catalogs");
  return (
    <ActionButton
      action={loadLibraryCatalog}
      input={{ key: catalogKey }}
      label={t("load")}
      busyLabel={t("loading")}
      ariaLabel={t("loadNamed", { title })}
      variant="secondary"
      size="sm"
      isInline
    />
  );
}
