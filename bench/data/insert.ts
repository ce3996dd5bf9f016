// Multi-row inserts of rows built in Node: one statement per batch, each column sent as one text array
// and cast in the SELECT (as lib/server/assignments does with unnest), so a batch is a handful of
// parameters however many rows it holds.
import { Prisma } from "../../lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;

/** The SQL type a column is cast to; any other name is taken as an enum type ("ItemStatus"). */
export type ColumnType = "text" | "int" | "bool" | "timestamp" | "date" | "jsonb" | "bytea" | "text[]" | (string & {});

export type Cell = string | number | boolean | Date | null | undefined | Uint8Array | readonly string[] | Prisma.InputJsonValue;

function toText(value: Cell, type: ColumnType): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  if (type === "jsonb" || type === "text[]") return JSON.stringify(value);
  return String(value);
}

function cast(column: Prisma.Sql, type: ColumnType): Prisma.Sql {
  switch (type) {
    case "text":
      return column;
    case "bytea":
      return Prisma.sql`decode(${column}, 'hex')`;
    case "text[]":
      return Prisma.sql`ARRAY(SELECT jsonb_array_elements_text(${column}::jsonb))`;
    case "int":
    case "bool":
    case "timestamp":
    case "date":
    case "jsonb":
      return Prisma.sql`${column}::${Prisma.raw(type)}`;
    default:
      return Prisma.sql`${column}::${Prisma.raw(`"${type}"`)}`;
  }
}

export type Table<R> = { name: string; columns: readonly (readonly [column: string, type: ColumnType, value: (row: R) => Cell])[] };

/** Inserts `rows` into the table, `batchSize` rows per statement. Returns the rows inserted. */
export async function insertRows<R>(tx: Tx, table: Table<R>, rows: readonly R[], batchSize = 2000): Promise<number> {
  let inserted = 0;
  const names = Prisma.join(table.columns.map(([name]) => Prisma.raw(`"${name}"`)));
  const aliases = table.columns.map((_, i) => `c${i}`);
  const selected = Prisma.join(table.columns.map(([, type], i) => cast(Prisma.raw(`u.c${i}`), type)));
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const arrays = Prisma.join(table.columns.map(([, type, value]) => Prisma.sql`${batch.map((row) => toText(value(row), type))}::text[]`));
    inserted += await tx.$executeRaw`
      INSERT INTO ${Prisma.raw(`"${table.name}"`)} (${names})
      SELECT ${selected} FROM unnest(${arrays}) AS u(${Prisma.raw(aliases.join(", "))})`;
  }
  return inserted;
}
