import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, ModuleContext } from '../../platform/module';
import { requireActor } from '../../platform/auth';
import { errorResponses, IdParam, Problem, DownloadQuery } from '../../platform/schemas';
import { contentDisposition, maxUploadBytes, readUpload, withMultipart } from '../files/index';
import { exportTasks, getTask, listTasks, reportFile } from './tasks.read';
import { createTask } from './tasks.create';
import { importBreakdown, previewBreakdown } from './tasks.import';
import { markMeasureOverdue, recordAccountability, report, urge } from './tasks.progress';
import { assertAssigns, assertImports, assertSeesTasks, assertSupervises } from './tasks.policy';
import { readBreakdown, tasksWorkbook } from './tasks.xlsx';
import {
  AccountabilityBody,
  CreateTaskBody,
  ImportPreview,
  ImportResult,
  MeasureDetail,
  NoteBody,
  ProblemDetail,
  ProblemIdParam,
  ReportBody,
  ReportFileParams,
  TaskFilter,
  TaskListQuery,
  TaskPage,
} from './tasks.schemas';

const tags = ['supervision-tasks'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function registerTaskRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  const ctx = (req: FastifyRequest) => ({ actor: requireActor(req), ip: req.ip, now: clock() });
  app.get(
    '/api/supervision/tasks',
    {
      config: { access: assertSeesTasks },
      schema: {
        tags,
        summary:
          '督查督办任务：问题及其整改措施（督查人员看本区划全部，部门人员看本部门牵头或配合的措施），可按部门、状态、逾期、关键词筛选',
        querystring: TaskListQuery,
        response: { 200: TaskPage, ...errorResponses },
      },
    },
    async (req) => listTasks(db, requireActor(req), req.query),
  );

  app.get(
    '/api/supervision/tasks.xlsx',
    {
      config: { access: assertSeesTasks },
      schema: {
        tags,
        summary: '导出督查督办任务分解表（Excel，含状态）',
        querystring: TaskFilter,
        produces: [XLSX],
        response: { 200: z.unknown().describe('Excel 工作簿'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const buf = await tasksWorkbook(await exportTasks(db, requireActor(req), req.query), clock());
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="supervision-tasks.xlsx"; filename*=UTF-8''${encodeURIComponent('督查督办任务分解表.xlsx')}`,
        )
        .send(buf);
    },
  );

  app.get(
    '/api/supervision/tasks/:problemId',
    {
      config: { access: assertSeesTasks },
      schema: {
        tags,
        summary: '督查问题详情：整改措施、进展报告、催办记录',
        params: ProblemIdParam,
        response: { 200: ProblemDetail, ...errorResponses },
      },
    },
    async (req) => getTask(db, requireActor(req), req.params.problemId),
  );

  app.post(
    '/api/supervision/tasks',
    {
      config: { access: assertAssigns },
      schema: {
        tags,
        summary: '交办督查问题及整改措施（督查人员；完成时限为日期或“长期”）',
        body: CreateTaskBody,
        response: { 201: ProblemDetail, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createTask(db, ctx(req), req.body)),
  );

  await withMultipart(app, (scoped) => {
    scoped.post(
      '/api/supervision/tasks/import',
      {
        config: { access: assertImports },
        schema: {
          tags,
          summary:
            '导入任务分解表（multipart 字段 file，.xlsx；列：序号/问题/整改措施/牵头单位/配合单位/完成时限；有一行错误则全部不导入）',
          consumes: ['multipart/form-data'],
          response: { 201: ImportResult, ...errorResponses, 413: Problem, 415: Problem },
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        const upload = await readUpload(req, maxUploadBytes());
        const rows = await readBreakdown(upload.content);
        return reply
          .status(201)
          .send(await importBreakdown(db, { actor, ip: req.ip, now: clock() }, rows, upload.name));
      },
    );
    scoped.post(
      '/api/supervision/tasks/import/preview',
      {
        config: { access: assertImports },
        schema: {
          tags,
          summary: '预览任务分解表（不保存）：将导入的问题、措施、对应部门，以及每一行的错误',
          consumes: ['multipart/form-data'],
          response: { 200: ImportPreview, ...errorResponses, 413: Problem, 415: Problem },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const upload = await readUpload(req, maxUploadBytes());
        return previewBreakdown(db, actor, await readBreakdown(upload.content));
      },
    );
  });

  app.post(
    '/api/supervision/measures/:id/reports',
    {
      config: { access: assertSeesTasks },
      schema: {
        tags,
        summary: '报送整改进展（牵头或配合部门人员；附件为本人上传的文件 ID）',
        params: IdParam,
        body: ReportBody,
        response: { 201: MeasureDetail, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await report(db, ctx(req), req.params.id, req.body)),
  );

  app.post(
    '/api/supervision/measures/:id/complete',
    {
      config: { access: assertSeesTasks },
      schema: {
        tags,
        summary: '办结整改措施（牵头部门人员，附最终整改报告）',
        params: IdParam,
        body: ReportBody,
        response: { 200: MeasureDetail, ...errorResponses },
      },
    },
    async (req) => report(db, ctx(req), req.params.id, req.body, true),
  );

  app.post(
    '/api/supervision/measures/:id/urge',
    {
      config: { access: assertSupervises },
      schema: {
        tags,
        summary: '催办整改措施（督查人员）',
        params: IdParam,
        body: NoteBody,
        response: { 200: MeasureDetail, ...errorResponses },
      },
    },
    async (req) => urge(db, ctx(req), req.params.id, req.body.note),
  );

  app.post(
    '/api/supervision/measures/:id/overdue',
    {
      config: { access: assertSupervises },
      schema: {
        tags,
        summary: '标记整改措施逾期（督查人员；仅限超过完成时限仍未办结的措施，并通知牵头部门）',
        params: IdParam,
        response: { 200: MeasureDetail, ...errorResponses },
      },
    },
    async (req) => markMeasureOverdue(db, ctx(req), req.params.id),
  );

  app.get(
    '/api/supervision/measures/:id/files/:fileId',
    {
      config: { access: assertSeesTasks },
      schema: {
        tags,
        summary: '下载整改进展报告的附件（督查人员、牵头或配合部门人员）',
        params: ReportFileParams,
        querystring: DownloadQuery,
        produces: ['application/pdf', 'image/jpeg', 'image/png'],
        response: { 200: z.unknown().describe('文件内容'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { meta, content } = await reportFile(db, requireActor(req), req.params.id, req.params.fileId);
      return reply
        .type(meta.mediaType)
        .header('content-disposition', contentDisposition(meta.name, req.query.download ? 'attachment' : 'inline'))
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.post(
    '/api/supervision/measures/:id/accountability',
    {
      config: { access: assertSupervises },
      schema: {
        tags,
        summary: '记录问责意见（督查人员，对未按时完成整改的措施）',
        params: IdParam,
        body: AccountabilityBody,
        response: { 200: MeasureDetail, ...errorResponses },
      },
    },
    async (req) => recordAccountability(db, ctx(req), req.params.id, req.body.note),
  );
}
