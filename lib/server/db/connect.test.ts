import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, poolConfig, type Connection } from "@/lib/server/db/connect";
import { createTestDatabase } from "@/lib/test/test-database";

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const ON_POSTGRES = !!ADMIN_URL && /^postgres(ql)?:\/\//i.test(ADMIN_URL);

describe("poolConfig", () => {
  it("never closes an idle connection and bounds the pool by the size asked for", () => {
    expect(poolConfig("postgresql://x@y/z", 7)).toMatchObject({ max: 7, idleTimeoutMillis: 0, keepAlive: true });
  });
});

// Only PostgreSQL has a pool: the embedded database is one connection in the process.
describe.each(ON_POSTGRES ? [{ engine: "PostgreSQL" }] : [])("the connection pool on $engine", () => {
  let db: Connection;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createTestDatabase("connect");
    drop = created.drop;
    db = openDatabase(created.url);
  });
  afterAll(async () => {
    await db.close();
    await drop();
  });

  const serverProcesses = async () =>
    new Set(
      await Promise.all(
        Array.from({ length: 3 }, async () => {
          const [row] = await db.prisma.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid FROM pg_sleep(0.05)`;
          return Number(row?.pid);
        }),
      ),
    );

  it("keeps its connections through a quiet spell longer than pg-pool's default idle timeout", async () => {
    const before = await serverProcesses();
    expect(before.size).toBeGreaterThan(1);
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const after = await serverProcesses();
    for (const pid of after) expect(before).toContain(pid);
  }, 30_000);
});
