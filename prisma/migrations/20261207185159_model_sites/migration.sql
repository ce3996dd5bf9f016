-- CreateEnum
CREATE TYPE "ModelSiteOutcome" AS ENUM ('KEPT', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "ModelSite" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "models" TEXT NOT NULL,
    "plaqueOn" DATE NOT NULL,
    "designatedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ModelSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelSiteReview" (
    "id" TEXT NOT NULL,
    "siteId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "outcome" "ModelSiteOutcome" NOT NULL,
    "comment" TEXT NOT NULL,
    "reviewedById" TEXT,
    "reviewedOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelSiteReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModelSite_orgId_idx" ON "ModelSite"("orgId");

-- CreateIndex
CREATE INDEX "ModelSite_designatedById_idx" ON "ModelSite"("designatedById");

-- CreateIndex
CREATE INDEX "ModelSiteReview_reviewedById_idx" ON "ModelSiteReview"("reviewedById");

-- CreateIndex
CREATE UNIQUE INDEX "ModelSiteReview_siteId_year_key" ON "ModelSiteReview"("siteId", "year");

-- AddForeignKey
ALTER TABLE "ModelSite" ADD CONSTRAINT "ModelSite_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelSite" ADD CONSTRAINT "ModelSite_designatedById_fkey" FOREIGN KEY ("designatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelSiteReview" ADD CONSTRAINT "ModelSiteReview_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "ModelSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelSiteReview" ADD CONSTRAINT "ModelSiteReview_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
