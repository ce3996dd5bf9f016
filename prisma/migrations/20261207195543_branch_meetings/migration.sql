-- CreateEnum
CREATE TYPE "BranchMeetingKind" AS ENUM ('ASSEMBLY', 'COMMITTEE', 'GROUP', 'LECTURE', 'THEMED_DAY');

-- CreateTable
CREATE TABLE "BranchMeeting" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "BranchMeetingKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "topic" TEXT NOT NULL,
    "attendees" TEXT NOT NULL,
    "attendedCount" INTEGER NOT NULL,
    "absentees" JSONB NOT NULL,
    "minutes" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BranchMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BranchMeeting_orgId_heldOn_idx" ON "BranchMeeting"("orgId", "heldOn");

-- CreateIndex
CREATE INDEX "BranchMeeting_recordedById_idx" ON "BranchMeeting"("recordedById");

-- AddForeignKey
ALTER TABLE "BranchMeeting" ADD CONSTRAINT "BranchMeeting_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchMeeting" ADD CONSTRAINT "BranchMeeting_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
