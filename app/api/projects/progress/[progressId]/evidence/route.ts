import { revalidatePath } from "next/cache";
import { uploadRecordFile } from "@/lib/server/evidence/record-upload-route";

/** Uploads a file to a project's progress note, as its evidence, or a new revision of one: the project's secretary, until the review. */
export async function POST(request: Request, { params }: { params: Promise<{ progressId: string }> }) {
  const { progressId } = await params;
  return uploadRecordFile(request, "route:/api/projects/progress/[progressId]/evidence", "progress", progressId, () => revalidatePath("/ratings/projects/[projectId]", "page"));
}
