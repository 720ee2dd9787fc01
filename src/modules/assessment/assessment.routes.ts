import { z } from 'zod';
import type { Db } from '../../platform/db';
import type { App } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { IdParam, errorResponses } from '../../platform/schemas';
import { todayInShanghai } from '../calendar/index';
import * as bulletins from './assessment.bulletin';
import * as svc from './assessment.service';
import { assertEditsRules, assertReports, assertSeesScores } from './assessment.policy';
import {
  Bulletin,
  BulletinListQuery,
  BulletinPage,
  GenerateBody,
  MonthQuery,
  Rule,
  RuleList,
  RuleParams,
  RulePut,
  Scores,
  ScoresQuery,
  UnitDetail,
  UnitParams,
} from './assessment.schemas';

const tags = ['assessment'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback name and the Chinese name (RFC 5987). */
const attachment = (ascii: string, name: string, inline = false) =>
  `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function registerAssessmentRoutes(app: App, db: Db, clock: () => Date) {
  const today = () => todayInShanghai(clock());
  app.get(
    '/api/assessment/scores',
    {
      config: { access: assertSeesScores },
      schema: {
        tags,
        summary: '月度考核得分与排名（按部门、大厅或窗口人员，按数据范围）',
        querystring: ScoresQuery,
        response: { 200: Scores, ...errorResponses },
      },
    },
    async (req) => svc.scores(db, requireActor(req), req.query, today()),
  );

  app.get(
    '/api/assessment/scores.xlsx',
    {
      config: { access: assertSeesScores },
      schema: {
        tags,
        summary: '导出月度考核得分与排名（Excel）',
        querystring: ScoresQuery,
        produces: [XLSX],
        response: { 200: z.unknown().describe('Excel 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const x = await svc.scoresXlsx(db, requireActor(req), req.query, today());
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`assessment-${x.month}.xlsx`, `月度考核-${x.month}.xlsx`))
        .send(x.buffer);
    },
  );

  app.get(
    '/api/assessment/scores/:groupBy/:key',
    {
      config: { access: assertSeesScores },
      schema: {
        tags,
        summary: '考核对象的月度得分明细（逐项扣分、加分及其事实）',
        params: UnitParams,
        querystring: MonthQuery,
        response: { 200: UnitDetail, ...errorResponses },
      },
    },
    async (req) => svc.unitDetail(db, requireActor(req), req.params.groupBy, req.params.key, req.query.month, today()),
  );

  app.get(
    '/api/assessment/rules',
    {
      config: { access: assertSeesScores },
      schema: { tags, summary: '考核计分规则', response: { 200: RuleList, ...errorResponses } },
    },
    async (req) => svc.listRules(db, requireActor(req)),
  );

  app.put(
    '/api/assessment/rules/:code',
    {
      config: { access: assertEditsRules },
      schema: {
        tags,
        summary: '修改考核计分规则（分值、封顶）',
        params: RuleParams,
        body: RulePut,
        response: { 200: Rule, ...errorResponses },
      },
    },
    async (req) => svc.updateRule(db, requireActor(req), req.params.code, req.body, req.ip, clock()),
  );

  app.get(
    '/api/assessment/bulletins',
    {
      config: { access: assertReports },
      schema: {
        tags,
        summary: '每周通报列表',
        querystring: BulletinListQuery,
        response: { 200: BulletinPage, ...errorResponses },
      },
    },
    async (req) => bulletins.listBulletins(db, requireActor(req), req.query),
  );

  app.post(
    '/api/assessment/bulletins',
    {
      config: { access: assertReports },
      schema: {
        tags,
        summary: '生成（或重新生成）一周的每周通报',
        body: GenerateBody,
        response: { 200: Bulletin, ...errorResponses },
      },
    },
    async (req) => bulletins.generateBulletin(db, requireActor(req), req.body ?? {}, req.ip, clock()),
  );

  app.get(
    '/api/assessment/bulletins/:id/pdf',
    {
      config: { access: assertReports },
      schema: {
        tags,
        summary: '下载每周通报（PDF）',
        params: IdParam,
        produces: ['application/pdf'],
        response: { 200: z.unknown().describe('PDF 文件'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { meta, pdf } = await bulletins.bulletinPdf(db, requireActor(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(`bulletin-${meta.weekFrom}.pdf`, `${meta.title}.pdf`, true))
        .send(pdf);
    },
  );
}
