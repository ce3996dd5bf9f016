import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { ExportTooLargeError, type Translate } from "@/lib/server/checklists/export-checklist";
import { workbookDownload } from "@/lib/server/workbook-download";
import { plainText, refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { prepareFindingExport } from "@/lib/server/inspections/export-findings";
import { ZFindingFilters } from "@/lib/server/inspections/list-findings";
import { readSearchParams } from "@/lib/validation/search-params";

const KEY = "route:/findings/export";

/**
 * Downloads the rectification ledger as the page shows it (the same filters
 * in the query string, the same scope): one workbook with the problem, task
 * and responsibility lists as three sheets.
 */
export async function GET(request: Request) {
  const { values: filters, errors } = readSearchParams(ZFindingFilters, Object.fromEntries(new URL(request.url).searchParams));
  // The ledger shows such words as refused and links no export with them: export nothing rather than more than asked.
  if (errors.q) return plainText((await getTranslations("validation"))("unsearchableText"), 400);
  try {
    const actor = await authorize(await getActor(), KEY);
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    const prepared = await prepareFindingExport(actor, filters, { t, locale: actor.locale });

    const fileName = `${t("rectification.export.fileName", { date: dayString() })}.xlsx`;
    return workbookDownload((output) => prepared.writeTo(output), { fileName, asciiName: "rectification-ledger.xlsx", label: "rectification" });
  } catch (error) {
    if (error instanceof ExportTooLargeError) {
      const t = (await getTranslations()) as unknown as Translate;
      return plainText(t("rectification.export.tooMany", { total: error.total, limit: error.limit }), 413);
    }
    return refuseDownload(request, error);
  }
}
