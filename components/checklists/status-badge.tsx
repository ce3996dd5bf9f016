import { useTranslations } from "next-intl";
import { WarningBadge } from "@/components/checklists/warning-badge";
import { Badge } from "@/components/ui/badge";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { ItemWarning } from "@/lib/warnings";

const TONES = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "warn",
  RETURNED: "danger",
  SUBMITTED: "brand",
  DONE: "ok",
  NOT_APPLICABLE: "neutral",
  WITHDRAWN: "neutral",
} as const satisfies Record<ItemStatus, string>;

/**
 * The status, and beside it the item's three-colour warning. Without
 * `warning` (a caller that has not computed it) an overdue item still shows
 * its red badge. A returned item opens to the reviewer's comment, one click
 * (or Enter) away, wherever it is listed.
 */
export function StatusBadge({
  status,
  isOverdue,
  warning,
  reviewComment,
}: {
  status: ItemStatus;
  isOverdue: boolean;
  warning?: ItemWarning;
  reviewComment?: string | null;
}) {
  const t = useTranslations("status");
  const ti = useTranslations("item");
  const shown = warning === undefined ? (isOverdue ? { colour: "red" as const, daysLeft: undefined } : null) : warning;
  const badge = (
    <Badge tone={TONES[status]} data-testid="status-badge" data-status={status}>
      {t(status)}
    </Badge>
  );
  return (
    <span className="inline-flex flex-wrap items-start gap-1">
      {status === "RETURNED" && reviewComment ? (
        <details className="group" data-testid="returned-comment">
          <summary className="cursor-pointer list-none rounded-full focus-visible:outline-2 focus-visible:outline-brand [&::-webkit-details-marker]:hidden">
            {badge}
            <span className="sr-only"> {ti("showReturnComment")}</span>
          </summary>
          <p className="mt-1 max-w-xs rounded-md border border-red-200 bg-red-50 px-2 py-1 text-xs whitespace-pre-line text-danger">
            <span className="font-medium">{ti("returnComment")}</span>
            {reviewComment}
          </p>
        </details>
      ) : (
        badge
      )}
      {shown ? <WarningBadge colour={shown.colour} daysLeft={shown.daysLeft} /> : null}
    </span>
  );
}
