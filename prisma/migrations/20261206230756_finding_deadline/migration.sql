-- CreateIndex
CREATE INDEX "Finding_deadline_idx" ON "Finding"("deadline");
