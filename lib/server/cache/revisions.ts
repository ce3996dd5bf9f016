import { connection, prisma } from "@/lib/server/db";

// No "server-only" here: scripts and tests use it too.

/** A family of tables whose revision the database keeps (prisma/schema.prisma, model Revision). */
export type Family = "findings";

/** Results kept per family; the oldest goes first past this many. */
export const MAX_RESULTS = 256;

type Kept = { revision: bigint; results: Map<string, Promise<unknown>> };

/** Per open connection (tests open one database after another), per family. */
const kept = new WeakMap<object, Map<Family, Kept>>();

/** The family's revision: the sum of its committed rows, raised by every commit that wrote to one of its tables. */
export async function readRevision(family: Family): Promise<bigint> {
  const [row] = await prisma.$queryRaw<{ revision: bigint | number | string }[]>`
    SELECT coalesce(sum("count"), 0)::bigint AS revision FROM "Revision" WHERE "family" = ${family}`;
  return BigInt(row?.revision ?? 0);
}

/**
 * What `compute` gives for `key`, computed once per revision of `family`
 * and shared by the requests that ask for it meanwhile, in flight
 * included. `key` must name everything the result depends on besides the
 * family's tables: the actor's scope, the filters, the day.
 *
 * Exact at all times, on any number of app instances: the revision is read
 * before the result is computed, so a result kept under a revision counts
 * every commit up to it (and maybe later ones); the next commit raises the
 * revision and the next request computes afresh. A request that read an
 * older revision than the one kept (a commit came in between) computes for
 * itself and keeps nothing.
 */
export async function byRevision<T>(family: Family, key: string, compute: () => Promise<T>): Promise<T> {
  const revision = await readRevision(family);
  const conn = connection();
  let families = kept.get(conn);
  if (!families) kept.set(conn, (families = new Map()));
  let current = families.get(family);
  if (!current || current.revision < revision) families.set(family, (current = { revision, results: new Map() }));
  if (current.revision > revision) return compute();

  const results = current.results;
  const found = results.get(key);
  if (found) {
    // Most recently used goes last, so the oldest is first to go.
    results.delete(key);
    results.set(key, found);
    return found as Promise<T>;
  }
  const computing = compute();
  results.set(key, computing);
  computing.catch(() => {
    if (results.get(key) === computing) results.delete(key);
  });
  while (results.size > MAX_RESULTS) {
    const oldest = results.keys().next().value;
    if (oldest === undefined) break;
    results.delete(oldest);
  }
  return computing;
}
