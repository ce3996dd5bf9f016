import { authorize } from "@/lib/server/access/authorize";
import { getActor } from "@/lib/server/auth/actor";
import { refuseDownload, signInAgain } from "@/lib/server/download-refusal";
import { attachmentDisposition } from "@/lib/server/evidence/content-disposition";
import { getEvidenceFileDownload } from "@/lib/server/evidence/read-evidence";

/**
 * Downloads one revision of an evidence file. The registry rule has no
 * target: a file belongs to no single item or finding (one piece may back
 * several), so getEvidenceFileDownload applies the scope itself
 * (readableEvidenceWhere): a reader of any item or finding the evidence
 * backs, or a role over the evidence's organization, except for the
 * group's evidence on a draft report. Anything else is a 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  try {
    const actor = await authorize(await getActor(), "route:/evidence/[fileId]");
    if (!actor) return signInAgain(request);
    const file = await getEvidenceFileDownload(actor, fileId);
    return new Response(file.body, {
      headers: {
        "Content-Type": file.mediaType,
        "Content-Length": String(file.size),
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        // Should a browser render it anyway, it runs nothing and reaches nothing.
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, no-store",
        ETag: `"${file.sha256}"`,
      },
    });
  } catch (error) {
    return refuseDownload(request, error);
  }
}
