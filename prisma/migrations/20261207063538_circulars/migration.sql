-- CreateEnum
CREATE TYPE "CircularStatus" AS ENUM ('DRAFT', 'ISSUED');

-- CreateTable
CREATE TABLE "Circular" (
    "id" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "number" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "status" "CircularStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "issuedAt" TIMESTAMP(3),
    "issuedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Circular_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CircularUnit" (
    "circularId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,

    CONSTRAINT "CircularUnit_pkey" PRIMARY KEY ("circularId","orgId")
);

-- CreateIndex
CREATE INDEX "Circular_periodId_status_idx" ON "Circular"("periodId", "status");

-- CreateIndex
CREATE INDEX "CircularUnit_orgId_idx" ON "CircularUnit"("orgId");

-- AddForeignKey
ALTER TABLE "Circular" ADD CONSTRAINT "Circular_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circular" ADD CONSTRAINT "Circular_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Circular" ADD CONSTRAINT "Circular_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircularUnit" ADD CONSTRAINT "CircularUnit_circularId_fkey" FOREIGN KEY ("circularId") REFERENCES "Circular"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CircularUnit" ADD CONSTRAINT "CircularUnit_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
