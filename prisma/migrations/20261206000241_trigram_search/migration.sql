-- pg_trgm lets a GIN index serve ILIKE '%…%'. Written by hand: the schema declares only the index
-- (the schema engine's extension support does not round-trip on the embedded database). The
-- extension is trusted, so the database's owner may create it; PGlite loads it in lib/server/db/pglite.ts.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "Finding_description_idx" ON "Finding" USING GIN ("description" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Org_name_nameEn_code_idx" ON "Org" USING GIN ("name" gin_trgm_ops, "nameEn" gin_trgm_ops, "code" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "User_name_username_idx" ON "User" USING GIN ("name" gin_trgm_ops, "username" gin_trgm_ops);
