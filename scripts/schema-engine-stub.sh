#!/bin/sh
# Stands in for Prisma's native schema engine, which `prisma generate` asks
# for but never needs. Migrations are applied by scripts/migrate.ts.
echo "The native Prisma schema engine is not used by Duty Ledger: run npm run db:migrate." >&2
exit 1
