import { defineConfig } from "prisma/config";

// The Prisma CLI is used here for `prisma generate` only. Migrations are
// applied by `npm run db:migrate` (scripts/migrate.ts), which speaks to
// PGlite and PostgreSQL through the same driver adapters as the app.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
});
