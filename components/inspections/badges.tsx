import { useTranslations } from "next-intl";
import { WarningBadge } from "@/components/checklists/warning-badge";
import { Badge } from "@/components/ui/badge";
import type { FindingSeverity, InspectionType, RectificationState } from "@/lib/generated/prisma/enums";
import type { ItemWarning } from "@/lib/warnings";

const STATE_TONES = {
  OPEN: "neutral",
  IN_PROGRESS: "brand",
  SUBMITTED: "warn",
  RETURNED: "danger",
  CLOSED: "ok",
} as const satisfies Record<RectificationState, string>;

/** A finding's rectification state, with its warning colour while the unit still owes work. */
export function FindingStateBadge({ state, warning }: { state: RectificationState; warning?: ItemWarning }) {
  const t = useTranslations("findingState");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge tone={STATE_TONES[state]} data-testid="finding-state" data-state={state}>
        {t(state)}
      </Badge>
      {warning ? <WarningBadge colour={warning.colour} daysLeft={warning.daysLeft} /> : null}
    </span>
  );
}

const SEVERITY_TONES = { LOW: "neutral", MEDIUM: "warn", HIGH: "danger" } as const satisfies Record<FindingSeverity, string>;

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const t = useTranslations("findingSeverity");
  return <Badge tone={SEVERITY_TONES[severity]}>{t(severity)}</Badge>;
}

export function TypeBadge({ type, unannounced }: { type: InspectionType; unannounced?: boolean }) {
  const t = useTranslations("inspections");
  const tt = useTranslations("inspectionType");
  return (
    <span className="inline-flex flex-wrap gap-1">
      <Badge tone="brand">{tt(type)}</Badge>
      {unannounced ? <Badge tone="warn">{t("unannounced")}</Badge> : null}
    </span>
  );
}
