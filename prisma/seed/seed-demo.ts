import fs from "node:fs";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { currentYear, today } from "../../lib/dates";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { ItemStatus, OrgType } from "../../lib/generated/prisma/enums";
import { importPublishedCatalog } from "../../lib/server/catalogs/import-catalog";
import { applyAssignment } from "../../lib/server/assignments/assignment-core";
import { periodRange } from "../../lib/server/checklists/recurrence";
import { ZCatalogFile, type TCatalogFile } from "../../lib/validation/catalog-file";
import { DEMO_PASSWORD, DEMO_TREE, DEMO_USERS, type DemoOrg } from "./demo-orgs";
import { seedDemoGrading } from "./seed-grading";
import { seedDemoProjects } from "./seed-projects";
import { seedPreviousYearRatings } from "./seed-ratings";
import { seedDemoTerms } from "./seed-terms";

export const CATALOG_DIR = path.join(process.cwd(), "prisma", "catalogs");
const DEMO_CATALOGS = ["shandong-style-sample", "organ-party-committee-art10-sample", "branch-five-basics-sample"];

export class NonDemoDataError extends Error {
  constructor() {
    super(
      "This database holds organizations or users that are not demo data. The demo seed refuses to mix with them; " +
        "run it with --force (or SEED_FORCE=1) if you really mean to add demo data here.",
    );
    this.name = "NonDemoDataError";
  }
}

export function readCatalogFile(key: string): TCatalogFile {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(CATALOG_DIR, `${key}.json`), "utf8"));
  return ZCatalogFile.parse(raw);
}

/** A stable number in [0, 1) from a string, so the demo looks the same on every run and machine. */
function unitHash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

/** How diligent each demo unit is, so that the progress table has leaders and laggards. */
const UNIT_DILIGENCE: Record<string, number> = { U01: 0.9, U02: 0.8, U03: 0.55, U04: 0.85, U05: 0.95, U06: 0.7, U07: 0.75, U08: 0.6 };

function demoStatus(key: string, dueDate: Date, day: Date): ItemStatus {
  const roll = unitHash(key);
  const diligence = UNIT_DILIGENCE[key.slice(0, 3)] ?? 0.85;
  if (dueDate < day) return roll < diligence ? "DONE" : roll < diligence + (1 - diligence) / 2 ? "IN_PROGRESS" : "NOT_STARTED";
  return roll < diligence * 0.3 ? "DONE" : roll < diligence * 0.5 ? "IN_PROGRESS" : "NOT_STARTED";
}

export type SeedResult = { orgs: number; users: number; items: number; createdItems: number };

/**
 * Builds the demo province. Idempotent: every row is found by its natural key
 * and created only when missing, so a second run leaves the data as it was.
 */
export async function seedDemo(prisma: PrismaClient, options: { force?: boolean; now?: Date } = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const day = today(now);
  const year = currentYear(now);

  if (!options.force) {
    const foreign =
      (await prisma.org.count({ where: { isDemo: false } })) + (await prisma.user.count({ where: { isDemo: false } }));
    if (foreign > 0) throw new NonDemoDataError();
  }

  // Organizations, parents before children.
  const orgs = new Map<string, { id: string; type: OrgType; path: string }>();
  async function upsertOrg(node: DemoOrg, parent: { id: string; path: string; depth: number } | null, sortOrder: number) {
    const existing = await prisma.org.findUnique({ where: { code: node.code }, select: { id: true, path: true, depth: true } });
    const org =
      existing ??
      (await prisma.$transaction(async (tx) => {
        const created = await tx.org.create({
          data: {
            code: node.code,
            name: node.name,
            nameEn: node.nameEn,
            type: node.type,
            parentId: parent?.id ?? null,
            path: `pending:${node.code}`,
            depth: parent ? parent.depth + 1 : 0,
            sortOrder,
            isDemo: true,
          },
        });
        return tx.org.update({
          where: { id: created.id },
          data: { path: `${parent?.path ?? "/"}${created.id}/` },
          select: { id: true, path: true, depth: true },
        });
      }));
    orgs.set(node.code, { id: org.id, type: node.type, path: org.path });
    for (const [index, child] of (node.children ?? []).entries()) await upsertOrg(child, org, index);
  }
  await upsertOrg(DEMO_TREE, null, 0);

  // Users and their roles.
  const passwordHash = await hash(DEMO_PASSWORD);
  const users = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await prisma.user.upsert({
      where: { username: u.username },
      create: { username: u.username, name: u.name, passwordHash, isDemo: true, locale: u.locale ?? "zh" },
      update: {},
      select: { id: true },
    });
    users.set(u.username, user.id);
    for (const g of u.grants) {
      const org = orgs.get(g.org);
      if (!org) throw new Error(`Demo user ${u.username} names unknown org ${g.org}`);
      await prisma.roleGrant.upsert({
        where: { userId_orgId_role: { userId: user.id, orgId: org.id, role: g.role } },
        create: { userId: user.id, orgId: org.id, role: g.role },
        update: {},
      });
    }
  }

  // The year and its quarters.
  const periodIds = new Map<number, string>();
  for (const quarter of [0, 1, 2, 3, 4]) {
    const { startsOn, endsOn } = periodRange(year, quarter);
    const period = await prisma.period.upsert({
      where: { year_quarter: { year, quarter } },
      create: { year, quarter, kind: quarter === 0 ? "YEAR" : "QUARTER", startsOn, endsOn },
      update: {},
      select: { id: true },
    });
    periodIds.set(quarter, period.id);
  }
  const periodId = periodIds.get(0) as string;

  // Sample catalogs, assigned for the year to every organization whose type they address.
  const root = orgs.get(DEMO_TREE.code);
  if (!root) throw new Error("demo tree has no root");
  let createdItems = 0;
  for (const key of DEMO_CATALOGS) {
    const file = readCatalogFile(key);
    const { versionId } = await prisma.$transaction((tx) => importPublishedCatalog(tx, file, now));
    const orgTypes = [...new Set(file.duties.map((d) => d.bodyType))];
    const result = await applyAssignment(
      prisma,
      // Only demo organizations: a forced seed never hands sample lists to real ones.
      { catalogVersionId: versionId, periodId, rootOrgId: root.id, orgTypes, orgIds: [...orgs.values()].map((o) => o.id) },
      { actorId: null },
    );
    createdItems += result.itemsCreated;
  }
  await setDemoProgress(prisma, { orgs, users, periodId, day, now });
  // Committee terms in every state of the term ledger, with some history, talks and head changes.
  await seedDemoTerms(prisma, orgs, day);
  // Last year rated and published, so that this year's ranking shows a trend.
  await seedPreviousYearRatings(prisma, orgs, year - 1);
  // Two secretary projects of this year, in colour.
  await seedDemoProjects(prisma, orgs, users, day, year);
  // Branch grades of last year and this, some awaiting the committee's confirmation.
  await seedDemoGrading(prisma, orgs, users, now, year);

  return {
    orgs: orgs.size,
    users: users.size,
    items: await prisma.checklistItem.count({ where: { periodId } }),
    createdItems,
  };
}

/**
 * Gives the demo items a plausible state: most past-due items done, some
 * open (overdue), some later ones started. Only items nobody has touched
 * (version 1, not started) are set, and always to the same state, so a
 * second run changes nothing and never undoes what a user did.
 */
async function setDemoProgress(
  prisma: PrismaClient,
  ctx: { orgs: Map<string, { id: string }>; users: Map<string, string>; periodId: string; day: Date; now: Date },
): Promise<void> {
  const codeOf = new Map([...ctx.orgs].map(([code, org]) => [org.id, code]));
  const completerFor = (orgCode: string): string | null => {
    const unitCode = orgCode.replace(/-.*$/, "");
    for (const code of [orgCode, unitCode]) {
      const holder = DEMO_USERS.find((u) => u.grants.some((g) => g.org === code && (g.role === "SECRETARY" || g.role === "STAFF")));
      if (holder) return ctx.users.get(holder.username) ?? null;
    }
    return null;
  };
  const items = await prisma.checklistItem.findMany({
    where: { periodId: ctx.periodId, version: 1, status: "NOT_STARTED", completedAt: null },
    select: { id: true, orgId: true, occurrence: true, dueDate: true, duty: { select: { code: true } } },
  });
  const groups = new Map<string, { status: ItemStatus; completer: string | null; ids: string[] }>();
  for (const item of items) {
    const orgCode = codeOf.get(item.orgId);
    if (!orgCode) continue;
    const status = demoStatus(`${orgCode}/${item.duty.code}/${item.occurrence}`, item.dueDate, ctx.day);
    if (status === "NOT_STARTED") continue;
    const completer = status === "DONE" ? completerFor(orgCode) : null;
    const key = `${status}/${completer ?? ""}`;
    const group = groups.get(key) ?? { status, completer, ids: [] };
    group.ids.push(item.id);
    groups.set(key, group);
  }
  const yesterday = new Date(ctx.now.getTime() - 86_400_000);
  for (const group of groups.values()) {
    if (group.status === "DONE") {
      await prisma.$executeRaw`
        UPDATE "ChecklistItem"
           SET "status" = 'DONE', "completedById" = ${group.completer},
               "completedAt" = LEAST("dueDate" - interval '3 days', ${yesterday}::timestamp),
               "note" = ${"已按要求完成，材料已归档。"}
         WHERE "id" = ANY (${group.ids}::text[])`;
    } else {
      await prisma.checklistItem.updateMany({
        where: { id: { in: group.ids } },
        data: { status: group.status, note: "正在推进，材料整理中。" },
      });
    }
  }
}
