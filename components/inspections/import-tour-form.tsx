"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FileField, FormBody, InputField, SelectField, TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { MAX_TOUR_FILE_BYTES, type TourSheetProblem } from "@/lib/inspections/tour-sheet";
import type { ActionResult } from "@/lib/server/action";
import type { TourImportOutcome } from "@/lib/server/inspections/tour-import";
import { TEXT_MAX, TITLE_MAX, TOUR_KINDS, ZTourImportUpload, type TTourImportUpload } from "@/lib/validation/inspections";

const MAX_MB = MAX_TOUR_FILE_BYTES / 1024 / 1024;

/** Posts the details and the sheet to the import route, whose answer reads as a server action's result. */
async function sendTourSheet(input: TTourImportUpload): Promise<ActionResult<TourImportOutcome>> {
  if (!input.file) return { ok: false, error: "validation", fieldErrors: { file: ["chooseFile"] } };
  if (input.file.size > MAX_TOUR_FILE_BYTES) return { ok: true, data: { ok: false, problems: [{ code: "tooLarge", params: { max: MAX_MB } }] } };
  const body = new FormData();
  for (const [key, value] of Object.entries(input)) if (value !== undefined && value !== null) body.set(key, value);
  let response: Response;
  try {
    response = await fetch("/api/inspections/tours/import", { method: "POST", body });
  } catch {
    return { ok: false, error: "validation", fieldErrors: { file: ["network"] } };
  }
  const result = (await response.json().catch(() => null)) as ActionResult<TourImportOutcome> | null;
  if (result && typeof result.ok === "boolean") return result;
  if (response.status === 413) return { ok: true, data: { ok: false, problems: [{ code: "tooLarge", params: { max: MAX_MB } }] } };
  return { ok: false, error: "internal", errorId: `http-${response.status}` };
}

/** Every refusal of the sheet, by row and column, as a table a person can work through. */
function SheetProblems({ problems }: { problems: TourSheetProblem[] }) {
  const t = useTranslations("inspections.tour.import");
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
      <p className="mb-2 font-medium text-danger">{t("refused", { count: problems.length })}</p>
      <table className="w-full text-left">
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">{t("row")}</th>
            <th scope="col" className="py-1 pr-3 font-medium">{t("column")}</th>
            <th scope="col" className="py-1 font-medium">{t("problem")}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i} className="align-top">
              <td className="py-1 pr-3 tabular-nums">{p.row ?? "—"}</td>
              <td className="py-1 pr-3">{p.column ?? "—"}</td>
              <td className="py-1 break-words">{t(`problems.${p.code}`, { ...p.params })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Staff import a tour's problem list: the feedback's details here, the
 * problems in the sheet, one row each, for one unit or several. A refused
 * sheet lists every problem by row and nothing is written.
 */
export function ImportTourForm({ receivedOn }: { receivedOn: string }) {
  const t = useTranslations("inspections.tour");
  const [outcome, setOutcome] = useState<TourImportOutcome | null>(null);
  const of = useActionForm({
    id: "tour-import",
    schema: ZTourImportUpload,
    action: sendTourSheet,
    defaultValues: { kind: "PROVINCIAL", tourName: "", receivedOn, documentNo: "", summary: "", file: null },
    fields: {
      kind: { label: t("fields.kind") },
      tourName: { label: t("fields.tourName"), max: TITLE_MAX },
      receivedOn: { label: t("fields.receivedOn") },
      documentNo: { label: t("fields.documentNo"), max: 100 },
      summary: { label: t("fields.summary"), max: TEXT_MAX },
      file: { label: t("import.file") },
    },
    onSuccess: setOutcome,
    refresh: false,
    messages: "inspections.tour.error",
  });
  return (
    <div className="space-y-4">
      <FormBody of={of} submitLabel={t("import.submit")} aria-label={t("import.formLabel")}>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <SelectField of={of} name="kind" options={TOUR_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
          <InputField of={of} name="tourName" control={{ maxLength: TITLE_MAX, placeholder: t("fields.tourNamePlaceholder") }} />
          <InputField of={of} name="receivedOn" type="date" />
          <InputField of={of} name="documentNo" control={{ maxLength: 100 }} />
        </div>
        <TextareaField of={of} name="summary" rows={4} maxLength={TEXT_MAX} />
        <div>
          <FileField of={of} name="file" accept=".xlsx" hint={t("import.fileHint", { max: MAX_MB })} onChange={() => setOutcome(null)} />
          <a href="/inspections/tours/template" download className="mt-2 inline-block text-sm text-brand underline-offset-4 hover:underline">
            {t("import.template")}
          </a>
        </div>
      </FormBody>
      {outcome?.ok === false ? <SheetProblems problems={outcome.problems} /> : null}
      {outcome?.ok ? (
        <Alert tone="ok">
          <p>{t("import.done", { created: outcome.created.length, skipped: outcome.skipped.length })}</p>
          <ul className="mt-2 list-disc pl-5">
            {outcome.created.map((c) => (
              <li key={c.tourId}>
                <Link href={`/inspections/tours/${c.tourId}`} className="font-medium underline">
                  {t("import.createdLine", { org: c.org, count: c.problems })}
                </Link>
              </li>
            ))}
            {outcome.skipped.map((s) => (
              <li key={s.org}>{t("import.skippedLine", { org: s.org })}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </div>
  );
}
