"use client";

import { useTranslations } from "next-intl";
import { ActionButton } from "@/components/forms/action-button";
import { publishCatalogVersion } from "@/lib/actions/catalogs";

export function PublishVersionButton({ versionId }: { versionId: string }) {
  const t = useTranslations("catalogs");
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{t("publishHint")}</p>
      <ActionButton action={publishCatalogVersion} input={{ versionId }} label={t("publish")} busyLabel={t("publishing")} />
    </div>
  );
}
