import { revalidatePath } from "next/cache";
import { MAX_TOUR_FILE_BYTES } from "@/lib/inspections/tour-sheet";
import { failureOf } from "@/lib/server/action";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { importTourFeedback } from "@/lib/server/inspections/tour-import";
import { isSameOrigin } from "@/lib/server/same-origin";
import { readUploadForm, uploadResponse } from "@/lib/server/upload-request";
import { ZTourMeta } from "@/lib/validation/inspections";

const KEY = "route:/api/inspections/tours/import";

/**
 * Imports a top-down inspection tour's problem list (multipart: the
 * feedback's details and `file`, an .xlsx) and answers as a server action
 * would: the feedback made per unit, or every refusal of the sheet by row.
 * A route for the same reasons as the list import: the user is checked
 * before the body is read, and a body past the limit is refused early.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return uploadResponse({ ok: false, error: "forbidden" });
  try {
    const actor = await authorize(await getActor(), KEY);
    if (!actor) return uploadResponse({ ok: false, error: "unauthenticated" });
    const form = await readUploadForm(request, MAX_TOUR_FILE_BYTES);
    const meta = ZTourMeta.safeParse(Object.fromEntries(["kind", "tourName", "receivedOn", "documentNo", "summary"].map((k) => [k, form.get(k) ?? undefined])));
    if (!meta.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of meta.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
      return uploadResponse({ ok: false, error: "validation", fieldErrors });
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return uploadResponse({ ok: false, error: "validation", fieldErrors: { file: ["chooseFile"] } });
    const outcome = await importTourFeedback(actor, meta.data, new Uint8Array(await file.arrayBuffer()));
    if (outcome.ok) revalidatePath("/inspections/tours");
    return uploadResponse({ ok: true, data: outcome });
  } catch (error) {
    return uploadResponse(failureOf(KEY, error));
  }
}
