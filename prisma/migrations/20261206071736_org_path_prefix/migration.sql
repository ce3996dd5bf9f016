-- A subtree by its path prefix (path LIKE '/a/b/%'): the unique index on "path" cannot serve LIKE
-- under a database collation other than C; text_pattern_ops can. Prisma reads no operator class of
-- a B-tree back, so the schema declares this index without it.
-- CreateIndex
CREATE INDEX "Org_path_prefix_idx" ON "Org"("path" text_pattern_ops);
