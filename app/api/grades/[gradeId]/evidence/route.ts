import { revalidatePath } from "next/cache";
import { uploadRecordFile } from "@/lib/server/evidence/record-upload-route";

/** Uploads a file to a branch's grade, as its evidence, or a new revision of one: the party committee above the branch until the grade is confirmed, the working committee at any time. */
export async function POST(request: Request, { params }: { params: Promise<{ gradeId: string }> }) {
  const { gradeId } = await params;
  return uploadRecordFile(request, "route:/api/grades/[gradeId]/evidence", "grade", gradeId, () => revalidatePath("/branches/grading/[orgId]", "page"));
}
