import { revalidatePath } from "next/cache";
import { MAX_DIRECTORY_FILE_BYTES } from "@/lib/directory/directory-layout";
import type { DirectoryFile } from "@/lib/directory/read-directory";
import { failureOf } from "@/lib/server/action";
import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { importDirectory, previewDirectoryImport } from "@/lib/server/directory/import-directory";
import { isSameOrigin } from "@/lib/server/same-origin";
import { readUploadForm, uploadResponse } from "@/lib/server/upload-request";

const KEY = "route:/api/admin/import";

/**
 * Imports organizations and accounts (multipart: one or more `file`s, and
 * `mode` preview or apply). A preview answers as a server action would,
 * with the plan or every problem. An import streams its progress as NDJSON,
 * one `{"progress": …}` line per batch, then the result as an action gives
 * it, the new accounts' one-time passwords among it, shown once.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return uploadResponse({ ok: false, error: "forbidden" });
  let actor;
  let files: DirectoryFile[];
  let mode: string;
  try {
    actor = await authorize(await getActor(), KEY);
    if (!actor) return uploadResponse({ ok: false, error: "unauthenticated" });
    const form = await readUploadForm(request, MAX_DIRECTORY_FILE_BYTES);
    const uploads = form.getAll("file").filter((f): f is File => f instanceof File && f.size > 0);
    if (uploads.length === 0) return uploadResponse({ ok: false, error: "validation", fieldErrors: { file: ["required"] } });
    files = await Promise.all(uploads.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    mode = form.get("mode") === "apply" ? "apply" : "preview";
    if (mode === "preview") return uploadResponse({ ok: true, data: await previewDirectoryImport(actor, files) });
  } catch (error) {
    return uploadResponse(failureOf(KEY, error));
  }
  const signedIn = actor;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      try {
        const outcome = await importDirectory(signedIn, files, (progress) => send({ progress }));
        if (outcome.ok) revalidatePath("/", "layout");
        send({ ok: true, data: outcome });
      } catch (error) {
        send(failureOf(KEY, error));
      }
      controller.close();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" },
  });
}
