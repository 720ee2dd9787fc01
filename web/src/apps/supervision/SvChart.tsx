// The ESM build: the CommonJS one (lib/) arrives as a namespace object under Rolldown.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CSSProperties } from 'react';

// Only the pieces used by the supervision pages (tree-shaken ECharts), in this area's chunk.
echarts.use([BarChart, PieChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts canvas that fills its container's width. */
export default function SvChart({
  option,
  height = 280,
  testId,
  style,
}: {
  option: object;
  height?: number;
  testId?: string;
  style?: CSSProperties;
}) {
  return (
    <div data-testid={testId} style={{ width: '100%', minWidth: 0 }}>
      <ReactEChartsCore
        echarts={echarts}
        style={{ height, width: '100%', ...style }}
        notMerge
        lazyUpdate
        option={option}
      />
    </div>
  );
}
