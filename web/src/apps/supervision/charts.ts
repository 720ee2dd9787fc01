import type { MessageKey } from '../../shared/i18n';
import { LEVEL_COLORS, regionPath, STATE_COLORS, STATE_KEYS, type Overview } from './svApi';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

const textColor = (dark: boolean) => (dark ? '#d6e4ff' : '#333');

/** Open cases by region level, stacked by deadline state. */
export function levelBarOption(o: Overview, t: T, dark = false) {
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { color: textColor(dark) } },
    grid: { left: 40, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: o.byLevel.map((l) => l.label), axisLabel: { color: textColor(dark) } },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: textColor(dark) },
      splitLine: { lineStyle: { color: dark ? '#1d3a6b' : '#eee' } },
    },
    series: STATE_KEYS.map((k) => ({
      name: t(`sv.state.${k}`),
      type: 'bar',
      stack: 'cases',
      barMaxWidth: 48,
      itemStyle: { color: STATE_COLORS[k] },
      data: o.byLevel.map((l) => l[k]),
    })),
  };
}

interface TreeNode {
  name: string;
  code: string;
  value: number;
  overdue: number;
  children?: TreeNode[];
  itemStyle?: { color: string };
}

/** Regions as a four-level treemap (city › county › town › village): area = open cases, colour = overdue. */
export function regionTreemapOption(o: Overview, t: T, dark = false) {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const names = new Map(o.byRegion.map((r) => [r.regionCode, r.regionName]));
  const get = (code: string, parent: TreeNode | null): TreeNode => {
    let n = nodes.get(code);
    if (!n) {
      n = { name: names.get(code) ?? code, code, value: 0, overdue: 0 };
      nodes.set(code, n);
      if (parent) (parent.children ??= []).push(n);
      else roots.push(n);
    }
    return n;
  };
  for (const r of o.byRegion) {
    let parent: TreeNode | null = null;
    const path = regionPath(r.regionCode);
    for (const code of path) {
      const n = get(code, parent);
      n.value += r.total;
      n.overdue += r.overdue;
      parent = n;
    }
    // A region with cases of its own and sub-regions: its own cases as a leaf.
  }
  const colour = (n: TreeNode) => {
    n.itemStyle = {
      color: n.overdue > 0 ? (n.overdue / Math.max(n.value, 1) > 0.3 ? '#cf1322' : '#fa8c16') : '#389e0d',
    };
    n.children?.forEach(colour);
  };
  roots.forEach(colour);
  return {
    backgroundColor: 'transparent',
    tooltip: {
      formatter: (p: { data?: TreeNode }) =>
        p.data
          ? `${p.data.name}<br/>${t('sv.chart.open')}: ${p.data.value}<br/>${t('sv.state.overdue')}: ${p.data.overdue}`
          : '',
    },
    series: [
      {
        type: 'treemap',
        name: t('sv.allRegions'),
        data: roots,
        roam: false,
        leafDepth: 2,
        top: 8,
        bottom: 30,
        left: 4,
        right: 4,
        breadcrumb: {
          show: true,
          bottom: 2,
          itemStyle: { color: dark ? '#10294f' : '#f0f0f0', textStyle: { color: textColor(dark) } },
        },
        label: {
          show: true,
          formatter: (p: { data?: TreeNode }) =>
            p.data ? `${p.data.name}\n${t('sv.state.overdue')} ${p.data.overdue}` : '',
        },
        upperLabel: { show: true, height: 20, color: '#fff', formatter: '{b}' },
        levels: [
          { itemStyle: { borderWidth: 2, gapWidth: 2, borderColor: dark ? '#061a3a' : '#fff' } },
          { itemStyle: { gapWidth: 1 } },
        ],
      },
    ],
  };
}

/** Undecided warnings (awaiting an explanation or a decision): yellow and red cards. */
export function warningsPieOption(o: Overview, t: T, dark = false) {
  return {
    backgroundColor: 'transparent',
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, textStyle: { color: textColor(dark) } },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}: {c}', color: textColor(dark) },
        data: [
          { name: t('sv.level.yellow'), value: o.warnings.yellow, itemStyle: { color: LEVEL_COLORS.yellow } },
          { name: t('sv.level.red'), value: o.warnings.red, itemStyle: { color: LEVEL_COLORS.red } },
        ],
      },
    ],
  };
}

/** A bar of one rate (0–1) per group, shown in percent. */
export function rateBarOption(labels: string[], values: (number | null)[], name: string, color = '#c8102e') {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    grid: { left: 48, right: 16, top: 24, bottom: labels.length > 6 ? 90 : 40 },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.length > 6 ? 35 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name,
        type: 'bar',
        barMaxWidth: 40,
        itemStyle: { color },
        data: values.map((v) => (v === null ? null : Math.round(v * 1000) / 10)),
      },
    ],
  };
}
