import { getTranslations } from "next-intl/server";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { exportDirectoryTemplate } from "@/lib/server/directory/export-directory";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { xlsxResponse } from "@/lib/server/xlsx-response";

/** The directory import's Excel template: its two sheets and columns, one example row each. */
export async function GET(request: Request) {
  try {
    const actor = await authorize(await getActor(), "route:/admin/import/template");
    if (!actor) return signInAgain(request);
    const t = await getTranslations({ locale: actor.locale, namespace: "directoryImport" });
    return xlsxResponse(await exportDirectoryTemplate(actor), `${t("templateFileName")}.xlsx`);
  } catch (error) {
    return refuseDownload(request, error);
  }
}
