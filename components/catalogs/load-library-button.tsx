"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { loadLibraryCatalog } from "@/lib/actions/catalogs";
import { Button } from "@/components/ui/button";
import { useActionError } from "@/components/ui/use-action-error";

export function LoadLibraryButton({ catalogKey, title }: { catalogKey: string; title: string }) {
  const t = useTranslations("catalogs");
  const actionError = useActionError();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={isPending}
        aria-label={t("loadNamed", { title })}
        onClick={() =>
          startTransition(async () => {
            const result = await loadLibraryCatalog({ key: catalogKey });
            if (!result.ok) setError(actionError(result));
            else router.refresh();
          })
        }
      >
        {isPending ? t("loading") : t("load")}
      </Button>
      {error ? <span role="alert" className="text-sm text-danger">{error}</span> : null}
    </span>
  );
}
