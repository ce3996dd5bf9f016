import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { plainText, refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { prepareRatingExport } from "@/lib/server/ratings/export-ratings";
import { resolveRatedYear } from "@/lib/server/ratings/schemes";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZRatingQuery } from "@/lib/validation/ratings";

const KEY = "route:/ratings/export";

/**
 * Downloads the year's results as the reader's ratings page lists them
 * (`?period=` the year period, this year's by default): the committee's
 * preview or the published results, a unit's readers what was published
 * within their reach.
 */
export async function GET(request: Request) {
  const query = ZRatingQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const actor = await authorize(await getActor(), KEY);
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    const year = await resolveRatedYear(query.period);
    if (!year) return plainText(t("ratings.noYear"), 404);
    const prepared = await prepareRatingExport(actor, year.id, { t, locale: actor.locale });
    const fileName = `${t("ratings.export.fileName", { year: year.year, date: dayString() })}.xlsx`;
    return workbookDownload((output) => prepared.writeTo(output), { fileName, asciiName: `ratings-${year.year}.xlsx`, label: "ratings" });
  } catch (error) {
    return refuseDownload(request, error);
  }
}
