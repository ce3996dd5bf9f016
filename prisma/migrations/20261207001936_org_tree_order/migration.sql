-- CreateIndex
CREATE INDEX "Org_depth_sortOrder_idx" ON "Org"("depth", "sortOrder");
