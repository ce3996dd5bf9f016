-- AlterEnum
ALTER TYPE "ItemStatus" ADD VALUE 'WITHDRAWN';

-- AlterTable
ALTER TABLE "ChecklistItem" ADD COLUMN     "delegatedAt" TIMESTAMP(3),
ADD COLUMN     "delegatedById" TEXT,
ADD COLUMN     "delegatedOrgId" TEXT,
ADD COLUMN     "delegatedToId" TEXT;

-- CreateIndex
CREATE INDEX "ChecklistItem_delegatedOrgId_idx" ON "ChecklistItem"("delegatedOrgId");

-- CreateIndex
CREATE INDEX "ChecklistItem_delegatedToId_idx" ON "ChecklistItem"("delegatedToId");

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_delegatedOrgId_fkey" FOREIGN KEY ("delegatedOrgId") REFERENCES "Org"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_delegatedToId_fkey" FOREIGN KEY ("delegatedToId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChecklistItem" ADD CONSTRAINT "ChecklistItem_delegatedById_fkey" FOREIGN KEY ("delegatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
