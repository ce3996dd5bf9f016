import { getTranslations } from "next-intl/server";
import { currentYear, dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeProjectWorkbook } from "@/lib/server/projects/projects";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZProjectQuery } from "@/lib/validation/projects";

/** Downloads a year's secretary projects (`?year=`, `?warning=`) that the reader sees, as the list shows them. */
export async function GET(request: Request) {
  const query = ZProjectQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const year = query.year ?? currentYear();
  try {
    const actor = await authorize(await getActor(), "route:/ratings/projects/export");
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    return workbookDownload(
      async (output) => {
        await writeProjectWorkbook(actor, { year, warning: query.warning }, output, { t, locale: actor.locale });
      },
      { fileName: `${t("ratings.project.export.fileName", { year, date: dayString() })}.xlsx`, asciiName: `secretary-projects-${year}.xlsx`, label: "secretary projects" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
