-- The subtree tallies gain the duty kind as part of their key, so that a checklist's summary by kind
-- (the whole province's, for a working committee) reads the tallies instead of the items. The tallies
-- are rebuilt from the items; the triggers' functions now carry each item's kind, read from its duty.

DELETE FROM "SubtreeTally";

-- AlterTable
ALTER TABLE "SubtreeTally" ADD COLUMN "kind" "DutyKind" NOT NULL;

DROP FUNCTION "subtree_tally_add"(TEXT[], TEXT[], "ItemStatus"[], DATE[], INTEGER[]);
DROP FUNCTION "subtree_tally_apply"(TEXT[], TEXT[], "ItemStatus"[], DATE[], INTEGER[]);

-- As before (20261205083057_subtree_tallies), with the kind in the key.
CREATE FUNCTION "subtree_tally_apply"(org_ids TEXT[], period_ids TEXT[], kinds "DutyKind"[], statuses "ItemStatus"[], due_dates DATE[], deltas INTEGER[])
RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT u."orgId", u."periodId", u."kind", u."status", u."dueDate", sum(u."delta")::int AS "delta"
      FROM unnest(org_ids, period_ids, kinds, statuses, due_dates, deltas) AS u("orgId", "periodId", "kind", "status", "dueDate", "delta")
     GROUP BY 1, 2, 3, 4, 5
    HAVING sum(u."delta") <> 0
  ),
  folded AS (
    DELETE FROM "SubtreeTally"
     WHERE "id" IN (SELECT t."id"
                      FROM "SubtreeTally" t
                      JOIN d ON d."orgId" = t."orgId" AND d."periodId" = t."periodId" AND d."kind" = t."kind"
                            AND d."status" = t."status" AND d."dueDate" = t."dueDate"
                       FOR UPDATE OF t SKIP LOCKED)
    RETURNING "orgId", "periodId", "kind", "status", "dueDate", "count"
  )
  INSERT INTO "SubtreeTally" ("orgId", "periodId", "kind", "status", "dueDate", "count")
  SELECT x."orgId", x."periodId", x."kind", x."status", x."dueDate", sum(x."n")::int
    FROM (SELECT "orgId", "periodId", "kind", "status", "dueDate", "delta" AS "n" FROM d
          UNION ALL
          SELECT "orgId", "periodId", "kind", "status", "dueDate", "count" FROM folded) x
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(x."n") <> 0;
$$;

CREATE FUNCTION "subtree_tally_add"(org_ids TEXT[], period_ids TEXT[], kinds "DutyKind"[], statuses "ItemStatus"[], due_dates DATE[], deltas INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org_ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Org" WHERE "id" = ANY (org_ids) ORDER BY "id" FOR KEY SHARE;
  PERFORM "subtree_tally_apply"(array_agg(up."id"), array_agg(d."periodId"), array_agg(d."kind"), array_agg(d."status"), array_agg(d."dueDate"), array_agg(d."delta"))
     FROM unnest(org_ids, period_ids, kinds, statuses, due_dates, deltas) AS d("orgId", "periodId", "kind", "status", "dueDate", "delta")
     JOIN "Org" o ON o."id" = d."orgId"
    CROSS JOIN LATERAL unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS up("id");
END $$;

-- An item's kind is its duty's; an item moved to another duty (a new version of its list) may change kind.
CREATE OR REPLACE FUNCTION "subtree_tally_items"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "subtree_tally_add"(array_agg(n."orgId"), array_agg(n."periodId"), array_agg(k."kind"), array_agg(n."status"), array_agg(n."dueDate"), array_agg(1))
       FROM new_items n JOIN "Duty" k ON k."id" = n."dutyId";
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "subtree_tally_add"(array_agg(o."orgId"), array_agg(o."periodId"), array_agg(k."kind"), array_agg(o."status"), array_agg(o."dueDate"), array_agg(-1))
       FROM old_items o JOIN "Duty" k ON k."id" = o."dutyId";
  ELSE
    -- Only what moves a count: an edit of a note, an owner or a delegation cancels out and locks nothing.
    PERFORM "subtree_tally_add"(array_agg(c."orgId"), array_agg(c."periodId"), array_agg(c."kind"), array_agg(c."status"), array_agg(c."dueDate"), array_agg(c."delta"))
       FROM (SELECT u."orgId", u."periodId", k."kind", u."status", u."dueDate", sum(u."delta")::int AS "delta"
               FROM (SELECT "orgId", "periodId", "dutyId", "status", "dueDate", 1 AS "delta" FROM new_items
                     UNION ALL
                     SELECT "orgId", "periodId", "dutyId", "status", "dueDate", -1 AS "delta" FROM old_items) u
               JOIN "Duty" k ON k."id" = u."dutyId"
              GROUP BY 1, 2, 3, 4, 5
             HAVING sum(u."delta") <> 0) c;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "subtree_tally_orgs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    -- A deleted organization's items go with it, in statements that may no longer reach its path.
    -- What its tallies still count (its whole subtree: a parent is never deleted before its
    -- children) comes off the tallies of the ancestors that stay; then its own go.
    PERFORM "subtree_tally_apply"(array_agg(up."id"), array_agg(t."periodId"), array_agg(t."kind"), array_agg(t."status"), array_agg(t."dueDate"), array_agg(-t."count"))
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
    PERFORM "subtree_tally_apply"(array_agg(a."id"), array_agg(i."periodId"), array_agg(i."kind"), array_agg(i."status"), array_agg(i."dueDate"), array_agg(a."sign" * i."n"))
       FROM old_orgs o
       JOIN new_orgs n ON n."id" = o."id" AND n."path" <> o."path"
      CROSS JOIN LATERAL (SELECT c."periodId", k."kind", c."status", c."dueDate", count(*)::int AS "n"
                            FROM "ChecklistItem" c JOIN "Duty" k ON k."id" = c."dutyId"
                           WHERE c."orgId" = n."id" GROUP BY 1, 2, 3, 4) i
      CROSS JOIN LATERAL (SELECT u, -1 FROM unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS u
                          UNION ALL
                          SELECT u, 1 FROM unnest((string_to_array(btrim(n."path", '/'), '/'))[2:]) AS u) AS a("id", "sign");
  END IF;
  RETURN NULL;
END $$;

-- The tallies of the items already there, one row a key.
INSERT INTO "SubtreeTally" ("orgId", "periodId", "kind", "status", "dueDate", "count")
SELECT up."id", i."periodId", k."kind", i."status", i."dueDate", count(*)::int
  FROM "ChecklistItem" i
  JOIN "Duty" k ON k."id" = i."dutyId"
  JOIN "Org" o ON o."id" = i."orgId"
 CROSS JOIN LATERAL unnest((string_to_array(btrim(o."path", '/'), '/'))[2:]) AS up("id")
 GROUP BY 1, 2, 3, 4, 5;
