// EXPLAIN (ANALYZE, BUFFERS) of the heaviest statements behind the pages, captured rather than
// copied: the app's own functions (the progress roll-up, the duties list's count, the ledger's search, the review queue's
// count) run in this process on the benchmark database, every statement they send is recorded at the
// driver with its parameters, and the slowest one of each is explained with the same parameters.
// Needs `tsx --conditions=react-server` (the app's "server-only" modules) and no server holding a
// PGlite folder.
import pg from "pg";
import type { DatabaseTarget } from "../../lib/env";

export type Plan = { title: string; call: string; statements: number; ms: number; sql: string; plan: string };

// A phrase of the generator's findings (bench/data/stage-inspections.ts): served by the trigram index.
const FINDING_SEARCH = "组织生活";

type Captured = { text: string; values: unknown[]; ms: number };

export async function capturePlans(
  databaseUrl: string,
  target: DatabaseTarget,
  users: { branch: string; unit: string; reviewer: string; supervisor: string },
): Promise<Plan[]> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET ??= "bench-plans-only-no-sessions-issued";
  const { connection, closeConnection, prisma } = await import("../../lib/server/db");
  const { loadActor } = await import("../../lib/server/auth/actor");
  const { resolvePeriod } = await import("../../lib/server/periods/get-current-period");
  const { getProgress } = await import("../../lib/server/checklists/get-progress");
  const { countChecklistItems } = await import("../../lib/server/checklists/list-checklist-items");
  const { countReviewQueue } = await import("../../lib/server/checklists/review-queue");
  const { listNotifications } = await import("../../lib/server/notifications/list-notifications");
  const { ZChecklistFilters, ZProgressQuery } = await import("../../lib/validation/checklists");
  const { countFindings, LEDGER_PAGE_SIZE, listFindingIds } = await import("../../lib/server/inspections/list-findings");
  const { readSearchParams } = await import("../../lib/validation/search-params");
  const { analyseFindings } = await import("../../lib/server/inspections/analysis");
  let analysisDays = 0;

  const conn = connection();
  let captured: Captured[] = [];
  let explain: (text: string, values: unknown[]) => Promise<string>;
  let restore: () => void;
  const record = async <T>(text: string, values: unknown[], run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await run();
    } finally {
      captured.push({ text, values, ms: performance.now() - started });
    }
  };

  if (conn.pglite) {
    const lite = conn.pglite;
    const original = lite.query.bind(lite);
    lite.query = ((text: string, values?: unknown[], options?: object) =>
      record(text, values ?? [], () => original(text, values as never, options))) as typeof lite.query;
    restore = () => {
      lite.query = original;
    };
    explain = async (text, values) => {
      const result = await original<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values as never);
      return result.rows.map((r) => Object.values(r)[0]).join("\n");
    };
  } else {
    // The adapter queries through the pool (which calls its client with a callback) and, in
    // transactions, through a client: both are recorded where they answer with a promise.
    type Query = (...args: unknown[]) => unknown;
    const protos = [pg.Pool.prototype, pg.Client.prototype] as unknown as { query: Query }[];
    const originals = protos.map((proto) => Object.getOwnPropertyDescriptor(proto, "query"));
    const clientQuery = (pg.Client.prototype as unknown as { query: Query }).query;
    for (const proto of protos) {
      const original = proto.query;
      proto.query = function (this: unknown, ...args: unknown[]) {
        const [first, second] = args;
        const text = typeof first === "string" ? first : (first as { text?: string })?.text;
        const values = (typeof first === "string" ? second : (first as { values?: unknown[] })?.values) as unknown[] | undefined;
        const result = original.apply(this, args);
        if (typeof text === "string" && result instanceof Promise) return record(text, values ?? [], () => result);
        return result;
      };
    }
    restore = () => {
      protos.forEach((proto, i) => {
        const descriptor = originals[i];
        if (descriptor) Object.defineProperty(proto, "query", descriptor);
        else delete (proto as { query?: Query }).query;
      });
    };
    const client = new pg.Client({ connectionString: target.engine === "postgres" ? target.url : databaseUrl });
    await client.connect();
    explain = async (text, values) => {
      const result = (await clientQuery.call(client, { text: `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values })) as { rows: Record<string, string>[] };
      return result.rows.map((r) => Object.values(r)[0]).join("\n");
    };
    const previous = restore;
    restore = () => {
      previous();
      void client.end();
    };
  }

  const actorOf = async (username: string) => {
    const user = await prisma.user.findUnique({ where: { username }, select: { id: true } });
    const actor = user ? await loadActor(user.id) : null;
    if (!actor) throw new Error(`No account ${username}`);
    return actor;
  };
  try {
    const period = await resolvePeriod(undefined);
    if (!period) throw new Error("No current period in the benchmark data");
    const filters = readSearchParams(ZChecklistFilters, {}).values;
    const { page: _page, period: _period, ...listFilters } = filters;
    const [supervisor, branch, unit, reviewer] = await Promise.all([users.supervisor, users.branch, users.unit, users.reviewer].map(actorOf));
    const calls: { title: string; call: string; run: () => Promise<unknown> }[] = [
      {
        title: "Progress roll-up, the whole tree (supervisor, first page)",
        call: `getProgress(${users.supervisor}, "progress.read", <current period>, page 1)`,
        run: () => getProgress(supervisor!, "progress.read", period.id, { ...ZProgressQuery.parse({}), parentId: undefined }),
      },
      {
        title: "Duties list count, a branch secretary",
        call: `countChecklistItems(${users.branch}, no filters, <current period>)`,
        run: () => countChecklistItems(branch!, { ...listFilters, periodId: period.id }),
      },
      {
        title: "Duties list count, a unit secretary",
        call: `countChecklistItems(${users.unit}, no filters, <current period>)`,
        run: () => countChecklistItems(unit!, { ...listFilters, periodId: period.id }),
      },
      {
        title: "Rectification ledger, a search in the descriptions (supervisor)",
        call: `countFindings(${users.supervisor}, { q: "${FINDING_SEARCH}" })`,
        run: () => countFindings(supervisor!, { q: FINDING_SEARCH }),
      },
      {
        title: "Rectification ledger, the first page in its order (supervisor)",
        call: `listFindingIds(${users.supervisor}, no filters, first ${LEDGER_PAGE_SIZE})`,
        run: () => listFindingIds(supervisor!, {}, { limit: LEDGER_PAGE_SIZE, offset: 0 }),
      },
      {
        // Another day each run: the analysis is kept per day and revision, so each run computes afresh.
        title: "Findings analysis, computed afresh (supervisor)",
        call: `analyseFindings(${users.supervisor}, no filters, <a day not asked for before>)`,
        run: () => analyseFindings(supervisor!, {}, new Date(Date.UTC(2000, 0, ++analysisDays))),
      },
      {
        title: "Notices, a page a thousand deep (supervisor)",
        call: `listNotifications(${users.supervisor}, { cursor: older than the 1,000th newest })`,
        run: async () => {
          const [deep] = await prisma.notification.findMany({
            where: { userId: supervisor!.id },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            skip: 999,
            take: 1,
            select: { createdAt: true, id: true },
          });
          return listNotifications(supervisor!, { cursor: deep ? { ...deep, toward: "older" } : undefined });
        },
      },
      {
        title: "Review queue count, the organ party committee's staff",
        call: `countReviewQueue(${users.reviewer})`,
        run: () => countReviewQueue(reviewer!),
      },
    ];
    const plans: Plan[] = [];
    for (const call of calls) {
      // Once to warm the caches as the server's were, then the run whose statements are kept.
      await call.run();
      captured = [];
      await call.run();
      const statements = captured.filter((c) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SET|SHOW)\b/i.test(c.text));
      const heaviest = [...statements].sort((a, b) => b.ms - a.ms)[0];
      if (!heaviest) continue;
      plans.push({
        title: call.title,
        call: call.call,
        statements: statements.length,
        ms: heaviest.ms,
        sql: heaviest.text.trim(),
        plan: await explain(heaviest.text, heaviest.values),
      });
    }
    return plans;
  } finally {
    restore();
    await closeConnection();
  }
}
