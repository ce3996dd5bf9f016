import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import type { Translate } from "@/lib/server/checklists/export-checklist";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { writeTurnaroundWorkbook } from "@/lib/server/grading/turnaround";
import { workbookDownload } from "@/lib/server/workbook-download";
import { ZTurnaroundQuery } from "@/lib/validation/grading";

/** Downloads the turnaround cases the reader sees (`?status=`, `?warning=`), as the list shows them. */
export async function GET(request: Request) {
  const query = ZTurnaroundQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const actor = await authorize(await getActor(), "route:/branches/turnaround/export");
    if (!actor) return signInAgain(request);
    const t = (await getTranslations({ locale: actor.locale })) as unknown as Translate;
    return workbookDownload(
      async (output) => {
        await writeTurnaroundWorkbook(actor, { ...query, page: undefined }, output, { t, locale: actor.locale });
      },
      { fileName: `${t("turnaround.export.fileName", { date: dayString() })}.xlsx`, asciiName: "turnaround-cases.xlsx", label: "turnaround cases" },
    );
  } catch (error) {
    return refuseDownload(request, error);
  }
}
