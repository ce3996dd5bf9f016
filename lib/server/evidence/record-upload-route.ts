import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import type { EntryKey } from "@/lib/server/access/registry";
import { getActor } from "@/lib/server/auth/actor";
import { addRecordFile, assertRecordTakesFiles, reviseRecordFile, type RecordKind } from "@/lib/server/evidence/record-files";
import { handleEvidenceUpload } from "@/lib/server/evidence/upload-route";

/**
 * Uploads a file to a record (record-files.ts), or a new revision of one of
 * its files, through the evidence upload route (upload-route.ts). The
 * registry's rule has no target: the record's own rule is checked here
 * before a byte of the body is read, and again as the file is written.
 */
export function uploadRecordFile(request: Request, key: EntryKey, kind: RecordKind, recordId: string, refresh: () => void): Promise<Response> {
  return handleEvidenceUpload(request, key, {
    admit: async () => {
      const actor = await authorize(await getActor(), key);
      if (actor) await assertRecordTakesFiles(actor, kind, recordId);
      return actor;
    },
    store: (actor, { evidenceId, title, ...file }, maxBytes) =>
      evidenceId
        ? reviseRecordFile(actor, { ...file, kind, recordId, evidenceId }, { maxBytes })
        : addRecordFile(actor, { ...file, kind, recordId, title: title ?? "" }, { maxBytes }),
    refresh,
  });
}
