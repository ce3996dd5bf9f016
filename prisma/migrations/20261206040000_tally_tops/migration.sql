-- Tree tops keep subtree tallies too. They were left out while a write locked its ancestors' tally
-- rows, when every write of a province would have queued on its top's; since writers append and fold
-- without waiting (20261205083057_subtree_tallies), a top costs one more key a write, and a
-- province's summary reads the few hundred rows of its top instead of its units'.

-- Every organization on an item's path, its top included.
CREATE OR REPLACE FUNCTION "subtree_tally_add"(org_ids TEXT[], period_ids TEXT[], kinds "DutyKind"[], statuses "ItemStatus"[], due_dates DATE[], deltas INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF org_ids IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "Org" WHERE "id" = ANY (org_ids) ORDER BY "id" FOR KEY SHARE;
  PERFORM "subtree_tally_apply"(array_agg(up."id"), array_agg(d."periodId"), array_agg(d."kind"), array_agg(d."status"), array_agg(d."dueDate"), array_agg(d."delta"))
     FROM unnest(org_ids, period_ids, kinds, statuses, due_dates, deltas) AS d("orgId", "periodId", "kind", "status", "dueDate", "delta")
     JOIN "Org" o ON o."id" = d."orgId"
    CROSS JOIN LATERAL unnest(string_to_array(btrim(o."path", '/'), '/')) AS up("id");
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
      CROSS JOIN LATERAL unnest(string_to_array(btrim(o."path", '/'), '/')) AS up("id")
      WHERE up."id" <> o."id" AND NOT EXISTS (SELECT 1 FROM old_orgs p WHERE p."id" = o."parentId");
    DELETE FROM "SubtreeTally" t USING old_orgs o WHERE t."orgId" = o."id";
  ELSE
    -- A moved organization's own items leave the tallies of the ancestors it left and join those
    -- of the ones it joined (those on both paths, itself among them, cancel out). This update holds
    -- every organization it moves, so a write on one of their items either committed before, and is
    -- counted here, or waits for this transaction and then counts on the new path.
    PERFORM "subtree_tally_apply"(array_agg(a."id"), array_agg(i."periodId"), array_agg(i."kind"), array_agg(i."status"), array_agg(i."dueDate"), array_agg(a."sign" * i."n"))
       FROM old_orgs o
       JOIN new_orgs n ON n."id" = o."id" AND n."path" <> o."path"
      CROSS JOIN LATERAL (SELECT c."periodId", k."kind", c."status", c."dueDate", count(*)::int AS "n"
                            FROM "ChecklistItem" c JOIN "Duty" k ON k."id" = c."dutyId"
                           WHERE c."orgId" = n."id" GROUP BY 1, 2, 3, 4) i
      CROSS JOIN LATERAL (SELECT u, -1 FROM unnest(string_to_array(btrim(o."path", '/'), '/')) AS u
                          UNION ALL
                          SELECT u, 1 FROM unnest(string_to_array(btrim(n."path", '/'), '/')) AS u) AS a("id", "sign");
  END IF;
  RETURN NULL;
END $$;

-- The tops' tallies, of the items already there: one row a key.
INSERT INTO "SubtreeTally" ("orgId", "periodId", "kind", "status", "dueDate", "count")
SELECT split_part(btrim(o."path", '/'), '/', 1), i."periodId", k."kind", i."status", i."dueDate", count(*)::int
  FROM "ChecklistItem" i
  JOIN "Duty" k ON k."id" = i."dutyId"
  JOIN "Org" o ON o."id" = i."orgId"
 GROUP BY 1, 2, 3, 4, 5;
