-- CreateTable
CREATE TABLE "RecordEvidence" (
    "evidenceId" TEXT NOT NULL,
    "progressId" TEXT,
    "meetingId" TEXT,
    "tourId" TEXT,
    "gradeId" TEXT,
    "attachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordEvidence_pkey" PRIMARY KEY ("evidenceId")
);

-- CreateIndex
CREATE INDEX "RecordEvidence_progressId_attachedAt_idx" ON "RecordEvidence"("progressId", "attachedAt");

-- CreateIndex
CREATE INDEX "RecordEvidence_meetingId_attachedAt_idx" ON "RecordEvidence"("meetingId", "attachedAt");

-- CreateIndex
CREATE INDEX "RecordEvidence_tourId_attachedAt_idx" ON "RecordEvidence"("tourId", "attachedAt");

-- CreateIndex
CREATE INDEX "RecordEvidence_gradeId_attachedAt_idx" ON "RecordEvidence"("gradeId", "attachedAt");

-- AddForeignKey
ALTER TABLE "RecordEvidence" ADD CONSTRAINT "RecordEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordEvidence" ADD CONSTRAINT "RecordEvidence_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "ProjectProgress"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordEvidence" ADD CONSTRAINT "RecordEvidence_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "BranchMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordEvidence" ADD CONSTRAINT "RecordEvidence_tourId_fkey" FOREIGN KEY ("tourId") REFERENCES "TourFeedback"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordEvidence" ADD CONSTRAINT "RecordEvidence_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "BranchGrade"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exactly one record holds each file.
ALTER TABLE "RecordEvidence" ADD CONSTRAINT "RecordEvidence_one_record" CHECK (num_nonnulls("progressId", "meetingId", "tourId", "gradeId") = 1);
