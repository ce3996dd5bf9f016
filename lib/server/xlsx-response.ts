import "server-only";
import { CATALOG_MEDIA_TYPES } from "@/lib/catalogs/catalog-problems";
import { attachmentDisposition } from "@/lib/server/evidence/content-disposition";

/** A workbook as a download under a name in any script, never cached. */
export function xlsxResponse(bytes: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: { "Content-Type": CATALOG_MEDIA_TYPES.xlsx, "Content-Disposition": attachmentDisposition(fileName), "Cache-Control": "no-store" },
  });
}
