import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { RectificationState } from "@/lib/generated/prisma/enums";

const TONES = {
  OPEN: "neutral",
  IN_PROGRESS: "brand",
  SUBMITTED: "warn",
  RETURNED: "danger",
  CLOSED: "ok",
} as const satisfies Record<RectificationState, string>;

/** A finding's rectification state in words. */
export function FindingStateBadge({ state }: { state: RectificationState }) {
  const t = useTranslations("rectification.state");
  return (
    <Badge tone={TONES[state]} data-testid="finding-state" data-state={state}>
      {t(state)}
    </Badge>
  );
}
