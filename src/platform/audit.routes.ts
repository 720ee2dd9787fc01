import { z } from 'zod';
import { assertReadsAudit } from './audit.policy';
import { listAudit, sealAudit, verifyAudit } from './audit';
import type { Db } from './db';
import type { App } from './module';
import { IsoDate, PageQuery, errorResponses, paged } from './schemas';

const AuditRow = z.object({
  id: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  seq: z.string().nullable(),
  hash: z.string().nullable(),
});

export function registerAuditRoutes(app: App, db: Db) {
  app.get(
    '/api/audit',
    {
      config: { access: assertReadsAudit },
      schema: {
        tags: ['audit'],
        summary: '审计日志查询（系统管理员、效能监察员）',
        querystring: PageQuery.extend({
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
          actor: z.string().max(64).optional(),
          action: z.string().max(64).optional(),
          from: IsoDate.optional(),
          to: IsoDate.optional(),
        }),
        response: { 200: paged(AuditRow), ...errorResponses },
      },
    },
    async (req) => {
      const { total, items } = await listAudit(db, req.query);
      return {
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        items: items.map((r) => ({
          id: String(r.id),
          at: r.at,
          actorName: r.actor_name,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          before: r.before,
          after: r.after,
          ip: r.ip,
          seq: r.seq === null ? null : String(r.seq),
          hash: r.hash,
        })),
      };
    },
  );

  app.post(
    '/api/audit/verify',
    {
      config: { access: assertReadsAudit },
      schema: {
        tags: ['audit'],
        summary: '封存并校验审计哈希链',
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            unsealed: z.number(),
            brokenAtSeq: z.number().optional(),
            brokenId: z.string().optional(),
          }),
          ...errorResponses,
        },
      },
    },
    async () => {
      await sealAudit(db);
      return verifyAudit(db);
    },
  );
}
