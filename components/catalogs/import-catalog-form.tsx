"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { CatalogProblems } from "@/components/catalogs/catalog-problems";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useActionError } from "@/components/ui/use-action-error";
import { MAX_CATALOG_FILE_BYTES } from "@/lib/catalogs/catalog-problems";
import type { ActionResult } from "@/lib/server/action";
import type { ImportOutcome, UploadProblem } from "@/lib/server/catalogs/catalogs";

const TOO_LARGE: UploadProblem = { code: "tooLarge", params: { max: MAX_CATALOG_FILE_BYTES / 1024 / 1024 } };

/** Posts the file to the import route; its answer reads as a server action's result, or null when the network failed. */
async function sendCatalogFile(file: File): Promise<ActionResult<ImportOutcome> | null> {
  const body = new FormData();
  body.set("file", file);
  let response: Response;
  try {
    response = await fetch("/api/catalogs/import", { method: "POST", body });
  } catch {
    return null;
  }
  const result = (await response.json().catch(() => null)) as ActionResult<ImportOutcome> | null;
  if (result && typeof result.ok === "boolean") return result;
  // A proxy in front may refuse a large body before the app sees it.
  if (response.status === 413) return { ok: false, error: "validation", fieldErrors: { file: ["tooLarge"] } };
  return { ok: false, error: "internal", errorId: `http-${response.status}` };
}

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
      setState({ kind: "problems", problems: [TOO_LARGE] });
      return;
    }
    startTransition(async () => {
      const result = await sendCatalogFile(file);
      if (!result) {
        setState({ kind: "error", message: t("network") });
      } else if (!result.ok && result.fieldErrors?.file?.includes("tooLarge")) {
        setState({ kind: "problems", problems: [TOO_LARGE] });
      } else if (!result.ok) {
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
