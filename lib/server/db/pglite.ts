import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Every embedded database the app, its scripts and its tests open: the PostgreSQL extensions the
 * migrations create (pg_trgm, prisma/migrations/20261206000241_trigram_search) are loaded here, in
 * one place, so that they run on PGlite as on PostgreSQL.
 */
export function newPglite(dataDir?: string, options: PGliteOptions = {}): PGlite {
  // One options object: PGlite reads its second argument only when the first is a folder.
  return new PGlite({ ...options, dataDir, extensions: { ...options.extensions, pg_trgm } });
}
