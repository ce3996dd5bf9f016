"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { importCatalog } from "@/app/catalogs/actions";
import { CatalogProblems } from "@/components/catalogs/catalog-problems";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { MAX_CATALOG_FILE_BYTES } from "@/lib/catalogs/catalog-problems";
import type { UploadProblem } from "@/lib/server/catalogs/catalogs";
import { useActionError } from "@/components/ui/use-action-error";

type State = { kind: "idle" } | { kind: "problems"; problems: UploadProblem[] } | { kind: "done"; versionId: string } | { kind: "error"; message: string };

export function ImportCatalogForm() {
  const t = useTranslations("catalogs");
  const actionError = useActionError();
  const [state, setState] = useState<State>({ kind: "idle" });
  const [isPending, startTransition] = useTransition();

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setState({ kind: "error", message: t("chooseFile") });
      return;
    }
    if (file.size > MAX_CATALOG_FILE_BYTES) {
      setState({ kind: "problems", problems: [{ code: "tooLarge", params: { max: MAX_CATALOG_FILE_BYTES / 1024 / 1024 } }] });
      return;
    }
    startTransition(async () => {
      const result = await importCatalog(form);
      if (!result.ok) {
        setState({ kind: "error", message: actionError(result) });
      } else if (!result.data.ok) {
        setState({ kind: "problems", problems: result.data.problems });
      } else {
        setState({ kind: "done", versionId: result.data.versionId });
      }
    });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-describedby="import-hint">
      <div>
        <Label htmlFor="catalog-file">{t("fileLabel")}</Label>
        <Input id="catalog-file" name="file" type="file" accept=".xlsx,.json,.yaml,.yml" className="h-auto py-1.5" disabled={isPending} />
        <p id="import-hint" className="mt-1 text-xs text-muted">
          {t("fileHint", { max: MAX_CATALOG_FILE_BYTES / 1024 / 1024 })}
        </p>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a href="/catalogs/template" download className="text-brand underline-offset-4 hover:underline">
            {t("templateLink")}
          </a>
          <Link href="/catalogs/format" className="text-brand underline-offset-4 hover:underline">
            {t("formatLink")}
          </Link>
        </p>
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? t("importing") : t("import")}
      </Button>
      {state.kind === "problems" ? <CatalogProblems problems={state.problems} /> : null}
      {state.kind === "error" ? <Alert tone="error">{state.message}</Alert> : null}
      {state.kind === "done" ? (
        <Alert tone="ok">
          {t("imported")}{" "}
          <Link href={`/catalogs/${state.versionId}`} className="font-medium underline">
            {t("openImported")}
          </Link>
        </Alert>
      ) : null}
    </form>
  );
}
