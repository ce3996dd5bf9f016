-- CreateEnum
CREATE TYPE "RatingSource" AS ENUM ('SELF', 'SUPERIOR', 'DEMOCRATIC');

-- CreateEnum
CREATE TYPE "RatingGrade" AS ENUM ('GOOD', 'FAIRLY_GOOD', 'AVERAGE', 'POOR');

-- AlterTable
ALTER TABLE "RatingScheme" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publishedById" TEXT;

-- CreateTable
CREATE TABLE "RatingEntry" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "source" "RatingSource" NOT NULL,
    "ballot" INTEGER NOT NULL DEFAULT 0,
    "scores" JSONB NOT NULL,
    "enteredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RatingEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingAdjustment" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "points" DECIMAL(5,2) NOT NULL,
    "reason" TEXT NOT NULL,
    "byId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RatingAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RatingResult" (
    "periodId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "orgType" "OrgType" NOT NULL,
    "total" DECIMAL(5,2) NOT NULL,
    "grade" "RatingGrade" NOT NULL,
    "rank" INTEGER NOT NULL,
    "of" INTEGER NOT NULL,
    "score" JSONB NOT NULL,

    CONSTRAINT "RatingResult_pkey" PRIMARY KEY ("periodId","orgId")
);

-- CreateIndex
CREATE INDEX "RatingEntry_orgId_idx" ON "RatingEntry"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "RatingEntry_periodId_orgId_source_ballot_key" ON "RatingEntry"("periodId", "orgId", "source", "ballot");

-- CreateIndex
CREATE INDEX "RatingAdjustment_periodId_orgId_idx" ON "RatingAdjustment"("periodId", "orgId");

-- CreateIndex
CREATE INDEX "RatingAdjustment_orgId_idx" ON "RatingAdjustment"("orgId");

-- CreateIndex
CREATE INDEX "RatingResult_orgId_idx" ON "RatingResult"("orgId");

-- AddForeignKey
ALTER TABLE "RatingScheme" ADD CONSTRAINT "RatingScheme_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingEntry" ADD CONSTRAINT "RatingEntry_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingEntry" ADD CONSTRAINT "RatingEntry_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingEntry" ADD CONSTRAINT "RatingEntry_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingAdjustment" ADD CONSTRAINT "RatingAdjustment_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingAdjustment" ADD CONSTRAINT "RatingAdjustment_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingAdjustment" ADD CONSTRAINT "RatingAdjustment_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingResult" ADD CONSTRAINT "RatingResult_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingResult" ADD CONSTRAINT "RatingResult_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
