import type { ItemStatus } from "@/lib/generated/prisma/enums";

/** Still to be worked on by the organization (a returned item too): these get warning colours and can be overdue. */
export const OPEN_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "RETURNED"] as const satisfies readonly ItemStatus[];

/** Still alive for a list change (moving to a new version): open or waiting for review. */
export const LIVE_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "RETURNED", "SUBMITTED"] as const satisfies readonly ItemStatus[];

/** Settled by a reviewer (or without one): their history is kept as it is. */
export const SETTLED_STATUSES = ["DONE", "NOT_APPLICABLE"] as const satisfies readonly ItemStatus[];

/** Not part of the work any more: neither counted in totals nor in progress. */
export const UNCOUNTED_STATUSES = ["NOT_APPLICABLE", "WITHDRAWN"] as const satisfies readonly ItemStatus[];

export const isOpen = (status: ItemStatus): boolean => (OPEN_STATUSES as readonly ItemStatus[]).includes(status);
export const isLive = (status: ItemStatus): boolean => (LIVE_STATUSES as readonly ItemStatus[]).includes(status);
export const isSettled = (status: ItemStatus): boolean => (SETTLED_STATUSES as readonly ItemStatus[]).includes(status);
