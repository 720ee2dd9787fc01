// The ESM build: the CommonJS one (lib/) arrives as a namespace object under Rolldown.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only the pieces used here are bundled (tree-shaken ECharts), in their own lazy chunk.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  data: number[];
  color: string;
}

/** A small stacked bar chart over twelve month labels. */
export default function MonthBarChart({
  labels,
  series,
  height = 220,
}: {
  labels: string[];
  series: BarSeries[];
  height?: number;
}) {
  return (
    <ReactEChartsCore
      echarts={echarts}
      style={{ height, width: '100%' }}
      notMerge
      option={{
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 30, right: 10, top: 30, bottom: 24 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          name: s.name,
          type: 'bar',
          stack: 'days',
          data: s.data,
          itemStyle: { color: s.color },
        })),
      }}
    />
  );
}
