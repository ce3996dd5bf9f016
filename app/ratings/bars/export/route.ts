import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { plainText, refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeAwardBarWorkbook } from "@/lib/server/ratings/award-bars";
import { resolveRatedYear } from "@/lib/server/ratings/schemes";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZRatingQuery } from "@/lib/validation/ratings";

const KEY = "route:/ratings/bars/export";

/** Downloads the year's bars from awards (`?period=`, this year's by default) that the reader may see. */
export async function GET(request: Request) {
  const query = ZRatingQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const actor = await authorize(await getActor(), KEY);
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    const year = await resolveRatedYear(query.period);
    if (!year) return plainText(t("ratings.noYear"), 404);
    const fileName = `${t("ratings.bars.fileName", { year: year.year, date: dayString() })}.xlsx`;
    return workbookDownload(
      async (output) => {
        await writeAwardBarWorkbook(actor, year, output, { t, locale: actor.locale });
      },
      { fileName, asciiName: `award-bars-${year.year}.xlsx`, label: "award bars" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
