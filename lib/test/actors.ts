import type { Role } from "@/lib/generated/prisma/enums";
import { loadActor, type Actor } from "@/lib/server/auth/actor";
import { prisma } from "@/lib/server/db";

export async function actorFor(username: string): Promise<Actor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
  const actor = await loadActor(user.id);
  if (!actor) throw new Error(`no actor ${username}`);
  return actor;
}

/** A fresh user holding exactly one role on one organization (by code). */
export async function actorWithRole(role: Role, orgCode: string): Promise<Actor> {
  const org = await prisma.org.findUniqueOrThrow({ where: { code: orgCode }, select: { id: true } });
  const username = `t-${role.toLowerCase()}-${orgCode.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  const user = await prisma.user.create({
    data: { username, name: username, passwordHash: "x", roles: { create: { orgId: org.id, role } } },
    select: { id: true },
  });
  const actor = await loadActor(user.id);
  if (!actor) throw new Error("actor not loaded");
  return actor;
}

export async function orgId(code: string): Promise<string> {
  return (await prisma.org.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
}

/** Some checklist item of the organization with this code. */
export async function itemOf(code: string, status?: "NOT_STARTED" | "DONE"): Promise<{ id: string; version: number }> {
  return prisma.checklistItem.findFirstOrThrow({
    where: { org: { code }, ...(status ? { status } : {}) },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
  });
}

/** Backs an item with a piece of text evidence, so that duties requiring evidence can be submitted. */
export async function withEvidence(itemId: string, title = "会议纪要"): Promise<void> {
  const item = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId }, select: { orgId: true } });
  await prisma.evidence.create({ data: { orgId: item.orgId, kind: "TEXT", title, text: title, items: { create: { itemId } } } });
}
