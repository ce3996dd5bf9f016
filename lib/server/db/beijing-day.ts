import { TIME_ZONE } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The calendar day in Beijing (TIME_ZONE) of a timestamp column, which
 * Prisma stores as UTC without a zone, as SQL: the SQL twin of dayString.
 */
export function beijingDaySql(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(${column} AT TIME ZONE 'UTC' AT TIME ZONE ${Prisma.raw(`'${TIME_ZONE}'`)})::date`;
}
