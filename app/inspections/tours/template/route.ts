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
    const bytes = await tourSheetTemplate({ orgCode: "U01", text: "党组理论学习中心组学习流于形式", category: "理论学习", severity: "较重", deadline: `${dayString().slice(0, 4)}-12-31` });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": XLSX,
        "Content-Disposition": `attachment; filename="tour-feedback-template.xlsx"; filename*=UTF-8''${encodeURIComponent("巡视巡察反馈问题模板.xlsx")}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return refuseDownload(request, error);
  }
}
