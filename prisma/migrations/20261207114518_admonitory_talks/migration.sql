-- CreateEnum
CREATE TYPE "TalkTrigger" AS ENUM ('GRADE', 'FINDING', 'RED_DUTY', 'OTHER');

-- AlterEnum
ALTER TYPE "InspectionType" ADD VALUE 'TALK';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'TALK_RECORDED';

-- CreateTable
CREATE TABLE "AdmonitoryTalk" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "trigger" "TalkTrigger" NOT NULL,
    "triggerNote" TEXT NOT NULL,
    "talkedOn" DATE NOT NULL,
    "talkedBy" TEXT NOT NULL,
    "talkedWith" TEXT NOT NULL,
    "issues" TEXT NOT NULL,
    "followUp" TEXT,
    "followUpOn" DATE,
    "recordedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AdmonitoryTalk_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdmonitoryTalk_roundId_key" ON "AdmonitoryTalk"("roundId");

-- CreateIndex
CREATE INDEX "AdmonitoryTalk_orgId_talkedOn_idx" ON "AdmonitoryTalk"("orgId", "talkedOn");

-- CreateIndex
CREATE INDEX "AdmonitoryTalk_talkedOn_idx" ON "AdmonitoryTalk"("talkedOn");

-- CreateIndex
CREATE INDEX "AdmonitoryTalk_recordedById_idx" ON "AdmonitoryTalk"("recordedById");

-- AddForeignKey
ALTER TABLE "AdmonitoryTalk" ADD CONSTRAINT "AdmonitoryTalk_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdmonitoryTalk" ADD CONSTRAINT "AdmonitoryTalk_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdmonitoryTalk" ADD CONSTRAINT "AdmonitoryTalk_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
