-- CreateTable
CREATE TABLE "GradingScheme" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "config" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "savedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GradingScheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BranchGrade" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "proposedRank" INTEGER NOT NULL,
    "basis" JSONB NOT NULL,
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "rank" INTEGER,
    "reason" TEXT,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BranchGrade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GradingScheme_year_key" ON "GradingScheme"("year");

-- CreateIndex
CREATE INDEX "GradingScheme_savedById_idx" ON "GradingScheme"("savedById");

-- CreateIndex
CREATE INDEX "BranchGrade_year_idx" ON "BranchGrade"("year");

-- CreateIndex
CREATE INDEX "BranchGrade_proposedById_idx" ON "BranchGrade"("proposedById");

-- CreateIndex
CREATE INDEX "BranchGrade_confirmedById_idx" ON "BranchGrade"("confirmedById");

-- CreateIndex
CREATE UNIQUE INDEX "BranchGrade_orgId_year_key" ON "BranchGrade"("orgId", "year");

-- AddForeignKey
ALTER TABLE "GradingScheme" ADD CONSTRAINT "GradingScheme_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchGrade" ADD CONSTRAINT "BranchGrade_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchGrade" ADD CONSTRAINT "BranchGrade_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BranchGrade" ADD CONSTRAINT "BranchGrade_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
