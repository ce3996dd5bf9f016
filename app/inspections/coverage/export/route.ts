import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeCoverageWorkbook } from "@/lib/server/inspections/groups";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZCoverageQuery } from "@/lib/validation/inspections";

/** Downloads coverage (`?group=`, `?year=`, `?quarter=`, `?visited=`) as the page lists it. */
export async function GET(request: Request) {
  const query = ZCoverageQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const actor = await authorize(await getActor(), "route:/inspections/coverage/export");
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    return workbookDownload(
      async (output) => {
        await writeCoverageWorkbook(actor, { ...query, page: undefined }, output, { t, locale: actor.locale });
      },
      { fileName: `${t("inspections.coverage.export.fileName", { date: dayString() })}.xlsx`, asciiName: "coverage.xlsx", label: "coverage" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
