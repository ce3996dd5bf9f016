import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { tourSheetTemplate } from "@/lib/inspections/tour-sheet";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Downloads the sheet staff fill in with a tour's problems: the header and one example row. */
export async function GET(request: Request) {
  try {
    const actor = await authorize(await getActor(), "route:/inspections/tours/template");
    if (!actor) return signInAgain(request);
    const t = await getTranslations({ locale: actor.locale, namespace: "inspections.tour.import" });
    // The example row's category and severity are words the import reads in either language; the headers are the sheet's own.
    const bytes = await tourSheetTemplate({ orgCode: "U01", text: "党组理论学习中心组学习流于形式", category: "理论学习", severity: "较重", deadline: `${dayString().slice(0, 4)}-12-31` });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": XLSX,
        "Content-Disposition": `attachment; filename="tour-feedback-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${t("templateFile")}.xlsx`)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return refuseDownload(request, error);
  }
}
