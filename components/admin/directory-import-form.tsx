"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FileField, OutcomeAlert } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { csvLine } from "@/lib/directory/csv";
import { MAX_DIRECTORY_FILE_BYTES, ORG_TYPE_WORDS, ROLE_WORDS, type DirectoryProblem } from "@/lib/directory/directory-layout";
import type { ActionResult } from "@/lib/server/action";
import type { DirectoryProgress, DirectoryResult, OneTimePassword } from "@/lib/server/directory/apply-directory";
import type { DirectoryPreview, PreviewOutcome } from "@/lib/server/directory/import-directory";
import { ZDirectoryUpload, type TDirectoryUpload } from "@/lib/validation/directory-upload";

const MAX_MB = MAX_DIRECTORY_FILE_BYTES / 1024 / 1024;
const SHOWN = 200;

type ImportOutcome = { ok: true; result: DirectoryResult } | { ok: false; problems: DirectoryProblem[] };

function body(file: File, mode: "preview" | "apply"): FormData {
  const form = new FormData();
  form.set("file", file);
  form.set("mode", mode);
  return form;
}

/** A refusal of the route or a proxy, read as a server action's: a body too large is the file's problem. */
function readFailure(response: Response, result: unknown): ActionResult<never> {
  if (response.status === 413) return { ok: false, error: "validation", fieldErrors: { file: ["tooLarge"] } };
  if (result && typeof result === "object" && "ok" in result && result.ok === false) return result as ActionResult<never>;
  return { ok: false, error: "internal", errorId: `http-${response.status}` };
}

async function previewFile({ file }: TDirectoryUpload): Promise<ActionResult<PreviewOutcome>> {
  if (!file) return { ok: false, error: "validation", fieldErrors: { file: ["chooseFile"] } };
  if (file.size > MAX_DIRECTORY_FILE_BYTES) return { ok: false, error: "validation", fieldErrors: { file: ["tooLarge"] } };
  let response: Response;
  try {
    response = await fetch("/api/admin/import", { method: "POST", body: body(file, "preview") });
  } catch {
    return { ok: false, error: "validation", fieldErrors: { file: ["network"] } };
  }
  const result: unknown = await response.json().catch(() => null);
  return response.ok && result && typeof result === "object" && "ok" in result ? (result as ActionResult<PreviewOutcome>) : readFailure(response, result);
}

/** Sends the file to be imported and follows the route's NDJSON lines: progress, then the result. */
async function importFile(file: File | null, onProgress: (p: DirectoryProgress) => void): Promise<ActionResult<ImportOutcome>> {
  if (!file) return { ok: false, error: "validation", fieldErrors: { file: ["chooseFile"] } };
  let response: Response;
  try {
    response = await fetch("/api/admin/import", { method: "POST", body: body(file, "apply") });
  } catch {
    return { ok: false, error: "validation", fieldErrors: { file: ["network"] } };
  }
  if (!response.ok || !response.body) return readFailure(response, await response.json().catch(() => null));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  let last: ActionResult<ImportOutcome> | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const message = JSON.parse(line) as { progress: DirectoryProgress } | ActionResult<ImportOutcome>;
      if ("progress" in message) onProgress(message.progress);
      else last = message;
    }
    if (done) break;
  }
  return last ?? { ok: false, error: "internal", errorId: "stream" };
}

/** The one-time passwords as a CSV file the administrator saves and hands out; never kept by the app. */
function passwordsHref(passwords: OneTimePassword[], headers: [string, string, string]): string {
  const text = "\uFEFF" + [csvLine(headers), ...passwords.map((p) => csvLine([p.username, p.name, p.password]))].join("\r\n") + "\r\n";
  return URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
}

function Problems({ problems }: { problems: DirectoryProblem[] }) {
  const t = useTranslations("directoryImport");
  return (
    <Alert tone="error" className="space-y-2" data-testid="import-problems">
      <p className="font-medium">{t("refused", { count: problems.length })}</p>
      <ul className="list-disc space-y-1 pl-5">
        {problems.slice(0, SHOWN).map((p, index) => {
          const words = t(`problem.${p.code}`, { max: "", value: "", code: "", parent: "", username: "", ...p.params });
          return (
            <li key={index}>
              {p.row !== undefined
                ? t("atCell", { sheet: p.sheet ?? "", row: p.row, column: p.column ?? "", problem: words })
                : p.sheet
                  ? t("atSheet", { sheet: p.sheet, problem: words })
                  : words}
            </li>
          );
        })}
      </ul>
      {problems.length > SHOWN ? <p>{t("moreProblems", { count: problems.length - SHOWN })}</p> : null}
    </Alert>
  );
}

function PreviewView({ preview }: { preview: DirectoryPreview }) {
  const t = useTranslations("directoryImport");
  const { counts } = preview;
  const list = (items: string[], total: number) =>
    items.length === 0 ? null : (
      <dd>
        <ul className="mt-1 list-disc pl-5 text-sm text-muted">
          {items.map((text, i) => (
            <li key={i}>{text}</li>
          ))}
          {total > items.length ? <li>{t("andMore", { count: total - items.length })}</li> : null}
        </ul>
      </dd>
    );
  return (
    <div className="space-y-3" data-testid="import-preview">
      <p className="font-medium">{t("previewHeading")}</p>
      <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3">
        <div className="rounded-md border border-line p-3">
          <dt className="font-medium">{t("orgs")}</dt>
          <dd data-testid="preview-orgs">{t("counts", counts.orgs)}</dd>
          {list(preview.orgs.create.map((o) => t("orgLine", { code: o.code, name: o.name, type: ORG_TYPE_WORDS[o.type], parent: o.parentCode })), counts.orgs.create)}
        </div>
        <div className="rounded-md border border-line p-3">
          <dt className="font-medium">{t("users")}</dt>
          <dd data-testid="preview-users">{t("counts", counts.users)}</dd>
          {list(preview.users.create.map((u) => t("userLine", { username: u.username, name: u.name })), counts.users.create)}
        </div>
        <div className="rounded-md border border-line p-3">
          <dt className="font-medium">{t("grants")}</dt>
          <dd data-testid="preview-grants">{t("grantCounts", counts.grants)}</dd>
          {list(preview.grants.map((g) => t("grantLine", { username: g.username, org: g.orgCode, role: ROLE_WORDS[g.role] })), counts.grants.add)}
        </div>
      </dl>
    </div>
  );
}

/**
 * Imports organizations and accounts from one file: first a preview of
 * everything it creates, changes and leaves alone (or every problem, and
 * nothing written), then the import itself with its progress, and the new
 * accounts' one-time passwords to save once.
 */
export function DirectoryImportForm() {
  const t = useTranslations("directoryImport");
  const [preview, setPreview] = useState<PreviewOutcome | null>(null);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const [progress, setProgress] = useState<DirectoryProgress | null>(null);
  const of = useActionForm({
    id: "directory",
    schema: ZDirectoryUpload,
    action: previewFile,
    defaultValues: { file: null },
    fields: { file: { label: t("fileLabel"), max: `${MAX_MB} MB` } },
    onSuccess: (outcome) => {
      setImported(null);
      setPreview(outcome);
    },
    refresh: false,
    messages: "directoryImport.fileErrors",
  });
  const apply = of.submitWith((input) => importFile(input.file ?? null, setProgress), (outcome) => {
    setPreview(null);
    setImported(outcome);
  });
  const canApply = preview?.ok && (preview.preview.counts.orgs.create + preview.preview.counts.orgs.update + preview.preview.counts.users.create + preview.preview.counts.users.update + preview.preview.counts.grants.add) > 0;

  return (
    <form onSubmit={of.onSubmit} noValidate className="space-y-4">
      <fieldset disabled={of.isBusy} className="space-y-3">
        <FileField
          of={of}
          name="file"
          accept=".xlsx,.csv"
          hint={t("fileHint", { max: MAX_MB })}
          onChange={() => {
            setPreview(null);
            setImported(null);
          }}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant={canApply ? "secondary" : "primary"}>
            {of.isBusy && !progress ? t("checking") : t("preview")}
          </Button>
          {canApply ? (
            <Button type="button" onClick={() => void apply()}>
              {of.isBusy && progress ? t("importing") : t("import")}
            </Button>
          ) : null}
        </div>
      </fieldset>
      <OutcomeAlert outcome={of.outcome} />
      {progress && of.isBusy ? (
        <div className="space-y-1" role="status">
          <p className="text-sm">{t("progress", { step: t(`step.${progress.step}`), done: progress.done, total: progress.total })}</p>
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} label={t("importing")} />
        </div>
      ) : null}
      {preview?.ok === false || imported?.ok === false ? <Problems problems={(preview?.ok === false ? preview : imported?.ok === false ? imported : { problems: [] }).problems} /> : null}
      {preview?.ok ? <PreviewView preview={preview.preview} /> : null}
      {preview?.ok && !canApply ? <Alert tone="ok">{t("nothingToDo")}</Alert> : null}
      {imported?.ok ? (
        <Alert tone="ok" className="space-y-2" data-testid="import-done">
          <p>
            {t("done", {
              orgsCreated: imported.result.orgsCreated,
              orgsUpdated: imported.result.orgsUpdated,
              usersCreated: imported.result.usersCreated,
              usersUpdated: imported.result.usersUpdated,
              grantsAdded: imported.result.grantsAdded,
            })}
          </p>
          {imported.result.oneTimePasswords.length > 0 ? (
            <p>
              <a
                href={passwordsHref(imported.result.oneTimePasswords, [t("csv.username"), t("csv.name"), t("csv.password")])}
                download={`${t("passwordsFileName")}.csv`}
                className="font-medium underline"
              >
                {t("downloadPasswords", { count: imported.result.oneTimePasswords.length })}
              </a>
              <span className="block text-xs">{t("passwordsHint")}</span>
            </p>
          ) : null}
        </Alert>
      ) : null}
    </form>
  );
}
