import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { DomainError, ValidationError } from "@/lib/server/errors";
import { isCategoryOffered, listFindingCategories, listFindingCategoryUsage, saveFindingCategory } from "@/lib/server/inspections/categories";
import { actorFor } from "@/lib/test/actors";
import { useSeededDatabase } from "@/lib/test/seeded-database";
import { ZSaveFindingCategory } from "@/lib/validation/finding-categories";

let drop: () => Promise<void>;
let admin: Actor;
let supervisor: Actor;

beforeAll(async () => {
  drop = await useSeededDatabase("finding-categories");
  [admin, supervisor] = await Promise.all([actorFor("admin"), actorFor("supervisor")]);
});
afterAll(() => drop());

const fieldErrors = (raw: unknown) => {
  const parsed = ZSaveFindingCategory.safeParse(raw);
  return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ValidationError) return `validation:${Object.values(error.fieldErrors)[0]?.[0]}`;
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return "accepted";
}

const create = (code: string, sortOrder = 200) => ZSaveFindingCategory.parse({ op: "create", code, name: `类别${code}`, nameEn: "", sortOrder });

describe("finding categories", () => {
  it("lists the seeded categories in their order", async () => {
    const codes = (await listFindingCategories()).map((c) => c.code);
    expect(codes.slice(0, 3)).toEqual(["POLITICAL", "THEORY", "ORG_LIFE"]);
    expect(codes).toContain("OTHER");
  });

  it("validates the form: a code of capitals, digits and underscores; names not empty", () => {
    expect(fieldErrors({ op: "create", code: "public security", name: "公共", nameEn: "", sortOrder: 1 })).toEqual({ code: "code" });
    expect(fieldErrors({ op: "create", code: "ok_code", name: "   ", nameEn: "", sortOrder: 1 })).toEqual({ name: "required" });
    expect(fieldErrors({ op: "update", id: "fcat-other", name: "其他", nameEn: "", sortOrder: -1 })).toEqual({ sortOrder: "notNegative" });
    // Lower case is taken as upper case.
    expect(ZSaveFindingCategory.parse({ op: "create", code: " safety ", name: "安全", nameEn: "", sortOrder: 1 })).toMatchObject({ code: "SAFETY" });
  });

  it("adds a category with a unique code, audited; a second one with the code is refused", async () => {
    const { id } = await saveFindingCategory(admin, create("IDEOLOGY", 95));
    expect(await prisma.findingCategory.findUniqueOrThrow({ where: { id } })).toMatchObject({ code: "IDEOLOGY", name: "类别IDEOLOGY", nameEn: null, sortOrder: 95, isActive: true });
    expect(await prisma.auditLog.count({ where: { entityType: "FindingCategory", entityId: id, action: "findingCategory.create", actorId: admin.id } })).toBe(1);
    expect(await refusal(saveFindingCategory(admin, create("IDEOLOGY")))).toBe("validation:codeTaken");
    expect(await refusal(saveFindingCategory(admin, create("CONDUCT")))).toBe("validation:codeTaken");
    const codes = (await listFindingCategories()).map((c) => c.code);
    expect(codes.indexOf("IDEOLOGY")).toBe(codes.indexOf("RECORDS") + 1);
  });

  it("renames a category, keeping its code", async () => {
    const { id } = await saveFindingCategory(admin, create("RENAME_ME"));
    await saveFindingCategory(admin, ZSaveFindingCategory.parse({ op: "update", id, name: "  意识形态工作 ", nameEn: "Ideological work", sortOrder: 5 }));
    expect(await prisma.findingCategory.findUniqueOrThrow({ where: { id } })).toMatchObject({ code: "RENAME_ME", name: "意识形态工作", nameEn: "Ideological work", sortOrder: 5 });
  });

  it("retires a category: no longer offered, still on its findings, and restored", async () => {
    const { id } = await saveFindingCategory(admin, create("RETIRE_ME"));
    await saveFindingCategory(admin, { op: "setActive", id, isActive: false });
    expect((await listFindingCategories({ activeOnly: true })).map((c) => c.id)).not.toContain(id);
    expect((await listFindingCategories({ activeOnly: true, keepId: id })).map((c) => c.id)).toContain(id);
    expect((await listFindingCategories()).find((c) => c.id === id)).toMatchObject({ isActive: false });
    expect(await isCategoryOffered(prisma, id)).toBe(false);
    expect(await isCategoryOffered(prisma, id, id)).toBe(true);
    expect(await prisma.auditLog.count({ where: { entityId: id, action: "findingCategory.retire" } })).toBe(1);

    await saveFindingCategory(admin, { op: "setActive", id, isActive: true });
    expect((await listFindingCategories({ activeOnly: true })).map((c) => c.id)).toContain(id);
    expect(await isCategoryOffered(prisma, id)).toBe(true);
  });

  it("moves a category a place up and down", async () => {
    const order = async () => (await listFindingCategories()).map((c) => c.code);
    const before = await order();
    await saveFindingCategory(admin, { op: "move", id: "fcat-theory", direction: "up" });
    const moved = await order();
    expect(moved.indexOf("THEORY")).toBe(before.indexOf("POLITICAL"));
    expect(moved.indexOf("POLITICAL")).toBe(before.indexOf("THEORY"));
    await saveFindingCategory(admin, { op: "move", id: "fcat-theory", direction: "down" });
    expect(await order()).toEqual(before);
    // The first cannot go further up.
    const first = (await listFindingCategories())[0]!;
    await saveFindingCategory(admin, { op: "move", id: first.id, direction: "up" });
    expect(await order()).toEqual(before);
  });

  it("moves apart two categories of the same order", async () => {
    const a = await saveFindingCategory(admin, create("SAME_A", 500));
    const b = await saveFindingCategory(admin, create("SAME_B", 500));
    await saveFindingCategory(admin, { op: "move", id: b.id, direction: "up" });
    const codes = (await listFindingCategories()).map((c) => c.code);
    expect(codes.indexOf("SAME_B")).toBe(codes.indexOf("SAME_A") - 1);
    expect(a.id).not.toBe(b.id);
  });

  it("counts the findings in each category and lets only administrators change the list", async () => {
    const usage = await listFindingCategoryUsage();
    expect(usage.every((c) => typeof c.findingCount === "number")).toBe(true);
    expect(await refusal(saveFindingCategory(supervisor, create("NOPE")))).toBe("forbidden");
    expect(await refusal(saveFindingCategory(admin, { op: "setActive", id: "nosuch", isActive: false }))).toBe("not_found");
  });
});
