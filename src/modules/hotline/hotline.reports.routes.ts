/** Routes of the hot-topic reports (JSON, PDF, Excel) and of the hotline's big screen. */
import { z } from 'zod';
import { requireActor } from '../../platform/auth';
import type { App, ModuleContext } from '../../platform/module';
import { errorResponses } from '../../platform/schemas';
import { contentDisposition } from '../files/index';
import { assertSeesTickets } from './hotline.policy';
import { hotlineReport, hotlineScreen, reportScopeName } from './hotline.reports';
import { PERIOD_LABELS } from './hotline.reports.rules';
import { reportPdf, reportXlsx } from './hotline.reports.export';
import { Report, ReportQuery, Screen } from './hotline.reports.schemas';

const tags = ['hotline'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const fileName = (q: ReportQuery, ext: string) => `热线热点分析${PERIOD_LABELS[q.period]}-${q.date}.${ext}`;

export function registerHotlineReportRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  app.get(
    '/api/hotline/reports',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary: '热点分析报告（日报、周报、月报）：登记量、类型、分类、县区分布、热点词与上升热点、承办单位绩效',
        querystring: ReportQuery,
        response: { 200: Report, ...errorResponses },
      },
    },
    async (req) => hotlineReport(db, requireActor(req), req.query),
  );

  app.get(
    '/api/hotline/reports.pdf',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary: '下载热点分析报告（PDF）',
        querystring: ReportQuery,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('PDF 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = clock();
      const [report, scopeName] = await Promise.all([hotlineReport(db, actor, req.query), reportScopeName(db, actor)]);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(fileName(req.query, 'pdf'), 'attachment'))
        .send(await reportPdf(report, scopeName, now));
    },
  );

  app.get(
    '/api/hotline/reports.xlsx',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary: '下载热点分析报告（Excel）',
        querystring: ReportQuery,
        produces: [XLSX],
        response: { 200: z.unknown().describe('Excel 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const now = clock();
      const [report, scopeName] = await Promise.all([hotlineReport(db, actor, req.query), reportScopeName(db, actor)]);
      return reply
        .type(XLSX)
        .header('content-disposition', contentDisposition(fileName(req.query, 'xlsx'), 'attachment'))
        .send(await reportXlsx(report, scopeName, now));
    },
  );

  app.get(
    '/api/hotline/screen',
    {
      config: { access: assertSeesTickets },
      schema: {
        tags,
        summary: '热线大屏：今日登记量、直接答复率、在办与超期工单、近 7 日热点、本月承办单位排名',
        response: { 200: Screen, ...errorResponses },
      },
    },
    async (req) => hotlineScreen(db, requireActor(req), clock()),
  );
}
