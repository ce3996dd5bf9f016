// Serves the production build for the end-to-end suite on a database of its
// own: a fresh PGlite folder, or a fresh database on the PostgreSQL server
// that TEST_DATABASE_URL names. Migrates, seeds the demo (as `npm run demo` does), then runs `next start`.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseDatabaseUrl } from "../lib/env";
import { openDatabase } from "../lib/server/db/connect";
import { migrate } from "../lib/server/db/migrate";
import { createTestDatabase } from "../lib/test/test-database";
import { seedDemo } from "../prisma/seed/seed-demo";
import { seedDemoInspections } from "../prisma/seed/seed-inspections";
import { e2eDatabaseFile } from "../e2e/e2e-database";
import { nextStartCommand } from "./next-start";

async function main() {
  const port = process.env.E2E_PORT ?? "3100";
  const db = await createTestDatabase("e2e", { fixedName: true });
  await migrate({ target: parseDatabaseUrl(db.url), migrationsDir: path.resolve("prisma/migrations") });
  const seeding = openDatabase(db.url);
  try {
    await seedDemo(seeding.prisma);
    await seedDemoInspections(seeding.prisma);
  } finally {
    await seeding.close();
  }

  // The suite's own tests of the database (a second server on the same one) read this.
  fs.writeFileSync(e2eDatabaseFile(port), JSON.stringify({ url: db.url }));

  const start = nextStartCommand(port);
  const next = spawn(start.command, start.args, {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: db.url,
      NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
    },
  });
  let isStopping = false;
  const stop = () => {
    if (isStopping) return;
    isStopping = true;
    next.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", (code) => {
    void db.drop().finally(() => process.exit(code ?? 0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
