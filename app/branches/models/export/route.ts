import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeModelSiteWorkbook } from "@/lib/server/grading/model-sites";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZModelSiteQuery } from "@/lib/validation/grading";

/** Downloads the model sites the reader sees (`?status=`), as the list shows them. */
export async function GET(request: Request) {
  const query = ZModelSiteQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const actor = await authorize(await getActor(), "route:/branches/models/export");
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    return workbookDownload(
      async (output) => {
        await writeModelSiteWorkbook(actor, { ...query, page: undefined }, output, { t, locale: actor.locale });
      },
      { fileName: `${t("modelSites.export.fileName", { date: dayString() })}.xlsx`, asciiName: "model-sites.xlsx", label: "model sites" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
