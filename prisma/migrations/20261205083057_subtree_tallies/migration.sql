-- CreateTable
CREATE TABLE "SubtreeTally" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "status" "ItemStatus" NOT NULL,
    "dueDate" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SubtreeTally_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubtreeTally_orgId_periodId_status_dueDate_idx" ON "SubtreeTally"("orgId", "periodId", "status", "dueDate");

-- AddForeignKey
ALTER TABLE "SubtreeTally" ADD CONSTRAINT "SubtreeTally_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The tallies are the database's own: triggers keep them in step with every write to the items and
-- every change of an organization's path, in the statement that makes it. An organization's
-- ancestors are read from its materialized path; the first one, the top of its tree, keeps no
-- tally, so each item counts towards the organizations on its path below the top, itself included.
-- A key (organization, period, status, due date) may have several rows; its count is their sum.

-- Adds signed counts to the tallies of the organizations given. They are appended as new rows,
-- together with the rows of the same keys already there that no other transaction holds, which are
-- deleted and folded in (SKIP LOCKED). No writer ever waits on another's tally rows, so concurrent
-- writes under one ancestor neither queue nor deadlock, and a key keeps about one row per writer
-- in flight.
CREATE FUNCTION "subtree_tally_apply"(org_ids TEXT[], period_ids TEXT[], statuses "ItemStatus"[], due_dates DATE[], deltas INTEGER[])
RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT u."orgId", u."periodId", u."status", u."dueDate", sum(u."delta")::int AS "delta"
      FROM unnest(org_ids, period_ids, statuses, due_dates, deltas) AS u("orgId", "periodId", "status", "dueDate", "delta")
     GROUP BY 1, 2, 3, 4
    HAVING sum(u."delta") <> 0
  ),
  folded AS (
    DELETE FROM "SubtreeTally"
     WHERE "id" IN (SELECT t."id"
                      FROM "SubtreeTally" t
                      JOIN d ON d."orgId" = t."orgId" AND d."periodId" = t."periodId" AND d."status" = t."status" AND d."dueDate" = t."dueDate"
                       FOR UPDATE OF t SKIP LOCKED)
    RETURNING "orgId", "periodId", "status", "dueDate", "count"
  )
  INSERT INTO "SubtreeTally" ("orgId", "periodId", "status", "dueDate", "count")
  SELECT x."orgId", x."periodId", x."status", x."dueDate", sum(x."n")::int
    FROM (SELECT "orgId", "periodId", "status", "dueDate", "delta" AS "n" FROM d
          UNION ALL
          SELECT "orgId", "periodId", "status", "dueDate", "count" FROM folded) x
   GROUP BY 1, 2, 3, 4
  HAVING sum(x."n") <> 0;
$$;

-- Adds signed counts of items (organization, period, status, due date) to every tally on the items'
-- paths. The items' organizations are first locked against a move (FOR KEY SHARE: the path is a
-- key, so this waits for a move in progress and holds off the next one until this transaction ends,
-- yet lets a rename or a close through), so that the path read next is the one the items will have
-- when this transaction commits.
CREATE FUNCTION "subtree_tally_add"(org_ids TEXT[], period_ids TEXT[], statuses "ItemStatus"[], due_dates DATE[], deltas INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org_ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Org" WHERE "id" = ANY (org_ids) ORDER BY "id" FOR KEY SHARE;
  PERFORM "subtree_tally_apply"(array_agg(up."id"), array_agg(d."periodId"), array_agg(d."status"), array_agg(d."dueDate"), array_agg(d."delta"))
     FROM unnest(org_ids, period_ids, statuses, due_dates, deltas) AS d("orgId", "periodId", "status", "dueDate", "delta")
     JOIN "Org" o ON o."id" = d."orgId"
    CROSS JOIN LATERAL unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS up("id");
END $$;

CREATE FUNCTION "subtree_tally_items"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "subtree_tally_add"(array_agg(n."orgId"), array_agg(n."periodId"), array_agg(n."status"), array_agg(n."dueDate"), array_agg(1))
       FROM new_items n;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "subtree_tally_add"(array_agg(o."orgId"), array_agg(o."periodId"), array_agg(o."status"), array_agg(o."dueDate"), array_agg(-1))
       FROM old_items o;
  ELSE
    -- Only what moves a count: an edit of a note, an owner or a delegation cancels out and locks nothing.
    PERFORM "subtree_tally_add"(array_agg(c."orgId"), array_agg(c."periodId"), array_agg(c."status"), array_agg(c."dueDate"), array_agg(c."delta"))
       FROM (SELECT u."orgId", u."periodId", u."status", u."dueDate", sum(u."delta")::int AS "delta"
               FROM (SELECT "orgId", "periodId", "status", "dueDate", 1 AS "delta" FROM new_items
                     UNION ALL
                     SELECT "orgId", "periodId", "status", "dueDate", -1 AS "delta" FROM old_items) u
              GROUP BY 1, 2, 3, 4
             HAVING sum(u."delta") <> 0) c;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "subtree_tally_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SubtreeTally";
  RETURN NULL;
END $$;

CREATE FUNCTION "subtree_tally_orgs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A deleted organization's items go with it, in statements that may no longer reach its path.
    -- What its tallies still count (its whole subtree: a parent is never deleted before its
    -- children) comes off the tallies of the ancestors that stay; then its own go.
    PERFORM "subtree_tally_apply"(array_agg(up."id"), array_agg(t."periodId"), array_agg(t."status"), array_agg(t."dueDate"), array_agg(-t."count"))
       FROM old_orgs o
       JOIN "SubtreeTally" t ON t."orgId" = o."id"
      CROSS JOIN LATERAL unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS up("id")
      WHERE up."id" <> o."id" AND NOT EXISTS (SELECT 1 FROM old_orgs p WHERE p."id" = o."parentId");
    DELETE FROM "SubtreeTally" t USING old_orgs o WHERE t."orgId" = o."id";
  ELSE
    -- A moved organization's own items leave the tallies of the ancestors it left and join those
    -- of the ones it joined (those on both paths cancel out). This update holds every organization
    -- it moves, so a write on one of their items either committed before, and is counted here, or
    -- waits for this transaction and then counts on the new path.
    PERFORM "subtree_tally_apply"(array_agg(a."id"), array_agg(i."periodId"), array_agg(i."status"), array_agg(i."dueDate"), array_agg(a."sign" * i."n"))
       FROM old_orgs o
       JOIN new_orgs n ON n."id" = o."id" AND n."path" <> o."path"
      CROSS JOIN LATERAL (SELECT c."periodId", c."status", c."dueDate", count(*)::int AS "n"
                            FROM "ChecklistItem" c WHERE c."orgId" = n."id" GROUP BY 1, 2, 3) i
      CROSS JOIN LATERAL (SELECT u, -1 FROM unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS u
                          UNION ALL
                          SELECT u, 1 FROM unnest((string_to_array(btrim(n."path", '/'), '/'))[2:]) AS u) AS a("id", "sign");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ChecklistItem_tally_insert" AFTER INSERT ON "ChecklistItem"
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION "subtree_tally_items"();
CREATE TRIGGER "ChecklistItem_tally_update" AFTER UPDATE ON "ChecklistItem"
  REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION "subtree_tally_items"();
CREATE TRIGGER "ChecklistItem_tally_delete" AFTER DELETE ON "ChecklistItem"
  REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION "subtree_tally_items"();
CREATE TRIGGER "ChecklistItem_tally_truncate" AFTER TRUNCATE ON "ChecklistItem"
  FOR EACH STATEMENT EXECUTE FUNCTION "subtree_tally_clear"();
CREATE TRIGGER "Org_tally_update" AFTER UPDATE ON "Org"
  REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs FOR EACH STATEMENT EXECUTE FUNCTION "subtree_tally_orgs"();
CREATE TRIGGER "Org_tally_delete" AFTER DELETE ON "Org"
  REFERENCING OLD TABLE AS old_orgs FOR EACH STATEMENT EXECUTE FUNCTION "subtree_tally_orgs"();

-- The tallies of the items already there, one row a key.
INSERT INTO "SubtreeTally" ("orgId", "periodId", "status", "dueDate", "count")
SELECT up."id", i."periodId", i."status", i."dueDate", count(*)::int
  FROM "ChecklistItem" i
  JOIN "Org" o ON o."id" = i."orgId"
 CROSS JOIN LATERAL unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS up("id")
 GROUP BY 1, 2, 3, 4;
