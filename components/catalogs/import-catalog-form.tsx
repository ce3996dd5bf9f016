"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CatalogProblems } from "@/components/catalogs/catalog-problems";
import { FileField, OutcomeAlert } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { MAX_CATALOG_FILE_BYTES } from "@/lib/catalogs/catalog-problems";
import type { ActionResult } from "@/lib/server/action";
import type { ImportOutcome, UploadProblem } from "@/lib/server/catalogs/catalogs";
import { ZCatalogUpload, type TCatalogUpload } from "@/lib/validation/catalog-upload";

const MAX_MB = MAX_CATALOG_FILE_BYTES / 1024 / 1024;

/** A file past the limit is refused whole like any bad file, with this one problem, whether the form or the server finds it. */
const TOO_LARGE: ImportOutcome = { ok: false, problems: [{ code: "tooLarge", params: { max: MAX_MB } } satisfies UploadProblem] };

/**
 * Posts the file to the import route, whose answer reads as a server
 * action's result: the outcome of the import (a draft, or the problems of a
 * refused file), or a refusal at the file field.
 */
async function sendCatalogFile({ file }: TCatalogUpload): Promise<ActionResult<ImportOutcome>> {
  if (!file) return { ok: false, error: "validation", fieldErrors: { file: ["chooseFile"] } };
  if (file.size > MAX_CATALOG_FILE_BYTES) return { ok: true, data: TOO_LARGE };
  const body = new FormData();
  body.set("file", file);
  let response: Response;
  try {
    response = await fetch("/api/catalogs/import", { method: "POST", body });
  } catch {
    return { ok: false, error: "validation", fieldErrors: { file: ["network"] } };
  }
  const result = (await response.json().catch(() => null)) as ActionResult<ImportOutcome> | null;
  // The route, or a proxy in front of it, refused the body as too large.
  if (result?.ok === false && result.fieldErrors?.file?.includes("tooLarge")) return { ok: true, data: TOO_LARGE };
  if (result && typeof result.ok === "boolean") return result;
  if (response.status === 413) return { ok: true, data: TOO_LARGE };
  return { ok: false, error: "internal", errorId: `http-${response.status}` };
}

export function ImportCatalogForm() {
  const t = useTranslations("catalogs");
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const of = useActionForm({
    id: "catalog",
    schema: ZCatalogUpload,
    action: sendCatalogFile,
    defaultValues: { file: null },
    fields: { file: { label: t("fileLabel") } },
    onSuccess: setImported,
    messages: "catalogs",
  });

  return (
    <form
      onSubmit={(event) => {
        setImported(null);
        return of.onSubmit(event);
      }}
      noValidate
      className="space-y-3"
    >
      <fieldset disabled={of.isBusy} className="space-y-3">
        <div>
          <FileField of={of} name="file" accept=".xlsx,.json,.yaml,.yml" hint={t("fileHint", { max: MAX_MB })} />
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <a href="/catalogs/template" download className="text-brand underline-offset-4 hover:underline">
              {t("templateLink")}
            </a>
            <Link href="/catalogs/format" className="text-brand underline-offset-4 hover:underline">
              {t("formatLink")}
            </Link>
          </p>
        </div>
        <Button type="submit">{of.isBusy ? t("importing") : t("import")}</Button>
      </fieldset>
      <OutcomeAlert outcome={of.outcome} />
      {imported?.ok === false ? <CatalogProblems problems={imported.problems} /> : null}
      {imported?.ok ? (
        <Alert tone="ok">
          {t("imported")}{" "}
          <Link href={`/catalogs/${imported.versionId}`} className="font-medium underline">
            {t("openImported")}
          </Link>
        </Alert>
      ) : null}
    </form>
  );
}
