-- AlterTable
ALTER TABLE "InspectionRound" ADD COLUMN     "groupId" TEXT;

-- CreateTable
CREATE TABLE "SupervisionGroup" (
    "id" TEXT NOT NULL,
    "scopeOrgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "leaderId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupervisionGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionGroupMember" (
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "SupervisionGroupMember_pkey" PRIMARY KEY ("groupId","userId")
);

-- CreateTable
CREATE TABLE "SupervisionGroupUnit" (
    "groupId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,

    CONSTRAINT "SupervisionGroupUnit_pkey" PRIMARY KEY ("groupId","orgId")
);

-- CreateIndex
CREATE INDEX "SupervisionGroup_leaderId_idx" ON "SupervisionGroup"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionGroup_scopeOrgId_name_key" ON "SupervisionGroup"("scopeOrgId", "name");

-- CreateIndex
CREATE INDEX "SupervisionGroupMember_userId_idx" ON "SupervisionGroupMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionGroupUnit_orgId_key" ON "SupervisionGroupUnit"("orgId");

-- CreateIndex
CREATE INDEX "InspectionRound_groupId_idx" ON "InspectionRound"("groupId");

-- AddForeignKey
ALTER TABLE "InspectionRound" ADD CONSTRAINT "InspectionRound_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SupervisionGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionGroup" ADD CONSTRAINT "SupervisionGroup_scopeOrgId_fkey" FOREIGN KEY ("scopeOrgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionGroup" ADD CONSTRAINT "SupervisionGroup_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionGroupMember" ADD CONSTRAINT "SupervisionGroupMember_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SupervisionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionGroupMember" ADD CONSTRAINT "SupervisionGroupMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionGroupUnit" ADD CONSTRAINT "SupervisionGroupUnit_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "SupervisionGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionGroupUnit" ADD CONSTRAINT "SupervisionGroupUnit_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;
