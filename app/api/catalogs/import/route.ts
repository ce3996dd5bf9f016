import { revalidatePath } from "next/cache";
import { MAX_CATALOG_FILE_BYTES } from "@/lib/catalogs/catalog-problems";
import { failureOf } from "@/lib/server/action";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { importCatalogUpload } from "@/lib/server/catalogs/catalogs";
import { isSameOrigin } from "@/lib/server/same-origin";
import { readUploadForm, uploadResponse } from "@/lib/server/upload-request";

const KEY = "route:/api/catalogs/import";

/**
 * Imports an uploaded list file (multipart: `file`) as a draft version and
 * answers as a server action would: `{ ok: true, data: ImportOutcome }`, or
 * `{ ok: false, error, fieldErrors }`. A route rather than a server action,
 * as evidence uploads are (lib/server/evidence/upload-route.ts): the user is
 * checked before a byte of the body is read, and a body past the file limit
 * is refused as soon as it passes it, with 413 and `file: ["tooLarge"]`,
 * where an action would fail its whole request.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return uploadResponse({ ok: false, error: "forbidden" });
  try {
    const actor = await authorize(await getActor(), KEY);
    if (!actor) return uploadResponse({ ok: false, error: "unauthenticated" });
    const form = await readUploadForm(request, MAX_CATALOG_FILE_BYTES);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return uploadResponse({ ok: false, error: "validation", fieldErrors: { file: ["required"] } });
    const outcome = await importCatalogUpload(actor, file.name, Buffer.from(await file.arrayBuffer()));
    if (outcome.ok) revalidatePath("/catalogs");
    return uploadResponse({ ok: true, data: outcome });
  } catch (error) {
    return uploadResponse(failureOf(KEY, error));
  }
}
