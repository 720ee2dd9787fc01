/** ECharts options of the hotline's reports and big screen (drawn by the supervision area's lazy chart). */
import type { Res } from '../../shared/client';

export type HotlineReport = Res<'/api/hotline/reports'>;
export type HotlineScreen = Res<'/api/hotline/screen'>;
export type Topic = HotlineReport['topics'][number];
export type UnitFigures = HotlineReport['units'][number];

const text = (dark: boolean) => (dark ? '#d6e4ff' : '#333');
const PALETTE = ['#c8102e', '#1677ff', '#fa8c16', '#389e0d', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'];

/** A rate given in per cent, or a dash over nothing. */
export const percent = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)}\u2009%`);

/** Counts as bars, one per label; horizontal when the labels are long names. */
export function countBarOption(
  labels: string[],
  values: number[],
  name: string,
  { dark = false, horizontal = false, color = '#1677ff' } = {},
) {
  const category = {
    type: 'category',
    data: labels,
    axisLabel: { color: text(dark), interval: 0, rotate: !horizontal && labels.length > 10 ? 45 : 0 },
  };
  const value = {
    type: 'value',
    minInterval: 1,
    axisLabel: { color: text(dark) },
    splitLine: { lineStyle: { color: dark ? '#1d3a6b' : '#eee' } },
  };
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: horizontal ? 110 : 40, right: 24, top: 16, bottom: !horizontal && labels.length > 10 ? 70 : 30 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [{ name, type: 'bar', barMaxWidth: 36, itemStyle: { color }, data: values }],
  };
}

/** Shares of a whole as a ring. */
export function sharePieOption(items: { name: string; count: number }[], dark = false) {
  return {
    backgroundColor: 'transparent',
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, textStyle: { color: text(dark) } },
    series: [
      {
        type: 'pie',
        radius: ['38%', '66%'],
        center: ['50%', '44%'],
        label: { formatter: '{b}: {c}', color: text(dark) },
        data: items.map((i) => ({ name: i.name, value: i.count })),
      },
    ],
  };
}

/** Font size of a topic in a word list: the most mentioned largest. */
export const topicSize = (t: Topic, top: number, [min, max] = [13, 30]) =>
  Math.round(min + ((max - min) * t.count) / Math.max(top, 1));
