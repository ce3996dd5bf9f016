import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as ActorModule from "@/lib/server/auth/actor";
import type { Actor } from "@/lib/server/auth/actor";
import { importPublishedCatalog } from "@/lib/server/catalogs/import-catalog";
import { prisma } from "@/lib/server/db";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { readCatalogFile } from "@/prisma/seed/seed-demo";

// The route reads the session through getActor; here the session is whoever the test says.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/server/auth/actor", async (importOriginal) => ({
  ...(await importOriginal<typeof ActorModule>()),
  getActor: async () => session.actor,
}));

const { POST } = await import("@/app/catalogs/[versionId]/assign/route");

describe("the assignment route streams its progress", () => {
  let drop: () => Promise<void>;
  let body: { catalogVersionId: string; periodId: string; rootOrgId: string; orgTypes: string[]; dueShiftDays: number };

  beforeAll(async () => {
    drop = await useSeededDatabase("assign-route");
    const { versionId } = await prisma.$transaction((tx) => importPublishedCatalog(tx, readCatalogFile("shanxi-four-levels-sample"), TEST_NOW));
    const period = await prisma.period.findFirstOrThrow({ where: { quarter: 0 } });
    body = { catalogVersionId: versionId, periodId: period.id, rootOrgId: await orgId("WC"), orgTypes: ["BRANCH"], dueShiftDays: 0 };
  });
  afterAll(() => drop());

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    POST(
      new Request("http://ledger.test/catalogs/x/assign", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://ledger.test", host: "ledger.test", ...headers },
        body: JSON.stringify(payload),
      }),
    );

  async function lines(response: Response): Promise<unknown[]> {
    return (await response.text())
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as unknown);
  }

  it("sends progress per batch, then the result", async () => {
    session.actor = await actorFor("admin");
    const response = await post(body);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const all = await lines(response);
    const progress = all.slice(0, -1) as { progress: { orgsDone: number; orgsTotal: number; itemsCreated: number } }[];
    const branches = await prisma.org.count({ where: { type: "BRANCH" } });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.progress).toMatchObject({ orgsDone: branches, orgsTotal: branches });
    const items = await prisma.checklistItem.count({ where: { periodId: body.periodId, duty: { catalogVersionId: body.catalogVersionId } } });
    expect(all.at(-1)).toEqual({ ok: true, data: { assignmentsCreated: branches, itemsCreated: items } });
  });

  it("refuses other sites, bad input, strangers and administrators outside their subtree", async () => {
    session.actor = await actorFor("admin");
    expect((await post(body, { origin: "http://elsewhere.test" })).status).toBe(403);
    const bad = await post({ ...body, orgTypes: [] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: "validation", fieldErrors: { orgTypes: ["pickOrgType"] } });
    session.actor = null;
    expect((await post(body)).status).toBe(401);
    session.actor = await actorFor("u01-secretary");
    expect((await post(body)).status).toBe(404);
    session.actor = await actorWithRole("ADMIN", "U01");
    expect((await post(body)).status).toBe(404);
  });
});
