-- DropIndex
DROP INDEX "AuditLog_actorId_idx";

-- DropIndex
DROP INDEX "ChecklistItem_assignmentId_idx";

-- DropIndex
DROP INDEX "ChecklistItem_completedById_idx";

-- DropIndex
DROP INDEX "ChecklistItem_delegatedOrgId_idx";

-- DropIndex
DROP INDEX "ChecklistItem_delegatedToId_idx";

-- DropIndex
DROP INDEX "ChecklistItem_orgId_dutyId_periodId_occurrence_key";

-- DropIndex
DROP INDEX "ChecklistItem_ownerId_idx";

-- DropIndex
DROP INDEX "ChecklistItem_periodId_orgId_status_idx";

-- DropIndex
DROP INDEX "ChecklistItem_status_periodId_idx";

-- DropIndex
DROP INDEX "Notification_emailedAt_idx";

-- DropIndex
DROP INDEX "Notification_orgId_idx";

-- CreateIndex
CREATE INDEX "ChecklistItem_orgId_periodId_status_idx" ON "ChecklistItem"("orgId", "periodId", "status");

-- CreateIndex
CREATE INDEX "ChecklistItem_submitted_idx" ON "ChecklistItem"("submittedAt", "id") WHERE (status = 'SUBMITTED');

-- CreateIndex
CREATE INDEX "ChecklistItem_ownerId_idx" ON "ChecklistItem"("ownerId") WHERE ("ownerId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "ChecklistItem_delegatedOrgId_idx" ON "ChecklistItem"("delegatedOrgId") WHERE ("delegatedOrgId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "ChecklistItem_delegatedToId_idx" ON "ChecklistItem"("delegatedToId") WHERE ("delegatedToId" IS NOT NULL);

-- CreateIndex
CREATE UNIQUE INDEX "ChecklistItem_assignmentId_dutyId_occurrence_key" ON "ChecklistItem"("assignmentId", "dutyId", "occurrence");

-- CreateIndex
CREATE INDEX "Notification_pending_digest_idx" ON "Notification"("userId") WHERE ("emailedAt" IS NULL AND "readAt" IS NULL);

-- CreateIndex
CREATE INDEX "Notification_orgId_idx" ON "Notification"("orgId") WHERE ("orgId" IS NOT NULL);
