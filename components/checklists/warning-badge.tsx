import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { WARNING_COLOURS, type WarningColour } from "@/lib/warnings";

const TONES = { red: "danger", yellow: "warn", green: "ok" } as const satisfies Record<WarningColour, string>;

/**
 * A three-colour warning as a badge that names its colour in words (and,
 * for one item, the days left; for a roll-up, how many items), so that it
 * reads without seeing colour.
 */
export function WarningBadge({ colour, daysLeft, count }: { colour: WarningColour; daysLeft?: number; count?: number }) {
  const t = useTranslations("warning");
  return (
    <Badge tone={TONES[colour]} data-testid="warning-badge" data-colour={colour} className="gap-1">
      <span aria-hidden className="inline-block size-2 rounded-full bg-current" />
      {count === undefined ? t(colour) : t("count", { colour: t(colour), count })}
      {daysLeft === undefined ? null : (
        <span className="font-normal">· {daysLeft < 0 ? t("overdueDays", { days: -daysLeft }) : t("daysLeft", { days: daysLeft })}</span>
      )}
    </Badge>
  );
}

/**
 * A roll-up's warnings: each colour present once, with its count, worst
 * first; a count links to the items of that colour when `hrefs` are given.
 * "No warning" when none has a colour.
 */
export function WarningCounts({
  counts,
  hrefs,
  colours = WARNING_COLOURS,
  context,
}: {
  counts: Record<WarningColour, number>;
  hrefs?: Partial<Record<WarningColour, string>>;
  /** The colours to show (a roll-up may leave green out). */
  colours?: readonly WarningColour[];
  /** Said to screen readers after each link: whose items they are. */
  context?: string;
}) {
  const t = useTranslations("warning");
  const shown = colours.filter((c) => counts[c] > 0);
  if (shown.length === 0) return <span className="text-muted">{t("none")}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="warning-counts">
      {shown.map((c) => {
        const badge = <WarningBadge colour={c} count={counts[c]} />;
        const href = hrefs?.[c];
        return href ? (
          <Link key={c} href={href} className="rounded-full hover:opacity-80 focus-visible:outline-2 focus-visible:outline-brand">
            {badge}
            {context ? <span className="sr-only"> {context}</span> : null}
          </Link>
        ) : (
          <span key={c}>{badge}</span>
        );
      })}
    </span>
  );
}
