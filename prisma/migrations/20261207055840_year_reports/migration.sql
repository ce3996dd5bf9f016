-- CreateEnum
CREATE TYPE "YearReportStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateTable
CREATE TABLE "YearReport" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "YearReportStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "savedById" TEXT,
    "submittedAt" TIMESTAMP(3),
    "submittedById" TEXT,
    "returnedAt" TIMESTAMP(3),
    "returnedById" TEXT,
    "returnComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YearReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "YearReport_orgId_idx" ON "YearReport"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "YearReport_periodId_orgId_key" ON "YearReport"("periodId", "orgId");

-- AddForeignKey
ALTER TABLE "YearReport" ADD CONSTRAINT "YearReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearReport" ADD CONSTRAINT "YearReport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearReport" ADD CONSTRAINT "YearReport_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearReport" ADD CONSTRAINT "YearReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearReport" ADD CONSTRAINT "YearReport_returnedById_fkey" FOREIGN KEY ("returnedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
