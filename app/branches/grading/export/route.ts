import { getTranslations } from "next-intl/server";
import { currentYear, dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeGradingWorkbook } from "@/lib/server/grading/grading";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZGradingQuery } from "@/lib/validation/grading";

/** Downloads a year's branch grades (`?year=`, `?root=`, `?rank=`, `?move=`, `?status=`) that the reader sees, as the list shows them. */
export async function GET(request: Request) {
  const query = ZGradingQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const year = query.year ?? currentYear();
  try {
    const actor = await authorize(await getActor(), "route:/branches/grading/export");
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    return workbookDownload(
      async (output) => {
        await writeGradingWorkbook(actor, { ...query, page: undefined, year }, output, { t, locale: actor.locale });
      },
      { fileName: `${t("grading.export.fileName", { year, date: dayString() })}.xlsx`, asciiName: `branch-grades-${year}.xlsx`, label: "branch grades" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
