import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInput } from "@/lib/server/action";
import { authorize } from "@/lib/server/access/authorize";
import type { Actor } from "@/lib/server/auth/actor";
import { getCatalogVersion } from "@/lib/server/catalogs/catalogs";
import { getChecklistItem } from "@/lib/server/checklists/get-checklist-item";
import { listChecklistItems } from "@/lib/server/checklists/list-checklist-items";
import { NotFoundError } from "@/lib/server/errors";
import { getEvidenceFileDownload } from "@/lib/server/evidence/read-evidence";
import { assertRecordTakesFiles, RECORD_KINDS } from "@/lib/server/evidence/record-files";
import { assertFindingTakesEvidence } from "@/lib/server/inspections/finding-evidence";
import { countFindings, ZFindingFilters } from "@/lib/server/inspections/list-findings";
import { getFinding, getReport, getRound } from "@/lib/server/inspections/queries";
import { getOrg } from "@/lib/server/orgs/list-orgs";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { getOrgTerms } from "@/lib/server/terms/get-org-terms";
import { actorFor, itemOf } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";
import { ZChecklistFilters, ZSubmitItem } from "@/lib/validation/checklists";
import { ZSaveFinding } from "@/lib/validation/inspections";
import { readSearchParams } from "@/lib/validation/search-params";

// PostgreSQL refuses a NUL in text: a query with one fails with a database
// error (a 500), where a user should read "not found" or a field's message.
const NUL_IDS = ["a\u0000b", "\u0000", "cmbq8x2v4\u00000000abcd1234"];
const WELL_FORMED_MISSING = "cmbq8x2v40000abcd1234efgh";

let drop: () => Promise<void>;
let admin: Actor;
let secretary: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("malformed-input");
  admin = await actorFor("admin");
  secretary = await actorFor("u01-secretary");
});
afterAll(() => drop());

describe("an id that cannot name a record reads as not found, before any query", () => {
  const getters: [string, (id: string) => Promise<unknown>][] = [
    ["a checklist item", (id) => getChecklistItem(secretary, id)],
    ["an organization", (id) => getOrg(admin, "checklist.read", id)],
    ["a finding", (id) => getFinding(admin, id)],
    ["an inspection round", (id) => getRound(admin, id)],
    ["an inspection report", (id) => getReport(admin, id)],
    ["a list version", (id) => getCatalogVersion(admin, id)],
    ["an evidence file", (id) => getEvidenceFileDownload(admin, id)],
    ["a finding taking evidence", (id) => assertFindingTakesEvidence(admin, id)],
    ...RECORD_KINDS.map((kind): [string, (id: string) => Promise<unknown>] => [`a record taking files (${kind})`, (id) => assertRecordTakesFiles(admin, kind, id)]),
    ["an item page's guard", (id) => authorize(secretary, "page:/checklists/[itemId]", { itemId: id })],
    ["an organization page's guard", (id) => authorize(secretary, "page:/orgs/[orgId]", { orgId: id })],
    ["an organization's terms", (id) => getOrgTerms(admin, id)],
    ["an organization's term page's guard", (id) => authorize(secretary, "page:/terms/[orgId]", { orgId: id })],
  ];

  it.each(getters)("%s", async (_name, get) => {
    for (const id of [...NUL_IDS, WELL_FORMED_MISSING]) {
      await expect(get(id), JSON.stringify(id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("an action's input with such an id answers not found, and other bad input stays a field's message", async () => {
    const item = await itemOf("U01");
    expect(parseInput(ZSubmitItem, { itemId: "a\u0000b", expectedVersion: 1, note: "" })).toEqual({ ok: false, error: "not_found" });
    expect(parseInput(ZSaveFinding, { reportId: "x", description: "问题", categoryId: "fcat-theory", severity: "LOW", itemId: "a\u0000b" })).toEqual({
      ok: false,
      error: "not_found",
    });
    expect(parseInput(ZSubmitItem, { itemId: item.id, expectedVersion: item.version, note: "做了\u0000什么" })).toEqual({
      ok: false,
      error: "validation",
      fieldErrors: { note: ["unstorableText"] },
    });
  });
});

describe("search words with a NUL are refused by the lists' parsing, which the lists then run without them", () => {
  it("the checklist", async () => {
    const period = await getCurrentPeriod(TEST_NOW);
    if (!period) throw new Error("no period");
    const { values, errors } = readSearchParams(ZChecklistFilters, { q: "换届\u0000选举", status: "open" });
    expect(errors.q).toBe("unstorableText");
    const { page: _page, period: _period, ...filters } = values;
    const query = { ...filters, periodId: period.id, now: TEST_NOW };
    const unfiltered = await listChecklistItems(secretary, { periodId: period.id, status: "open", now: TEST_NOW });
    expect((await listChecklistItems(secretary, query)).total).toBe(unfiltered.total);
    expect(unfiltered.total).toBeGreaterThan(0);
  });

  it("the rectification ledger", async () => {
    const { values, errors } = readSearchParams(ZFindingFilters, { q: "\u0000", open: "1", round: "a\u0000b" });
    expect(errors).toEqual({ q: "unstorableText" });
    expect(values).toMatchObject({ open: true });
    expect(values.round).toBeUndefined();
    expect(await countFindings(admin, values, TEST_NOW)).toBe(await countFindings(admin, { open: true }, TEST_NOW));
  });
});
