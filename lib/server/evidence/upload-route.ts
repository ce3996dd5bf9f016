import "server-only";
import { evidenceMaxBytes } from "@/lib/env";
import { failureOf, parseInput } from "@/lib/server/action";
import type { EntryKey } from "@/lib/server/access/registry";
import type { Actor } from "@/lib/server/auth/actor";
import type { StoredFile } from "@/lib/server/evidence/store-file";
import { readUploadForm, uploadResponse } from "@/lib/server/upload-request";
import { isSameOrigin } from "@/lib/server/same-origin";
import { zEvidenceUpload } from "@/lib/validation/evidence";


export type EvidenceUpload = { name: string; bytes: Uint8Array; title?: string; evidenceId?: string };

/**
 * An evidence upload (multipart: `file`, optional `title`, or `evidenceId`
 * for a new revision), answered as server actions answer:
 * `{ ok, data }` or `{ ok: false, error, fieldErrors }`.
 *
 * A route rather than a server action: an action's body is capped for the
 * whole app (experimental.serverActions.bodySizeLimit) and, outside /api,
 * passes the proxy, which buffers at most 10 MB of a body and truncates the
 * rest. `admit` checks the user and the target before a byte of the body is
 * read; reading stops as soon as the body passes EVIDENCE_MAX_MB; `store`
 * writes it, checking the target again as it does.
 */
export async function handleEvidenceUpload(
  request: Request,
  key: EntryKey,
  steps: {
    admit: () => Promise<Actor | null>;
    store: (actor: Actor, upload: EvidenceUpload, maxBytes: number) => Promise<StoredFile>;
    refresh: () => void;
  },
): Promise<Response> {
  if (!isSameOrigin(request)) return uploadResponse({ ok: false, error: "forbidden" });
  try {
    const actor = await steps.admit();
    if (!actor) return uploadResponse({ ok: false, error: "unauthenticated" });
    const maxBytes = evidenceMaxBytes();
    const form = await readUploadForm(request, maxBytes);
    const parsed = parseInput(zEvidenceUpload(maxBytes), {
      evidenceId: form.get("evidenceId") ?? undefined,
      title: form.get("title") ?? undefined,
      file: form.get("file"),
    });
    if (!parsed.ok) return uploadResponse(parsed);
    const { evidenceId, title, file } = parsed.data;
    const stored = await steps.store(actor, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), title, evidenceId }, maxBytes);
    steps.refresh();
    return uploadResponse({ ok: true, data: stored });
  } catch (error) {
    return uploadResponse(failureOf(key, error));
  }
}
