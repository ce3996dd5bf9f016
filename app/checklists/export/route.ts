import { getTranslations } from "next-intl/server";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { ExportTooLargeError, prepareChecklistExport, type Translate } from "@/lib/server/checklists/export-checklist";
import { notFoundText, plainText, refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { workbookDownload } from "@/lib/server/workbook-download";
import { getOrg } from "@/lib/server/orgs/list-orgs";
import { resolvePeriod } from "@/lib/server/periods/get-current-period";
import { periodLabel } from "@/lib/period-label";
import { ZChecklistFilters } from "@/lib/validation/checklists";
import { readSearchParams } from "@/lib/validation/search-params";
import { ZIdParam } from "@/lib/validation/text";

const KEY = "route:/checklists/export";

/** The organization page's subtree, when the export starts there. */
const ZRoot = ZIdParam;

/**
 * Downloads the ledger as the list shows it: the same query string
 * (filters and period; `root` for an organization's page), the same scope.
 */
export async function GET(request: Request) {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const { values, errors } = readSearchParams(ZChecklistFilters, search);
  const { page: _page, period: periodId, ...filters } = values;
  const root = ZRoot.parse(search.root);
  // The list shows such words as refused and links no export with them: export nothing rather than more than asked.
  if (errors.q) return plainText((await getTranslations("validation"))("unsearchableText"), 400);
  try {
    const actor = await authorize(await getActor(), KEY, root ? { orgId: root } : undefined);
    if (!actor) return signInAgain(request);
    const [rootOrg, period] = await Promise.all([root ? getOrg(actor, "checklist.read", root) : null, resolvePeriod(periodId)]);
    if (!period) return notFoundText();
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    const prepared = await prepareChecklistExport(actor, { ...filters, periodId: period.id, rootPath: rootOrg?.path }, { t, locale: actor.locale });

    const fileName = `${t("export.fileName", { period: periodLabel(t, period) })}.xlsx`;
    return workbookDownload((output) => prepared.writeTo(output), { fileName, asciiName: "duty-ledger.xlsx", label: "ledger" });
  } catch (error) {
    if (error instanceof ExportTooLargeError) {
      const t = (await getTranslations()) as unknown as Translate;
      return plainText(t("export.tooMany", { total: error.total, limit: error.limit }), 413);
    }
    return refuseDownload(request, error);
  }
}
