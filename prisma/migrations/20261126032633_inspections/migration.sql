-- CreateEnum
CREATE TYPE "InspectionType" AS ENUM ('ROUTINE', 'SPOT_CHECK', 'CONCENTRATED', 'DISCIPLINE');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'ISSUED');

-- CreateEnum
CREATE TYPE "FindingSeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "FindingTag" AS ENUM ('COMMON', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "RectificationState" AS ENUM ('OPEN', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AcceptanceParty" AS ENUM ('GROUP', 'COMMITTEE', 'UNIT');

-- CreateEnum
CREATE TYPE "FindingEventKind" AS ENUM ('PROGRESS', 'SUBMITTED', 'RETURNED', 'ACCEPTED', 'CLOSED', 'REOPENED');

-- CreateEnum
CREATE TYPE "EscalationLevel" AS ENUM ('REMINDER', 'WARNING', 'ACCOUNTABILITY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_ISSUED';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_SUBMITTED';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_RETURNED';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_CLOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_REOPENED';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_YELLOW';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_RED';
ALTER TYPE "NotificationKind" ADD VALUE 'FINDING_ESCALATED';

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "findingId" TEXT,
ADD COLUMN     "reportId" TEXT;

-- CreateTable
CREATE TABLE "InspectionRound" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "type" "InspectionType" NOT NULL,
    "unannounced" BOOLEAN NOT NULL DEFAULT false,
    "scopeOrgId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspectionRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionMember" (
    "roundId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "isLeader" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "InspectionMember_pkey" PRIMARY KEY ("roundId","userId")
);

-- CreateTable
CREATE TABLE "InspectionDraw" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "rule" JSONB NOT NULL,
    "pool" JSONB NOT NULL,
    "picked" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InspectionDraw_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionReport" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "summary" TEXT NOT NULL DEFAULT '',
    "inspectedOn" DATE,
    "issuedAt" TIMESTAMP(3),
    "issuedById" TEXT,
    "response" TEXT,
    "respondedAt" TIMESTAMP(3),
    "respondedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InspectionReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportInspector" (
    "reportId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "ReportInspector_pkey" PRIMARY KEY ("reportId","userId")
);

-- CreateTable
CREATE TABLE "ReportAddendum" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportAddendum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingCategory" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "categoryId" TEXT NOT NULL,
    "severity" "FindingSeverity" NOT NULL DEFAULT 'LOW',
    "dutyId" TEXT,
    "itemId" TEXT,
    "tag" "FindingTag",
    "state" "RectificationState" NOT NULL DEFAULT 'OPEN',
    "measures" TEXT,
    "ownerId" TEXT,
    "deadline" DATE,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "cycle" INTEGER NOT NULL DEFAULT 1,
    "lastComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEvent" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "kind" "FindingEventKind" NOT NULL,
    "text" TEXT,
    "party" "AcceptanceParty",
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEvidence" (
    "findingId" TEXT NOT NULL,
    "evidenceId" TEXT NOT NULL,
    "eventId" TEXT,
    "attachedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingEvidence_pkey" PRIMARY KEY ("findingId","evidenceId")
);

-- CreateTable
CREATE TABLE "FindingAcceptance" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "party" "AcceptanceParty" NOT NULL,
    "acceptedById" TEXT,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FindingEscalation" (
    "id" TEXT NOT NULL,
    "findingId" TEXT NOT NULL,
    "level" "EscalationLevel" NOT NULL,
    "deadline" DATE NOT NULL,
    "daysOverdue" INTEGER NOT NULL,
    "addressedOrgId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FindingEscalation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InspectionRound_scopeOrgId_startsOn_idx" ON "InspectionRound"("scopeOrgId", "startsOn");

-- CreateIndex
CREATE INDEX "InspectionRound_startsOn_idx" ON "InspectionRound"("startsOn");

-- CreateIndex
CREATE INDEX "InspectionMember_userId_idx" ON "InspectionMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionDraw_roundId_key" ON "InspectionDraw"("roundId");

-- CreateIndex
CREATE INDEX "InspectionReport_orgId_status_idx" ON "InspectionReport"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionReport_roundId_orgId_key" ON "InspectionReport"("roundId", "orgId");

-- CreateIndex
CREATE INDEX "ReportAddendum_reportId_createdAt_idx" ON "ReportAddendum"("reportId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FindingCategory_code_key" ON "FindingCategory"("code");

-- CreateIndex
CREATE INDEX "Finding_roundId_categoryId_idx" ON "Finding"("roundId", "categoryId");

-- CreateIndex
CREATE INDEX "Finding_orgId_state_idx" ON "Finding"("orgId", "state");

-- CreateIndex
CREATE INDEX "Finding_state_deadline_idx" ON "Finding"("state", "deadline");

-- CreateIndex
CREATE INDEX "Finding_dutyId_idx" ON "Finding"("dutyId");

-- CreateIndex
CREATE UNIQUE INDEX "Finding_reportId_seq_key" ON "Finding"("reportId", "seq");

-- CreateIndex
CREATE INDEX "FindingEvent_findingId_createdAt_idx" ON "FindingEvent"("findingId", "createdAt");

-- CreateIndex
CREATE INDEX "FindingEvidence_evidenceId_idx" ON "FindingEvidence"("evidenceId");

-- CreateIndex
CREATE UNIQUE INDEX "FindingAcceptance_findingId_cycle_party_key" ON "FindingAcceptance"("findingId", "cycle", "party");

-- CreateIndex
CREATE INDEX "FindingEscalation_addressedOrgId_createdAt_idx" ON "FindingEscalation"("addressedOrgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "FindingEscalation_findingId_level_deadline_key" ON "FindingEscalation"("findingId", "level", "deadline");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "InspectionReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRound" ADD CONSTRAINT "InspectionRound_scopeOrgId_fkey" FOREIGN KEY ("scopeOrgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionRound" ADD CONSTRAINT "InspectionRound_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionMember" ADD CONSTRAINT "InspectionMember_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionMember" ADD CONSTRAINT "InspectionMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionDraw" ADD CONSTRAINT "InspectionDraw_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionDraw" ADD CONSTRAINT "InspectionDraw_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionReport" ADD CONSTRAINT "InspectionReport_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionReport" ADD CONSTRAINT "InspectionReport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionReport" ADD CONSTRAINT "InspectionReport_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionReport" ADD CONSTRAINT "InspectionReport_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportInspector" ADD CONSTRAINT "ReportInspector_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "InspectionReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportInspector" ADD CONSTRAINT "ReportInspector_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportAddendum" ADD CONSTRAINT "ReportAddendum_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "InspectionReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportAddendum" ADD CONSTRAINT "ReportAddendum_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "InspectionReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "FindingCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_dutyId_fkey" FOREIGN KEY ("dutyId") REFERENCES "Duty"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvent" ADD CONSTRAINT "FindingEvent_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvent" ADD CONSTRAINT "FindingEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvidence" ADD CONSTRAINT "FindingEvidence_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvidence" ADD CONSTRAINT "FindingEvidence_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Evidence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEvidence" ADD CONSTRAINT "FindingEvidence_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "FindingEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingAcceptance" ADD CONSTRAINT "FindingAcceptance_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingAcceptance" ADD CONSTRAINT "FindingAcceptance_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEscalation" ADD CONSTRAINT "FindingEscalation_findingId_fkey" FOREIGN KEY ("findingId") REFERENCES "Finding"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FindingEscalation" ADD CONSTRAINT "FindingEscalation_addressedOrgId_fkey" FOREIGN KEY ("addressedOrgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The default finding categories; administrators can rename, add and retire them.
INSERT INTO "FindingCategory" ("id", "code", "name", "nameEn", "sortOrder") VALUES
  ('fcat-political', 'POLITICAL', '政治建设', 'Political building', 10),
  ('fcat-theory', 'THEORY', '理论学习', 'Theoretical study', 20),
  ('fcat-org-life', 'ORG_LIFE', '组织生活', 'Organizational life', 30),
  ('fcat-members', 'MEMBERS', '党员教育管理', 'Member education and management', 40),
  ('fcat-responsibility', 'RESPONSIBILITY', '党建责任落实', 'Party-building responsibility', 50),
  ('fcat-conduct', 'CONDUCT', '作风建设', 'Work style', 60),
  ('fcat-discipline', 'DISCIPLINE', '纪律建设', 'Discipline', 70),
  ('fcat-integration', 'INTEGRATION', '党建与业务融合', 'Party building and the unit''s work', 80),
  ('fcat-records', 'RECORDS', '台账资料', 'Records and files', 90),
  ('fcat-other', 'OTHER', '其他', 'Other', 100);
