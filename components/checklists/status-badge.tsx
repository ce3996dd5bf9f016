import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

const TONES = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "warn",
  SUBMITTED: "brand",
  DONE: "ok",
  NOT_APPLICABLE: "neutral",
  WITHDRAWN: "neutral",
} as const satisfies Record<ItemStatus, string>;

export function StatusBadge({ status, isOverdue }: { status: ItemStatus; isOverdue: boolean }) {
  const t = useTranslations("status");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone={TONES[status]}>{t(status)}</Badge>
      {isOverdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
    </span>
  );
}
