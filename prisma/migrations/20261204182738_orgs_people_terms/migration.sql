-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'TERM_DUE';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "orgId" TEXT;

-- AlterTable
ALTER TABLE "Org" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passwordChangedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "OrgTerm" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "electedOn" DATE NOT NULL,
    "termYears" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "secretaryName" TEXT NOT NULL,
    "secretaryId" TEXT,
    "members" TEXT[],
    "approvedOn" DATE,
    "approvalNote" TEXT,
    "endedOn" DATE,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrgTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentTalk" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "appointeeName" TEXT NOT NULL,
    "talkedOn" DATE NOT NULL,
    "talkedBy" TEXT NOT NULL,
    "points" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AppointmentTalk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HeadChange" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "changedOn" DATE NOT NULL,
    "previousName" TEXT,
    "newName" TEXT NOT NULL,
    "consultation" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HeadChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OrgTerm_orgId_electedOn_idx" ON "OrgTerm"("orgId", "electedOn");

-- CreateIndex
CREATE INDEX "OrgTerm_dueOn_idx" ON "OrgTerm"("dueOn");

-- CreateIndex
CREATE INDEX "OrgTerm_secretaryId_idx" ON "OrgTerm"("secretaryId");

-- CreateIndex
CREATE INDEX "OrgTerm_recordedById_idx" ON "OrgTerm"("recordedById");

-- CreateIndex
CREATE INDEX "AppointmentTalk_orgId_talkedOn_idx" ON "AppointmentTalk"("orgId", "talkedOn");

-- CreateIndex
CREATE INDEX "AppointmentTalk_talkedOn_idx" ON "AppointmentTalk"("talkedOn");

-- CreateIndex
CREATE INDEX "AppointmentTalk_recordedById_idx" ON "AppointmentTalk"("recordedById");

-- CreateIndex
CREATE INDEX "HeadChange_orgId_changedOn_idx" ON "HeadChange"("orgId", "changedOn");

-- CreateIndex
CREATE INDEX "HeadChange_changedOn_idx" ON "HeadChange"("changedOn");

-- CreateIndex
CREATE INDEX "HeadChange_recordedById_idx" ON "HeadChange"("recordedById");

-- CreateIndex
CREATE INDEX "Notification_orgId_idx" ON "Notification"("orgId");

-- CreateIndex
CREATE INDEX "Org_mergedIntoId_idx" ON "Org"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Org" ADD CONSTRAINT "Org_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Org"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgTerm" ADD CONSTRAINT "OrgTerm_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgTerm" ADD CONSTRAINT "OrgTerm_secretaryId_fkey" FOREIGN KEY ("secretaryId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrgTerm" ADD CONSTRAINT "OrgTerm_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentTalk" ADD CONSTRAINT "AppointmentTalk_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentTalk" ADD CONSTRAINT "AppointmentTalk_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadChange" ADD CONSTRAINT "HeadChange_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HeadChange" ADD CONSTRAINT "HeadChange_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
