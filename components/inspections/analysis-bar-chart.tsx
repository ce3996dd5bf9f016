import { cn } from "@/lib/utils";

export type BarTone = "ok" | "warn" | "danger" | "brand" | "muted";

const TONE_CLASS: Record<BarTone, string> = {
  ok: "bg-ok",
  warn: "bg-amber-400",
  danger: "bg-danger",
  brand: "bg-brand",
  muted: "bg-slate-300",
};

export type BarSegment = { value: number; tone: BarTone };
export type Bar = { key: string; label: string; segments: BarSegment[]; /** What a reader hears and sees beside the bar. */ valueText: string };

/**
 * A horizontal bar chart of plain divs. The table beside it carries the
 * data; here every bar still has its label and its values in words, so the
 * chart reads as a list without the picture. Segments stack left to right.
 */
export function AnalysisBarChart({
  title,
  bars,
  legend,
  max,
}: {
  title: string;
  bars: Bar[];
  legend?: { tone: BarTone; label: string }[];
  /** The value of a full-width bar; by default the largest bar. */
  max?: number;
}) {
  const scale = max ?? Math.max(1, ...bars.map((b) => b.segments.reduce((n, s) => n + s.value, 0)));
  return (
    <figure className="rounded-lg border border-line bg-white p-4">
      <figcaption className="mb-3 text-sm font-medium">{title}</figcaption>
      {legend ? (
        <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-hidden>
          {legend.map((l) => (
            <li key={l.tone} className="inline-flex items-center gap-1.5">
              <span className={cn("inline-block h-2.5 w-2.5 rounded-sm", TONE_CLASS[l.tone])} />
              {l.label}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="space-y-2">
        {bars.map((bar) => (
          <li key={bar.key} className="grid grid-cols-[minmax(5rem,9rem)_minmax(0,1fr)] items-center gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[minmax(6rem,12rem)_minmax(0,1fr)_auto]">
            <span className="truncate" title={bar.label}>
              {bar.label}
            </span>
            <span className="flex h-3 overflow-hidden rounded-sm bg-surface" aria-hidden>
              {bar.segments
                .filter((s) => s.value > 0)
                .map((s, i) => (
                  <span key={i} className={TONE_CLASS[s.tone]} style={{ width: `${(s.value / scale) * 100}%` }} />
                ))}
            </span>
            <span className="col-start-2 text-xs text-muted tabular-nums sm:col-start-auto">{bar.valueText}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
