-- The subtree tallies' index carries the columns the readers add up (kind and count), so the
-- progress table and the duties summary read the tallies off the index alone instead of fetching
-- each row from the heap, where appends and folds have scattered an organization's rows. Ordered
-- by a count, the top of a 20,000-organization province reads 115,000 tally rows: 217 ms fetched
-- from the heap, 85 ms off the index (docs/performance.md). The fold deletes and inserts rows, never
-- updates them in place, so the wider index costs a write nothing it did not already pay.
DROP INDEX "SubtreeTally_orgId_periodId_status_dueDate_idx";
CREATE INDEX "SubtreeTally_orgId_periodId_status_dueDate_idx" ON "SubtreeTally" ("orgId", "periodId", "status", "dueDate") INCLUDE ("kind", "count");
