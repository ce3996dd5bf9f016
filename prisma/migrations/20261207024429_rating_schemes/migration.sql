-- CreateTable
CREATE TABLE "RatingScheme" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "frozenAt" TIMESTAMP(3),
    "savedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RatingScheme_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RatingScheme_periodId_key" ON "RatingScheme"("periodId");

-- AddForeignKey
ALTER TABLE "RatingScheme" ADD CONSTRAINT "RatingScheme_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RatingScheme" ADD CONSTRAINT "RatingScheme_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
