import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { today } from "@/lib/dates";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/auth/actor";
import { warningColour, warningThresholds } from "@/lib/warnings";
import { prisma } from "@/lib/server/db";
import { countUnread } from "@/lib/server/notifications/list-notifications";
import { raiseWarningNotices } from "@/lib/server/notifications/raise-warnings";
import { setOptOuts } from "@/lib/server/notifications/opt-outs";
import { getCurrentPeriod } from "@/lib/server/periods/get-current-period";
import { actorFor, actorWithRole, orgId } from "@/lib/test/actors";
import { TEST_NOW, useSeededDatabase } from "@/lib/test/seeded-database";

let drop: () => Promise<void>;
let branch: Actor;
let u01: Actor;
let staff: Actor;
/** Another worker on the branch who turned red warnings off. */
let quiet: Actor;
/** A person and an organization's secretary that items are delegated to. */
let delegate: Actor;
let b2Secretary: Actor;
let gone: Actor;
const items: Record<"red" | "dueToday" | "tenDays" | "elevenDays" | "done" | "submitted", { id: string; due: string; status: ItemStatus }> = {} as never;

beforeAll(async () => {
  drop = await useSeededDatabase("warn-notices");
  const periodId = (await getCurrentPeriod(TEST_NOW))!.id;
  [branch, u01, staff] = await Promise.all([actorFor("u01-branch"), actorFor("u01-secretary"), actorFor("u01-staff")]);
  quiet = await actorWithRole("STAFF", "U01-B1");
  await setOptOuts(quiet, ["ITEM_RED"]);
  delegate = await actorWithRole("STAFF", "U01-B2");
  b2Secretary = await actorWithRole("SECRETARY", "U01-B2");
  gone = await actorWithRole("SECRETARY", "U01-B1");
  await prisma.user.update({ where: { id: gone.id }, data: { isActive: false } });

  // TEST_NOW is 2026-11-25 in Beijing; with the default thresholds yellow starts 10 days ahead.
  const setups = {
    red: { due: "2026-11-24", status: "NOT_STARTED" },
    dueToday: { due: "2026-11-25", status: "NOT_STARTED" },
    tenDays: { due: "2026-12-05", status: "IN_PROGRESS" },
    elevenDays: { due: "2026-12-06", status: "NOT_STARTED" },
    done: { due: "2026-11-20", status: "DONE" },
    submitted: { due: "2026-11-20", status: "SUBMITTED" },
  } as const;
  const picked = await prisma.checklistItem.findMany({ where: { org: { code: "U01-B1" }, periodId }, select: { id: true }, orderBy: { id: "asc" }, take: 6 });
  for (const [index, [name, setup]] of Object.entries(setups).entries()) {
    const id = picked[index]!.id;
    await prisma.checklistItem.update({ where: { id }, data: { dueDate: new Date(`${setup.due}T00:00:00Z`), status: setup.status } });
    items[name as keyof typeof items] = { id, ...setup };
  }
  // Due today, delegated to another branch; ten days ahead, delegated to a person.
  await prisma.checklistItem.update({ where: { id: items.dueToday.id }, data: { delegatedOrgId: await orgId("U01-B2") } });
  await prisma.checklistItem.update({ where: { id: items.tenDays.id }, data: { delegatedToId: delegate.id } });
});
afterAll(() => drop());

const noticesOn = (itemId: string) =>
  prisma.notification.findMany({ where: { itemId, kind: { in: ["ITEM_YELLOW", "ITEM_RED"] } }, select: { userId: true, kind: true, payload: true, dedupeKey: true } });

const recipients = async (itemId: string) => (await noticesOn(itemId)).map((n) => `${n.kind}:${n.userId}`).sort();

describe("warning notices", () => {
  it("warns the people on the item's organization and its delegates of yellow and red items, once per due date", async () => {
    const first = await raiseWarningNotices(prisma, TEST_NOW);
    expect(first.noticesCreated).toBeGreaterThan(0);

    expect(await recipients(items.red.id)).toEqual([`ITEM_RED:${branch.id}`]);
    expect(await recipients(items.dueToday.id)).toEqual([`ITEM_YELLOW:${b2Secretary.id}`, `ITEM_YELLOW:${branch.id}`, `ITEM_YELLOW:${delegate.id}`, `ITEM_YELLOW:${quiet.id}`].sort());
    expect(await recipients(items.tenDays.id)).toEqual([`ITEM_YELLOW:${branch.id}`, `ITEM_YELLOW:${delegate.id}`, `ITEM_YELLOW:${quiet.id}`].sort());
    for (const name of ["elevenDays", "done", "submitted"] as const) expect(await recipients(items[name].id), name).toEqual([]);
    // Not the people above the organization, nor an inactive user.
    for (const who of [u01, staff, gone]) {
      expect(await prisma.notification.count({ where: { userId: who.id, itemId: { in: Object.values(items).map((i) => i.id) } } })).toBe(0);
    }

    // The same colours as the ledger shows.
    const day = today(TEST_NOW);
    for (const item of Object.values(items)) {
      const colour = warningColour(item.status, new Date(`${item.due}T00:00:00Z`), day, warningThresholds());
      const kinds = [...new Set((await noticesOn(item.id)).map((n) => n.kind))];
      expect(kinds, item.due).toEqual(colour === "red" ? ["ITEM_RED"] : colour === "yellow" ? ["ITEM_YELLOW"] : []);
    }

    const [notice] = await noticesOn(items.red.id);
    expect(notice).toMatchObject({ payload: { dueDate: "2026-11-24" }, dedupeKey: `ITEM_RED:${items.red.id}:2026-11-24:${branch.id}` });
    expect(await countUnread(branch)).toBeGreaterThanOrEqual(3);

    const second = await raiseWarningNotices(prisma, TEST_NOW);
    expect(second).toEqual({ itemsWarned: first.itemsWarned, noticesCreated: 0 });
    expect(await recipients(items.red.id)).toEqual([`ITEM_RED:${branch.id}`]);
  });

  it("warns again when the colour turns or the due date moves, and never of a kind turned off", async () => {
    // A day later the item due today is overdue: red for those who still want red notices.
    await raiseWarningNotices(prisma, new Date(TEST_NOW.getTime() + 86_400_000));
    expect(await recipients(items.dueToday.id)).toEqual(
      [
        `ITEM_YELLOW:${b2Secretary.id}`,
        `ITEM_YELLOW:${branch.id}`,
        `ITEM_YELLOW:${delegate.id}`,
        `ITEM_YELLOW:${quiet.id}`,
        `ITEM_RED:${b2Secretary.id}`,
        `ITEM_RED:${branch.id}`,
        `ITEM_RED:${delegate.id}`,
      ].sort(),
    );

    await prisma.checklistItem.update({ where: { id: items.red.id }, data: { dueDate: new Date("2026-11-23T00:00:00Z") } });
    await raiseWarningNotices(prisma, TEST_NOW);
    expect((await noticesOn(items.red.id)).map((n) => n.dedupeKey).sort()).toEqual(
      [`ITEM_RED:${items.red.id}:2026-11-23:${branch.id}`, `ITEM_RED:${items.red.id}:2026-11-24:${branch.id}`].sort(),
    );
    expect(await prisma.notification.count({ where: { userId: quiet.id, kind: "ITEM_RED" } })).toBe(0);
  });

  it("warns of nothing once the item is done", async () => {
    await prisma.checklistItem.update({ where: { id: items.tenDays.id }, data: { status: "DONE" } });
    const before = await noticesOn(items.tenDays.id);
    await raiseWarningNotices(prisma, new Date("2026-12-10T04:00:00Z"));
    expect(await noticesOn(items.tenDays.id)).toEqual(before);
  });
});
