-- CreateTable
CREATE TABLE "SubtreeTally" (
    "orgId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "status" "ItemStatus" NOT NULL,
    "dueDate" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "SubtreeTally_pkey" PRIMARY KEY ("orgId","periodId","status","dueDate")
);

-- AddForeignKey
ALTER TABLE "SubtreeTally" ADD CONSTRAINT "SubtreeTally_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubtreeTally" ADD CONSTRAINT "SubtreeTally_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The tallies are the database's own: triggers keep them in step with every write to the items and
-- every change of an organization's path, in the statement that makes it. An organization's
-- ancestors are read from its materialized path; the first one, the top of its tree, keeps no
-- tally (every write of the tree would wait on its rows), so each item counts towards the
-- organizations on its path below the top, itself included.

-- Adds signed counts of items (organization, period, status, due date) to every tally they reach,
-- in the order of the key so that concurrent writers lock rows in one order. The items'
-- organizations are first locked against a move (FOR SHARE waits for a move of one in progress
-- and holds off the next one until this transaction ends), so that the path read by the next
-- statement is the one the items will have when this transaction commits.
CREATE FUNCTION "subtree_tally_add"(org_ids TEXT[], period_ids TEXT[], statuses "ItemStatus"[], due_dates DATE[], deltas INTEGER[])
RETURNS void LANGUAGE sql AS $$
  SELECT 1 FROM "Org" WHERE "id" = ANY (org_ids) ORDER BY "id" FOR SHARE;
  INSERT INTO "SubtreeTally" ("orgId", "periodId", "status", "dueDate", "count")
  SELECT up."id", d."periodId", d."status", d."dueDate", sum(d."delta")::int
    FROM (SELECT u."orgId", u."periodId", u."status", u."dueDate", sum(u."delta") AS "delta"
            FROM unnest(org_ids, period_ids, statuses, due_dates, deltas) AS u("orgId", "periodId", "status", "dueDate", "delta")
           GROUP BY 1, 2, 3, 4) d
    JOIN "Org" o ON o."id" = d."orgId"
    CROSS JOIN LATERAL unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS up("id")
   GROUP BY 1, 2, 3, 4
  HAVING sum(d."delta") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("orgId", "periodId", "status", "dueDate") DO UPDATE SET "count" = "SubtreeTally"."count" + EXCLUDED."count"
$$;

CREATE FUNCTION "subtree_tally_items"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "subtree_tally_add"(array_agg(n."orgId"), array_agg(n."periodId"), array_agg(n."status"), array_agg(n."dueDate"), array_agg(1))
       FROM new_items n;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "subtree_tally_add"(array_agg(o."orgId"), array_agg(o."periodId"), array_agg(o."status"), array_agg(o."dueDate"), array_agg(-1))
       FROM old_items o;
  ELSE
    -- An edit that moves no count (a note, an owner, a delegation) adds nothing: its two halves cancel out.
    PERFORM "subtree_tally_add"(array_agg(c."orgId"), array_agg(c."periodId"), array_agg(c."status"), array_agg(c."dueDate"), array_agg(c."delta"))
       FROM (SELECT "orgId", "periodId", "status", "dueDate", 1 AS "delta" FROM new_items
             UNION ALL
             SELECT "orgId", "periodId", "status", "dueDate", -1 AS "delta" FROM old_items) c;
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "subtree_tally_clear"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "SubtreeTally";
  RETURN NULL;
END $$;

-- Counts again, from the items, the tallies of the organizations given (those still below a tree top).
CREATE FUNCTION "subtree_tally_recount"(org_ids TEXT[]) RETURNS void LANGUAGE sql AS $$
  -- Locked in the key's order, as writers lock them, before they are replaced.
  SELECT 1 FROM "SubtreeTally" WHERE "orgId" = ANY (org_ids) ORDER BY "orgId", "periodId", "status", "dueDate" FOR UPDATE;
  DELETE FROM "SubtreeTally" WHERE "orgId" = ANY (org_ids);
  INSERT INTO "SubtreeTally" ("orgId", "periodId", "status", "dueDate", "count")
  SELECT a."id", i."periodId", i."status", i."dueDate", count(*)::int
    FROM "Org" a
    JOIN "Org" o ON o."path" LIKE a."path" || '%'
    JOIN "ChecklistItem" i ON i."orgId" = o."id"
   WHERE a."id" = ANY (org_ids) AND a."parentId" IS NOT NULL
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  -- A row there now was made after this statement's snapshot by a write it did not count: add to it.
  ON CONFLICT ("orgId", "periodId", "status", "dueDate") DO UPDATE SET "count" = "SubtreeTally"."count" + EXCLUDED."count";
$$;

-- A move (or a merge, or a deletion) changes which subtrees an organization's items lie in: the
-- tallies of the organizations on its old and its new path, and its own, are counted again.
CREATE FUNCTION "subtree_tally_orgs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "subtree_tally_recount"(array_agg(DISTINCT a."id"))
       FROM old_orgs o
       CROSS JOIN LATERAL unnest(string_to_array(btrim(o."path", '/'), '/')) AS a("id");
  ELSE
    PERFORM "subtree_tally_recount"(array_agg(DISTINCT a."id"))
       FROM old_orgs o
       JOIN new_orgs n ON n."id" = o."id" AND n."path" <> o."path"
       CROSS JOIN LATERAL unnest(string_to_array(btrim(o."path", '/'), '/') || string_to_array(btrim(n."path", '/'), '/')) AS a("id");
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

-- The tallies of the items already there.
INSERT INTO "SubtreeTally" ("orgId", "periodId", "status", "dueDate", "count")
SELECT up."id", i."periodId", i."status", i."dueDate", count(*)::int
  FROM "ChecklistItem" i
  JOIN "Org" o ON o."id" = i."orgId"
  CROSS JOIN LATERAL unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS up("id")
 GROUP BY 1, 2, 3, 4;
