// Applies pending migrations to the database DATABASE_URL names:
//   npm run db:migrate
import path from "node:path";
import { fileURLToPath } from "node:url";
import { env, parseDatabaseUrl } from "../lib/env";
import { describeTarget, migrate } from "../lib/server/db/migrate";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

async function main(): Promise<void> {
  const target = parseDatabaseUrl(env().DATABASE_URL);
  console.log(`Migrating ${describeTarget(target)}`);
  const { applied, alreadyApplied } = await migrate({
    target,
    migrationsDir: path.join(root, "prisma", "migrations"),
    log: (line) => console.log(line),
  });
  if (applied.length === 0) {
    console.log(`Nothing to apply: all ${alreadyApplied.length} migration(s) are already applied.`);
  } else {
    console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    // Expected failures (a locked folder, a refused history, a failed script) carry a complete message; a stack adds nothing.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
