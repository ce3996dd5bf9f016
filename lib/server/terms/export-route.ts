import "server-only";
import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import type { EntryKey } from "@/lib/server/access/registry";
import { getActor } from "@/lib/server/auth/actor";
import { ExportTooLargeError, type Translate } from "@/lib/server/checklists/export-checklist";
import { workbookDownload } from "@/lib/server/workbook-download";
import { plainText, refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { prepareTermExport } from "@/lib/server/terms/export-terms";
import type { TermLedger } from "@/lib/term-ledgers";
import { readSearchParams } from "@/lib/validation/search-params";
import { ZRecordLedgerFilters, ZTermLedgerFilters } from "@/lib/validation/terms";

/**
 * The download of one of the three ledgers, for its route handler: the
 * registry's rule for `key`, the page's filters from the query string, and
 * the workbook streamed as it is written. A selection over the limit is
 * refused with a message (413); out of reach reads as not found.
 */
export async function exportTermLedger(request: Request, ledger: TermLedger, key: EntryKey): Promise<Response> {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const filters = ledger === "terms" ? readSearchParams(ZTermLedgerFilters, raw).values : readSearchParams(ZRecordLedgerFilters, raw).values;
  try {
    const actor = await authorize(await getActor(), key);
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    const prepared = await prepareTermExport(actor, ledger, filters, { t, locale: actor.locale });
    const fileName = `${t("terms.export.fileName", { ledger: t(`terms.ledgers.${ledger}`), date: dayString() })}.xlsx`;
    return workbookDownload((output) => prepared.writeTo(output), { fileName, asciiName: `${ledger}-ledger.xlsx`, label: `${ledger} ledger` });
  } catch (error) {
    if (error instanceof ExportTooLargeError) {
      const t = (await getTranslations()) as unknown as Translate;
      return plainText(t("terms.export.tooMany", { total: error.total, limit: error.limit }), 413);
    }
    return refuseDownload(request, error);
  }
}
