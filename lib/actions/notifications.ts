"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/server/action";
import { markAllRead, markRead } from "@/lib/server/notifications/mark-read";
import { setOptOuts } from "@/lib/server/notifications/opt-outs";
import { NOTIFICATION_KINDS, ZMarkAllNotificationsRead, ZMarkNotificationsRead, ZNotificationPreferences } from "@/lib/validation/notifications";

// Each handler works on the actor's own notices only; ids of anybody else's are ignored.

export const markNotificationsRead = defineAction("action:markNotificationsRead", ZMarkNotificationsRead, () => undefined, async (actor, { ids }) => {
  const marked = await markRead(actor, ids);
  revalidatePath("/", "layout");
  return { marked };
});

export const markAllNotificationsRead = defineAction("action:markAllNotificationsRead", ZMarkAllNotificationsRead, () => undefined, async (actor) => {
  const marked = await markAllRead(actor);
  revalidatePath("/", "layout");
  return { marked };
});

export const saveNotificationPreferences = defineAction("action:saveNotificationPreferences", ZNotificationPreferences, () => undefined, async (actor, { enabled }) => {
  const off = await setOptOuts(actor, NOTIFICATION_KINDS.filter((kind) => !enabled[kind]));
  revalidatePath("/", "layout");
  return { off };
});
