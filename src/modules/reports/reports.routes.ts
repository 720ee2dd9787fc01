import { z } from 'zod';
import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses } from '../../platform/schemas';
import { itemAlignment } from './reports.service';
import { alignmentWorkbook } from './reports.xlsx';
import { AlignmentQuery, AlignmentReport } from './reports.schemas';
import { assertReadsReports } from './reports.policy';

const tags = ['reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function registerReportRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  app.get(
    '/api/reports/item-alignment',
    {
      config: { access: assertReadsReports },
      schema: {
        tags,
        summary: '四级事项清单对应检查：按层级列出受理与决定配置不一致的事项（管理员、效能监察员）',
        querystring: AlignmentQuery,
        response: { 200: AlignmentReport, ...errorResponses },
      },
    },
    async (req) => itemAlignment(db, requireActor(req), req.query, clock()),
  );

  app.get(
    '/api/reports/item-alignment.xlsx',
    {
      config: { access: assertReadsReports },
      schema: {
        tags,
        summary: '导出四级事项清单对应检查表（Excel）',
        querystring: AlignmentQuery,
        produces: [XLSX],
        response: { 200: z.unknown().describe('Excel 工作簿'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const report = await itemAlignment(db, requireActor(req), req.query, clock());
      const buf = await alignmentWorkbook(report);
      const name = `事项清单对应检查_${report.region.name}.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="item-alignment.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  );
}
