import type { RectificationState } from "@/lib/generated/prisma/enums";

/** The unit still owes work on these: they carry warning colours, can be overdue and escalate. */
export const FINDING_OPEN_STATES = ["OPEN", "IN_PROGRESS", "RETURNED"] as const satisfies readonly RectificationState[];

/** Not yet closed out: open, or waiting for the acceptances. */
export const FINDING_UNCLOSED_STATES = ["OPEN", "IN_PROGRESS", "SUBMITTED", "RETURNED"] as const satisfies readonly RectificationState[];

export const FINDING_STATES = ["OPEN", "IN_PROGRESS", "SUBMITTED", "RETURNED", "CLOSED"] as const satisfies readonly RectificationState[];

export const isFindingOpen = (state: RectificationState): boolean => (FINDING_OPEN_STATES as readonly RectificationState[]).includes(state);
