-- CreateTable
CREATE TABLE "AwardBar" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "userId" TEXT,
    "reason" TEXT NOT NULL,
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardBar_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AwardBar_periodId_orgId_idx" ON "AwardBar"("periodId", "orgId");

-- CreateIndex
CREATE INDEX "AwardBar_orgId_idx" ON "AwardBar"("orgId");

-- AddForeignKey
ALTER TABLE "AwardBar" ADD CONSTRAINT "AwardBar_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardBar" ADD CONSTRAINT "AwardBar_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardBar" ADD CONSTRAINT "AwardBar_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardBar" ADD CONSTRAINT "AwardBar_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
