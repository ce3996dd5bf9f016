import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { WarningColour } from "@/lib/warnings";

const TONES = { red: "danger", yellow: "warn", green: "ok" } as const satisfies Record<WarningColour, string>;

/**
 * A three-colour warning as a badge that names its colour in words (and,
 * for one item, the days left), so that it reads without seeing colour.
 */
export function WarningBadge({ colour, daysLeft }: { colour: WarningColour; daysLeft?: number }) {
  const t = useTranslations("warning");
  return (
    <Badge tone={TONES[colour]} data-testid="warning-badge" data-colour={colour} className="gap-1">
      <span aria-hidden className="inline-block size-2 rounded-full bg-current" />
      {t(colour)}
      {daysLeft === undefined ? null : (
        <span className="font-normal">· {daysLeft < 0 ? t("overdueDays", { days: -daysLeft }) : t("daysLeft", { days: daysLeft })}</span>
      )}
    </Badge>
  );
}
