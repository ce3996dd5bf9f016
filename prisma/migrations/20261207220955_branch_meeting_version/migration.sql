-- AlterTable
ALTER TABLE "BranchMeeting" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
