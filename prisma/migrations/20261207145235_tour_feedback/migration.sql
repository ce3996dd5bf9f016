-- CreateEnum
CREATE TYPE "TourKind" AS ENUM ('PROVINCIAL', 'PATROL');

-- AlterEnum
ALTER TYPE "InspectionType" ADD VALUE 'TOUR';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'TOUR_FEEDBACK_RECORDED';

-- CreateTable
CREATE TABLE "TourFeedback" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "kind" "TourKind" NOT NULL,
    "tourName" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "documentNo" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TourFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TourFeedback_roundId_key" ON "TourFeedback"("roundId");

-- CreateIndex
CREATE INDEX "TourFeedback_orgId_receivedOn_idx" ON "TourFeedback"("orgId", "receivedOn");

-- CreateIndex
CREATE INDEX "TourFeedback_receivedOn_idx" ON "TourFeedback"("receivedOn");

-- CreateIndex
CREATE INDEX "TourFeedback_recordedById_idx" ON "TourFeedback"("recordedById");

-- AddForeignKey
ALTER TABLE "TourFeedback" ADD CONSTRAINT "TourFeedback_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TourFeedback" ADD CONSTRAINT "TourFeedback_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TourFeedback" ADD CONSTRAINT "TourFeedback_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
