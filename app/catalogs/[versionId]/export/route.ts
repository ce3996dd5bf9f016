import { z } from "zod";
import { CATALOG_FILE_EXTENSIONS, CATALOG_FORMATS, CATALOG_MEDIA_TYPES, exportCatalog } from "@/lib/catalogs/catalog-io";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { getCatalogVersion, toCatalogFile } from "@/lib/server/catalogs/catalogs";
import { notFoundText, refuseDownload, signInAgain } from "@/lib/server/download-refusal";

const ZFormat = z.enum(CATALOG_FORMATS);

/** Downloads a catalog version as JSON, YAML or Excel. */
export async function GET(request: Request, { params }: { params: Promise<{ versionId: string }> }) {
  const { versionId } = await params;
  const format = ZFormat.safeParse(new URL(request.url).searchParams.get("format") ?? "xlsx");
  // No such format names no such download.
  if (!format.success) return notFoundText();
  try {
    const actor = await authorize(await getActor(), "route:/catalogs/[versionId]/export");
    if (!actor) return signInAgain(request);
    const version = await getCatalogVersion(actor, versionId);
    const bytes = await exportCatalog(toCatalogFile(version), format.data);
    const fileName = `${version.catalog.key}-v${version.version}${CATALOG_FILE_EXTENSIONS[format.data]}`;
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": CATALOG_MEDIA_TYPES[format.data],
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return refuseDownload(request, error);
  }
}
