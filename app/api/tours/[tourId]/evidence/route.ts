import { revalidatePath } from "next/cache";
import { uploadRecordFile } from "@/lib/server/evidence/record-upload-route";

/** Uploads a file to a tour's feedback (the feedback document), or a new revision of one: the committee that enters feedback for the unit. */
export async function POST(request: Request, { params }: { params: Promise<{ tourId: string }> }) {
  const { tourId } = await params;
  return uploadRecordFile(request, "route:/api/tours/[tourId]/evidence", "tour", tourId, () => revalidatePath("/inspections/tours/[tourId]", "page"));
}
