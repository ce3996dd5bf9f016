import { revalidatePath } from "next/cache";
import { uploadRecordFile } from "@/lib/server/evidence/record-upload-route";

/** Uploads a file to a meeting's record (its minutes, photographs, sign-in sheet), or a new revision of one: those who record the branch's meetings. */
export async function POST(request: Request, { params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  return uploadRecordFile(request, "route:/api/meetings/[meetingId]/evidence", "meeting", meetingId, () => revalidatePath("/branches/meetings/record/[meetingId]", "page"));
}
