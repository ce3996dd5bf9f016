import { EChart, type ChartOption } from "@/components/charts/echart";

export type BarTone = "ok" | "warn" | "danger" | "brand" | "muted";

const TONE_FILL: Record<BarTone, string> = {
  ok: "#1a7f37",
  warn: "#e0a100",
  danger: "#c21d2a",
  brand: "#b4121b",
  muted: "#c9ccd1",
};

/** One part of a bar; `href` opens the findings it counts (the ledger's rows behind it). */
export type BarSegment = { value: number; tone: BarTone; href?: string };
export type Bar = { key: string; label: string; segments: BarSegment[]; /** What a reader hears and sees beside the bar. */ valueText: string };

/** Pixels a bar's row takes, and the axes' room. */
const ROW = 28;
const FRAME = 48;

/**
 * A horizontal bar chart drawn with Apache ECharts, segments stacked left
 * to right in the order each bar lists them (the legend names them in that
 * order). A click on a segment opens its `href`. The table beside the chart
 * carries the data with the same links; the chart's own list of labels and
 * values in words stays for screen readers, which the drawing is hidden from.
 */
export function AnalysisBarChart({
  title,
  bars,
  legend,
  max,
  testId,
}: {
  title: string;
  bars: Bar[];
  legend?: { tone: BarTone; label: string }[];
  /** The value of a full-width bar; by default the largest bar. */
  max?: number;
  testId?: string;
}) {
  const parts = Math.max(0, ...bars.map((b) => b.segments.length));
  const option: ChartOption = {
    grid: { left: 8, right: 16, top: legend ? 28 : 8, bottom: 8, containLabel: true },
    legend: legend ? { top: 0, left: 0, data: legend.map((l) => l.label), selectedMode: false } : undefined,
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    xAxis: { type: "value", max, minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 120, overflow: "truncate" } },
    series: Array.from({ length: parts }, (_, i) => {
      const tone = bars.find((b) => b.segments[i])?.segments[i]?.tone ?? "muted";
      return {
        type: "bar",
        stack: "bar",
        name: legend?.[i]?.label ?? title,
        barMaxWidth: 16,
        itemStyle: { color: TONE_FILL[tone] },
        data: bars.map((b) => b.segments[i]?.value ?? 0),
      };
    }),
  };
  const hrefs = Array.from({ length: parts }, (_, i) => bars.map((b) => b.segments[i]?.href ?? null));
  return (
    <figure className="rounded-lg border border-line bg-white p-4">
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <EChart option={option} hrefs={hrefs} height={bars.length * ROW + FRAME + (legend ? 20 : 0)} testId={testId} />
      <ul className="sr-only">
        {bars.map((bar) => (
          <li key={bar.key}>
            {bar.label}：{bar.valueText}
          </li>
        ))}
      </ul>
    </figure>
  );
}
