import type { ActionResult } from "@/lib/server/action";

function isActionResult(value: unknown): value is ActionResult<unknown> {
  return typeof value === "object" && value !== null && "ok" in value && typeof value.ok === "boolean";
}

/**
 * Sends a file to an item's upload route (new evidence, or a new revision
 * with `evidenceId`) and reads its answer as a server action's result.
 */
export function uploadEvidenceFile(itemId: string, fields: UploadFields): Promise<ActionResult<unknown>> {
  return uploadEvidenceTo(`/api/checklists/${encodeURIComponent(itemId)}/evidence`, fields);
}

export type UploadFields = { file: File; title?: string; evidenceId?: string };

/**
 * Sends a file to an evidence upload route (an item's, a finding's) and
 * reads its answer as a server action's result. A refused or broken
 * connection reads as a validation error on the file.
 */
export async function uploadEvidenceTo(url: string, fields: UploadFields): Promise<ActionResult<unknown>> {
  const body = new FormData();
  body.set("file", fields.file);
  if (fields.title) body.set("title", fields.title);
  if (fields.evidenceId) body.set("evidenceId", fields.evidenceId);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body });
  } catch {
    return { ok: false, error: "validation", fieldErrors: { file: ["network"] } };
  }
  const result: unknown = await response.json().catch(() => null);
  if (isActionResult(result)) return result;
  if (response.status === 413) return { ok: false, error: "validation", fieldErrors: { file: ["tooLarge"] } };
  return { ok: false, error: "internal", errorId: `http-${response.status}` };
}
