import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeMeetingWorkbook } from "@/lib/server/grading/meetings";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZMeetingQuery } from "@/lib/validation/grading";

/** Downloads a quarter's organizational life (`?year=`, `?quarter=`, `?root=`, `?missing=`) as the page lists it. */
export async function GET(request: Request) {
  const query = ZMeetingQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const actor = await authorize(await getActor(), "route:/branches/meetings/export");
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    return workbookDownload(
      async (output) => {
        await writeMeetingWorkbook(actor, { ...query, page: undefined }, output, { t, locale: actor.locale });
      },
      { fileName: `${t("meetings.export.fileName", { date: dayString() })}.xlsx`, asciiName: "organizational-life.xlsx", label: "organizational life" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
