import { useTranslations } from "next-intl";
import { WarningBadge } from "@/components/checklists/warning-badge";
import { Badge } from "@/components/ui/badge";
import type { TermState } from "@/lib/term-kinds";
import type { ItemWarning } from "@/lib/warnings";

/**
 * A term's state as one badge: the ledger's colours (WarningBadge, with the
 * days left or overdue) for a term within six months of its due day or
 * past it, else "in term" or "none recorded" in words.
 */
export function TermStateBadge({ state, warning }: { state: TermState; warning: ItemWarning }) {
  const t = useTranslations("terms.state");
  if (warning) {
    return (
      <span className="inline-flex flex-wrap items-center gap-1" data-testid="term-state" data-state={state}>
        <WarningBadge colour={warning.colour} daysLeft={warning.daysLeft} />
        <span className="text-xs text-muted print:text-ink">{t(state)}</span>
      </span>
    );
  }
  return (
    <Badge tone={state === "missing" ? "brand" : "neutral"} data-testid="term-state" data-state={state}>
      {t(state)}
    </Badge>
  );
}
