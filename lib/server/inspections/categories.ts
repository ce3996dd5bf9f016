import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/server/access/permissions";
import { writeAudit } from "@/lib/server/audit/write-audit";
import type { Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";
import { DomainError, NotFoundError, ValidationError } from "@/lib/server/errors";
import type { TSaveFindingCategory } from "@/lib/validation/finding-categories";

type Tx = Prisma.TransactionClient;

const categorySelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  sortOrder: true,
  isActive: true,
} satisfies Prisma.FindingCategorySelect;

export type FindingCategoryView = Prisma.FindingCategoryGetPayload<{ select: typeof categorySelect }>;

export type FindingCategoryUsage = FindingCategoryView & { findingCount: number };

const ORDER = [{ sortOrder: "asc" }, { code: "asc" }] satisfies Prisma.FindingCategoryOrderByWithRelationInput[];

/**
 * The categories of findings, in their order. With `activeOnly`, those a new
 * finding may take; `keepId` adds a retired one back, so that a finding
 * already in it keeps it when edited.
 */
export async function listFindingCategories(opts: { activeOnly?: boolean; keepId?: string } = {}): Promise<FindingCategoryView[]> {
  const where: Prisma.FindingCategoryWhereInput = opts.activeOnly
    ? { OR: [{ isActive: true }, ...(opts.keepId ? [{ id: opts.keepId }] : [])] }
    : {};
  return prisma.findingCategory.findMany({ where, orderBy: ORDER, select: categorySelect });
}

/** Every category with the number of findings in it, for the administrators' page. */
export async function listFindingCategoryUsage(): Promise<FindingCategoryUsage[]> {
  const rows = await prisma.findingCategory.findMany({ orderBy: ORDER, select: { ...categorySelect, _count: { select: { findings: true } } } });
  return rows.map(({ _count, ...category }) => ({ ...category, findingCount: _count.findings }));
}

/**
 * Whether a finding may be put in the category: an active one, or the one
 * it is in already (a retired category stays on the findings that have it).
 */
export async function isCategoryOffered(db: Tx, categoryId: string, currentCategoryId?: string | null): Promise<boolean> {
  if (categoryId === currentCategoryId) return true;
  return (await db.findingCategory.count({ where: { id: categoryId, isActive: true } })) > 0;
}

function audit(tx: Tx, actor: Actor, id: string, action: string, change: { before?: Prisma.InputJsonObject; after?: Prisma.InputJsonObject }) {
  return writeAudit(tx, { actorId: actor.id, action, entityType: "FindingCategory", entityId: id, orgId: null, ...change });
}

async function existing(tx: Tx, id: string): Promise<FindingCategoryView> {
  const category = await tx.findingCategory.findUnique({ where: { id }, select: categorySelect });
  if (!category) throw new NotFoundError();
  return category;
}

const codeTaken = () => new ValidationError("Category code already in use", { code: ["codeTaken"] });

/**
 * Adds a category, renames or reorders one, retires or restores one, or
 * moves it a place up or down. Categories are never deleted: findings keep
 * theirs, and a retired one is only no longer offered. The code is the
 * stable key of exports and reports, fixed once the category exists.
 */
export async function saveFindingCategory(actor: Actor, input: TSaveFindingCategory): Promise<{ id: string }> {
  if (!can(actor, "finding.category.edit")) throw new DomainError("forbidden", "Only administrators keep the finding categories");
  try {
    return await prisma.$transaction(async (tx) => {
      switch (input.op) {
        case "create": {
          if (await tx.findingCategory.findUnique({ where: { code: input.code }, select: { id: true } })) throw codeTaken();
          const data = { code: input.code, name: input.name, nameEn: input.nameEn || null, sortOrder: input.sortOrder };
          const created = await tx.findingCategory.create({ data, select: { id: true } });
          await audit(tx, actor, created.id, "findingCategory.create", { after: data });
          return created;
        }
        case "update": {
          const before = await existing(tx, input.id);
          const data = { name: input.name, nameEn: input.nameEn || null, sortOrder: input.sortOrder };
          await tx.findingCategory.update({ where: { id: before.id }, data });
          await audit(tx, actor, before.id, "findingCategory.update", {
            before: { name: before.name, nameEn: before.nameEn, sortOrder: before.sortOrder },
            after: data,
          });
          return { id: before.id };
        }
        case "setActive": {
          const before = await existing(tx, input.id);
          if (before.isActive !== input.isActive) {
            await tx.findingCategory.update({ where: { id: before.id }, data: { isActive: input.isActive } });
            await audit(tx, actor, before.id, input.isActive ? "findingCategory.restore" : "findingCategory.retire", {
              before: { isActive: before.isActive },
              after: { isActive: input.isActive },
            });
          }
          return { id: before.id };
        }
        case "move":
          return moveCategory(tx, actor, input.id, input.direction);
      }
    });
  } catch (error) {
    // Two administrators adding the same code at once: the unique index has the last word.
    if (input.op === "create" && (error as { code?: string } | null)?.code === "P2002") throw codeTaken();
    throw error;
  }
}

/**
 * Swaps the category with its neighbour in the list's order. The whole list
 * is renumbered in tens when two orders are equal, so that a move always
 * shows; otherwise only the two rows change.
 */
async function moveCategory(tx: Tx, actor: Actor, id: string, direction: "up" | "down"): Promise<{ id: string }> {
  await tx.$queryRaw`SELECT "id" FROM "FindingCategory" ORDER BY "id" FOR UPDATE`;
  const all = await tx.findingCategory.findMany({ orderBy: ORDER, select: { id: true, sortOrder: true } });
  const index = all.findIndex((c) => c.id === id);
  if (index < 0) throw new NotFoundError();
  const other = direction === "up" ? index - 1 : index + 1;
  if (other < 0 || other >= all.length) return { id };
  const orders = all.map((c) => c.sortOrder);
  const distinct = new Set(orders).size === orders.length;
  const moved = [...all];
  [moved[index], moved[other]] = [moved[other]!, moved[index]!];
  const next = distinct ? [...orders].sort((a, b) => a - b) : moved.map((_, i) => (i + 1) * 10);
  for (const [i, category] of moved.entries()) {
    const sortOrder = next[i]!;
    if (category.sortOrder !== sortOrder) await tx.findingCategory.update({ where: { id: category.id }, data: { sortOrder } });
  }
  await audit(tx, actor, id, "findingCategory.move", { before: { sortOrder: all[index]!.sortOrder }, after: { sortOrder: next[other]!, direction } });
  return { id };
}
