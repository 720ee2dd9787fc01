import { z } from 'zod';
import { IsoDate } from '../../platform/schemas';
import { REPORT_PERIODS } from './hotline.reports.rules';
import { FigureRow } from './hotline.schemas';

export const ReportQuery = z.object({
  period: z.enum(REPORT_PERIODS, { error: '报告周期应为 day（日报）、week（周报）或 month（月报）' }),
  date: IsoDate,
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const Count = z.object({ key: z.string(), name: z.string(), count: z.number().int() });
export const Topic = z.object({
  word: z.string(),
  count: z.number().int().describe('提及该词的工单数'),
  share: z.number().describe('占本期工单的百分比'),
  previousCount: z.number().int(),
  previousShare: z.number(),
  change: z.number().describe('占比较上期变化（百分点）'),
  rising: z.boolean(),
});
export type Topic = z.infer<typeof Topic>;

export const Report = z.object({
  period: z.enum(REPORT_PERIODS),
  label: z.string(),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  total: z.number().int(),
  previousTotal: z.number().int(),
  answeredAtOnce: z.number().int(),
  answeredAtOnceRate: z.number().nullable().describe('直接答复率 %'),
  byDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
  byType: z.array(Count),
  byCategory: z.array(Count),
  byRegion: z.array(Count),
  topics: z.array(Topic).describe('热点词（按提及工单数）'),
  rising: z.array(Topic).describe('上升热点（占比增长最多）'),
  units: z.array(FigureRow).describe('承办单位绩效'),
});
export type Report = z.infer<typeof Report>;

export const Screen = z.object({
  today: z.string(),
  generatedAt: z.string(),
  total: z.number().int().describe('今日登记量'),
  answeredAtOnce: z.number().int(),
  answeredAtOnceRate: z.number().nullable().describe('今日直接答复率 %'),
  open: z.number().int().describe('在办工单'),
  overdue: z.number().int().describe('超期工单'),
  topics: z.array(Topic).describe('近 7 日热点'),
  units: z.array(FigureRow).describe('本月承办单位排名（按时办结率、满意率）'),
});
export type Screen = z.infer<typeof Screen>;
