import { useTranslations } from "next-intl";
import { WarningBadge } from "@/components/checklists/warning-badge";
import { Badge } from "@/components/ui/badge";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { ItemWarning } from "@/lib/warnings";

const TONES = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "warn",
  SUBMITTED: "brand",
  DONE: "ok",
  NOT_APPLICABLE: "neutral",
  WITHDRAWN: "neutral",
} as const satisfies Record<ItemStatus, string>;

/**
 * The status, and beside it the item's three-colour warning. Without
 * `warning` (a caller that has not computed it) an overdue item still shows
 * its red badge.
 */
export function StatusBadge({ status, isOverdue, warning }: { status: ItemStatus; isOverdue: boolean; warning?: ItemWarning }) {
  const t = useTranslations("status");
  const shown = warning === undefined ? (isOverdue ? { colour: "red" as const, daysLeft: undefined } : null) : warning;
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status]}>{t(status)}</Badge>
      {shown ? <WarningBadge colour={shown.colour} daysLeft={shown.daysLeft} /> : null}
    </span>
  );
}
