import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { Problem, errorResponses } from '../../platform/schemas';
import * as svc from './calendar.service';
import {
  AddQuery,
  AddResponse,
  CalendarDay,
  CountQuery,
  CountResponse,
  DateParam,
  ImportYearBody,
  Ok,
  PutDayBody,
  PutYearBody,
  YearDays,
  YearParam,
  YearQuery,
  YearSummary,
} from './calendar.schemas';
import { assertEditsCalendar } from './calendar.policy';
import { todayInShanghai } from './calendar.rules';

const tags = ['calendar'];
/** Public reads: no sign-in needed. */
const publicErrors = { 400: Problem };
const writeErrors = { ...errorResponses, 422: Problem };

export function registerCalendarRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  app.get(
    '/api/calendar/workdays/add',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '计算 N 个工作日后的日期（不含起算日）',
        security: [],
        querystring: AddQuery,
        response: { 200: AddResponse, ...publicErrors },
      },
    },
    async (req) => svc.addWorkdays(db, req.query.from, req.query.days),
  );

  app.get(
    '/api/calendar/workdays/count',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '统计两日期之间的工作日数（不含起始日，含截止日）',
        security: [],
        querystring: CountQuery,
        response: { 200: CountResponse, ...publicErrors },
      },
    },
    async (req) => svc.countWorkdays(db, req.query.from, req.query.to),
  );

  app.get(
    '/api/calendar/years',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '各年度节假日安排录入情况（含下一个待录入年度）',
        security: [],
        response: { 200: YearSummary.array() },
      },
    },
    async () => svc.listYearSummaries(db, todayInShanghai(clock())),
  );

  app.get(
    '/api/calendar/days',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: '某年度的法定节假日与调休上班日',
        security: [],
        querystring: YearQuery,
        response: { 200: YearDays, ...publicErrors },
      },
    },
    async (req) => svc.getYearDays(db, req.query.year),
  );

  app.put(
    '/api/calendar/days/:date',
    {
      config: { access: assertEditsCalendar },
      schema: {
        tags,
        summary: '录入或修改一天（法定节假日 / 调休上班日）',
        params: DateParam,
        body: PutDayBody,
        response: { 200: CalendarDay, ...writeErrors },
      },
    },
    async (req) => svc.putDay(db, requireActor(req), req.params.date, req.body, req.ip),
  );

  app.delete(
    '/api/calendar/days/:date',
    {
      config: { access: assertEditsCalendar },
      schema: {
        tags,
        summary: '删除一天的录入（恢复为普通周一至周五规则）',
        params: DateParam,
        response: { 200: Ok, ...writeErrors },
      },
    },
    async (req) => {
      await svc.removeDay(db, requireActor(req), req.params.date, req.ip);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/calendar/years/:year',
    {
      config: { access: assertEditsCalendar },
      schema: {
        tags,
        summary: '发布或撤回年度节假日安排（录入国务院办公厅通知）',
        params: YearParam,
        body: PutYearBody,
        response: { 200: YearDays, ...writeErrors },
      },
    },
    async (req) => svc.setYear(db, requireActor(req), req.params.year, req.body, req.ip, clock()),
  );

  app.post(
    '/api/calendar/years/:year/days',
    {
      config: { access: assertEditsCalendar },
      schema: {
        tags,
        summary: '批量录入年度节假日安排（全部成功或全部不写入）',
        params: YearParam,
        body: ImportYearBody,
        response: { 200: YearDays, ...writeErrors },
      },
    },
    async (req) => svc.importYear(db, requireActor(req), req.params.year, req.body, req.ip, clock()),
  );
}
