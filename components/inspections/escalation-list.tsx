import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { EscalationLevel } from "@/lib/generated/prisma/enums";

export type EscalationRecord = { id: string; level: EscalationLevel; createdAt: Date; daysOverdue: number; addressedOrgName: string };

const LEVEL_TONES: Record<EscalationLevel, "warn" | "danger"> = { REMINDER: "warn", WARNING: "danger", ACCOUNTABILITY: "danger" };

/**
 * A finding's escalations (提醒书 → 告诫书 → 问责书) as dated records, oldest
 * first as given: when each was raised, how many days overdue, and the
 * organization it was addressed to. Nothing when there are none.
 */
export function EscalationList({ escalations }: { escalations: EscalationRecord[] }) {
  const t = useTranslations("escalation");
  const format = useFormatter();
  if (escalations.length === 0) return null;
  return (
    <Card aria-labelledby="escalations-heading">
      <h2 id="escalations-heading" className="mb-3 text-base font-semibold">
        {t("title")}
      </h2>
      <ol aria-label={t("listLabel")} className="space-y-3" data-testid="escalations">
        {escalations.map((e) => (
          <li key={e.id} data-testid="escalation" className="border-l-2 border-danger/40 pl-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={LEVEL_TONES[e.level]}>{t(`levels.${e.level}`)}</Badge>
              <span>{t("addressed", { org: e.addressedOrgName })}</span>
            </p>
            <p className="mt-1 text-xs text-muted">
              {t("raised", { date: format.dateTime(e.createdAt, { dateStyle: "medium" }) })} · {t("overdue", { days: e.daysOverdue })}
            </p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
