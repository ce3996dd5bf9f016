-- CreateTable
CREATE TABLE "Revision" (
    "id" BIGSERIAL NOT NULL,
    "family" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Revision_family_idx" ON "Revision"("family");

-- A statement on a family's table raises the family's revision by one: it appends a row of 1 plus
-- the rows of the family that no other transaction holds, which it deletes (SKIP LOCKED). Another
-- writer's rows, folded or appended but not yet committed, are left to it, so no writer waits on
-- another. Readers sum the committed rows: rows a writer deletes still count until it commits, and
-- its new row counts once it has, so each commit raises the sum and no state is ever read under the
-- revision of another.
CREATE FUNCTION "revision_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  folded BIGINT;
BEGIN
  WITH gone AS (
    DELETE FROM "Revision"
     WHERE "id" IN (SELECT r."id" FROM "Revision" r WHERE r."family" = TG_ARGV[0] FOR UPDATE SKIP LOCKED)
    RETURNING "count"
  )
  SELECT coalesce(sum("count"), 0) INTO folded FROM gone;
  INSERT INTO "Revision" ("family", "count") VALUES (TG_ARGV[0], folded + 1);
  RETURN NULL;
END $$;

CREATE TRIGGER "Finding_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Finding"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
CREATE TRIGGER "InspectionReport_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InspectionReport"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
CREATE TRIGGER "InspectionRound_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InspectionRound"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
CREATE TRIGGER "InspectionMember_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "InspectionMember"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
CREATE TRIGGER "Period_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Period"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
CREATE TRIGGER "FindingCategory_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FindingCategory"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
CREATE TRIGGER "Duty_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Duty"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
CREATE TRIGGER "Org_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Org"
  FOR EACH STATEMENT EXECUTE FUNCTION "revision_bump"('findings');
