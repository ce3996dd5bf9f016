import { getTranslations } from "next-intl/server";
import { CATALOG_MEDIA_TYPES } from "@/lib/catalogs/catalog-io";
import { randomKeyNonce } from "@/lib/catalogs/catalog-key";
import { exportCatalogTemplate } from "@/lib/catalogs/catalog-template";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";

/** Downloads the Excel import template: one example duty, and a key made for this download. */
export async function GET(request: Request) {
  try {
    const actor = await authorize(await getActor(), "route:/catalogs/template");
    if (!actor) return signInAgain(request);
    const t = await getTranslations({ locale: actor.locale, namespace: "catalogTemplate" });
    const bytes = await exportCatalogTemplate({ year: new Date().getFullYear(), nonce: randomKeyNonce() });
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": CATALOG_MEDIA_TYPES.xlsx,
        "Content-Disposition": `attachment; filename="catalog-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`${t("fileName")}.xlsx`)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return refuseDownload(request, error);
  }
}
