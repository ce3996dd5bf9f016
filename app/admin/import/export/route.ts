import { getTranslations } from "next-intl/server";
import { dayString } from "@/lib/dates";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { exportDirectory } from "@/lib/server/directory/export-directory";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { xlsxResponse } from "@/lib/server/xlsx-response";

/** The organizations and accounts within the reader's subtree, in the import's layout. */
export async function GET(request: Request) {
  try {
    const actor = await authorize(await getActor(), "route:/admin/import/export");
    if (!actor) return signInAgain(request);
    const t = await getTranslations({ locale: actor.locale, namespace: "directoryImport" });
    return xlsxResponse(await exportDirectory(actor), `${t("exportFileName", { date: dayString() })}.xlsx`);
  } catch (error) {
    return refuseDownload(request, error);
  }
}
