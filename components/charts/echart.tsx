"use client";

import { BarChart, PieChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

// Only what the ledger's charts draw: bars and rings, as SVG (sharp on paper and on any screen).
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One Apache ECharts chart. A click on a bar or a slice opens the rows
 * behind it: `hrefs[seriesIndex][dataIndex]` (a chart of one series gives
 * one list). The chart is a picture for the eye; the page always lists the
 * same figures with the same links beside it, for the keyboard and for
 * screen readers, so the canvas itself is hidden from them.
 */
export function EChart({ option, hrefs, height = 280, testId }: { option: ChartOption; hrefs?: (string | null)[][]; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = echarts.init(node, null, { renderer: "svg" });
    // The page's own font, named: ECharts measures its labels with it (a CSS keyword would measure wrong).
    chart.setOption({ animation: false, textStyle: { fontFamily: getComputedStyle(node).fontFamily }, ...option });
    chart.on("click", (params) => {
      const href = hrefs?.[params.seriesIndex ?? 0]?.[params.dataIndex];
      if (href) router.push(href);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, hrefs, router]);
  return <div ref={ref} aria-hidden="true" data-testid={testId} className="w-full cursor-pointer" style={{ height }} />;
}
