"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { publishCatalogVersion } from "@/lib/actions/catalogs";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";

export function PublishVersionButton({ versionId }: { versionId: string }) {
  const t = useTranslations("catalogs");
  const actionError = useActionError();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">{t("publishHint")}</p>
      <Button
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const result = await publishCatalogVersion({ versionId });
            if (!result.ok) setError(actionError(result));
            else router.refresh();
          })
        }
      >
        {isPending ? t("publishing") : t("publish")}
      </Button>
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
