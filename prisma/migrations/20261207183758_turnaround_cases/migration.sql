-- CreateEnum
CREATE TYPE "TurnaroundTrigger" AS ENUM ('LOWEST_GRADE', 'NAMED');

-- AlterEnum
ALTER TYPE "InspectionType" ADD VALUE 'TURNAROUND';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'TURNAROUND_OPENED';

-- CreateTable
CREATE TABLE "TurnaroundCase" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "trigger" "TurnaroundTrigger" NOT NULL,
    "causes" TEXT NOT NULL,
    "leaderId" TEXT,
    "openedById" TEXT,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "convertedOn" DATE,
    "conversionNote" TEXT,
    "convertedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "TurnaroundCase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TurnaroundCase_roundId_key" ON "TurnaroundCase"("roundId");

-- CreateIndex
CREATE INDEX "TurnaroundCase_year_idx" ON "TurnaroundCase"("year");

-- CreateIndex
CREATE INDEX "TurnaroundCase_orgId_idx" ON "TurnaroundCase"("orgId");

-- CreateIndex
CREATE INDEX "TurnaroundCase_leaderId_idx" ON "TurnaroundCase"("leaderId");

-- CreateIndex
CREATE INDEX "TurnaroundCase_openedById_idx" ON "TurnaroundCase"("openedById");

-- CreateIndex
CREATE INDEX "TurnaroundCase_convertedById_idx" ON "TurnaroundCase"("convertedById");

-- AddForeignKey
ALTER TABLE "TurnaroundCase" ADD CONSTRAINT "TurnaroundCase_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TurnaroundCase" ADD CONSTRAINT "TurnaroundCase_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TurnaroundCase" ADD CONSTRAINT "TurnaroundCase_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TurnaroundCase" ADD CONSTRAINT "TurnaroundCase_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TurnaroundCase" ADD CONSTRAINT "TurnaroundCase_convertedById_fkey" FOREIGN KEY ("convertedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
