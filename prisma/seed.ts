// Seeds the demo province: `npm run db:seed` (add -- --force to seed a database that holds other data).
import { openDatabase } from "../lib/server/db/connect";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed/demo-orgs";
import { seedDemo } from "./seed/seed-demo";
import { seedDemoInspections } from "./seed/seed-inspections";

async function main() {
  const force = process.argv.includes("--force") || process.env.SEED_FORCE === "1";
  const db = openDatabase();
  try {
    const result = await seedDemo(db.prisma, { force });
    const inspections = await seedDemoInspections(db.prisma);
    console.log(
      `Demo data ready: ${result.orgs} organizations, ${result.users} users, ${result.items} checklist items this year (${result.createdItems} new).`,
    );
    console.log(inspections.created ? "Demo inspection round created." : "Demo inspection round already present.");
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.username.padEnd(16)} ${u.name}  ${u.grants.map((g) => `${g.role}@${g.org}`).join(", ")}`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
