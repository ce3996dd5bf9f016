-- CreateEnum
CREATE TYPE "ProjectOutcome" AS ENUM ('DONE', 'PARTLY', 'NOT_DONE');

-- CreateTable
CREATE TABLE "SecretaryProject" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "goal" TEXT NOT NULL,
    "business" TEXT NOT NULL,
    "outcome" "ProjectOutcome",
    "reviewComment" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "registeredById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SecretaryProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "doneOn" DATE,

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectProgress" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectProgress_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SecretaryProject_year_orgId_idx" ON "SecretaryProject"("year", "orgId");

-- CreateIndex
CREATE INDEX "SecretaryProject_orgId_idx" ON "SecretaryProject"("orgId");

-- CreateIndex
CREATE INDEX "SecretaryProject_registeredById_idx" ON "SecretaryProject"("registeredById");

-- CreateIndex
CREATE INDEX "SecretaryProject_reviewedById_idx" ON "SecretaryProject"("reviewedById");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMilestone_projectId_seq_key" ON "ProjectMilestone"("projectId", "seq");

-- CreateIndex
CREATE INDEX "ProjectProgress_projectId_quarter_idx" ON "ProjectProgress"("projectId", "quarter");

-- CreateIndex
CREATE INDEX "ProjectProgress_authorId_idx" ON "ProjectProgress"("authorId");

-- AddForeignKey
ALTER TABLE "SecretaryProject" ADD CONSTRAINT "SecretaryProject_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretaryProject" ADD CONSTRAINT "SecretaryProject_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecretaryProject" ADD CONSTRAINT "SecretaryProject_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SecretaryProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectProgress" ADD CONSTRAINT "ProjectProgress_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "SecretaryProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectProgress" ADD CONSTRAINT "ProjectProgress_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
