-- AlterTable
ALTER TABLE "InspectionRound" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
