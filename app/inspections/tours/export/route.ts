import { getTranslations } from "next-intl/server";
import { currentYear, dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeTourWorkbook } from "@/lib/server/inspections/tours";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZTourQuery } from "@/lib/validation/inspections";

/** Downloads a year's tour feedback (`?year=`, this year's by default) that the reader sees, as the ledger lists it. */
export async function GET(request: Request) {
  const query = ZTourQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const year = query.year ?? currentYear();
  try {
    const actor = await authorize(await getActor(), "route:/inspections/tours/export");
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    return workbookDownload(
      async (output) => {
        await writeTourWorkbook(actor, year, output, { t, locale: actor.locale });
      },
      { fileName: `${t("inspections.tour.export.fileName", { year, date: dayString() })}.xlsx`, asciiName: `tour-feedback-${year}.xlsx`, label: "tour feedback" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
