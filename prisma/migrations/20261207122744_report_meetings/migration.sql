-- CreateEnum
CREATE TYPE "ReportMode" AS ENUM ('IN_PERSON', 'IN_WRITING');

-- AlterTable
ALTER TABLE "RatingEntry" ADD COLUMN     "voterId" TEXT;

-- CreateTable
CREATE TABLE "ReportMeeting" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "ballotOpensAt" TIMESTAMP(3),
    "ballotClosesAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingReport" (
    "meetingId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "mode" "ReportMode",
    "comment" TEXT,
    "commentedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingReport_pkey" PRIMARY KEY ("meetingId","orgId")
);

-- CreateTable
CREATE TABLE "MeetingAttendee" (
    "meetingId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "MeetingAttendee_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateIndex
CREATE INDEX "ReportMeeting_periodId_heldOn_idx" ON "ReportMeeting"("periodId", "heldOn");

-- CreateIndex
CREATE INDEX "ReportMeeting_createdById_idx" ON "ReportMeeting"("createdById");

-- CreateIndex
CREATE INDEX "MeetingReport_orgId_idx" ON "MeetingReport"("orgId");

-- CreateIndex
CREATE INDEX "MeetingAttendee_userId_idx" ON "MeetingAttendee"("userId");

-- CreateIndex
CREATE INDEX "RatingEntry_voterId_idx" ON "RatingEntry"("voterId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingEntry_periodId_orgId_voterId_key" ON "RatingEntry"("periodId", "orgId", "voterId");

-- AddForeignKey
ALTER TABLE "RatingEntry" ADD CONSTRAINT "RatingEntry_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportMeeting" ADD CONSTRAINT "ReportMeeting_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportMeeting" ADD CONSTRAINT "ReportMeeting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReport" ADD CONSTRAINT "MeetingReport_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ReportMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingReport" ADD CONSTRAINT "MeetingReport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "ReportMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendee" ADD CONSTRAINT "MeetingAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
