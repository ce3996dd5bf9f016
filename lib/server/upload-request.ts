import "server-only";
import type { ActionErrorCode, ActionResult } from "@/lib/server/action";
import { ValidationError } from "@/lib/server/errors";

/** Room for the multipart boundaries, part headers and the small fields beside the file. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

const refuse = (code: string) => new ValidationError(`Upload refused: ${code}`, { file: [code] });

/**
 * Reads a multipart upload of at most `maxBytes` of file. A body that says
 * or turns out to be larger is refused as soon as that is known, before it
 * is held in memory whole; only a body within the limit is parsed.
 */
export async function readUploadForm(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data") || !request.body) throw refuse("required");
  const limit = maxBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await request.body.cancel().catch(() => undefined);
    throw refuse("tooLarge");
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw refuse("tooLarge");
    }
    chunks.push(value);
  }
  try {
    return await new Response(Buffer.concat(chunks, total), { headers: { "content-type": type } }).formData();
  } catch {
    throw refuse("required");
  }
}

const STATUS: Record<ActionErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

/** An upload route's answer: a server action's result as JSON, with the HTTP status that goes with it (413 for a body too large). */
export function uploadResponse<T>(result: ActionResult<T>): Response {
  const tooLarge = !result.ok && result.fieldErrors?.file?.includes("tooLarge");
  const status = result.ok ? 200 : tooLarge ? 413 : STATUS[result.error];
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}
