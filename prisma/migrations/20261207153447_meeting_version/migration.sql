-- AlterTable
ALTER TABLE "ReportMeeting" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
