/**
 * The hotline's limits 办理时限设置, kept by the centre chief: the limit per urgency and type (working days
 * or hours), the sign-for time 签收时限 and how often a ticket may be reopened 重办次数上限. The clock reads
 * them through `settingsOf` (cached): a change applies to tickets registered (or reopened) afterwards.
 */
import { z } from 'zod';
import { recordAudit } from '../../platform/audit';
import { requireActor } from '../../platform/auth';
import type { Db } from '../../platform/db';
import type { App, ModuleContext } from '../../platform/module';
import { errorResponses } from '../../platform/schemas';
import type { Limit, LimitTable } from './hotline.clock';
import { hotlineCache, settingsOf, type Ctx, type Settings } from './hotline.context';
import { assertKeepsSettings, assertReadsSettings } from './hotline.policy';
import * as repo from './hotline.repository';
import { TICKET_TYPES, TYPE_LABELS, URGENCIES, URGENCY_LABELS, type TicketType, type Urgency } from './hotline.tables';

/** The most a limit may be: 60 working days, or 720 hours (30 days). */
const MAX_AMOUNT: Record<Limit['unit'], number> = { workdays: 60, hours: 720 };
const UNIT_LABELS: Record<Limit['unit'], string> = { workdays: '个工作日', hours: '小时' };

const LimitSchema = (label: string) =>
  z
    .object({
      unit: z.enum(['workdays', 'hours'], { error: `${label}的计时单位应为 workdays（工作日）或 hours（小时）` }),
      amount: z.number({ error: `${label}的时限应为整数` }).int(`${label}的时限应为整数`),
    })
    .superRefine((l, ctx) => {
      const max = MAX_AMOUNT[l.unit];
      if (l.amount < 1 || l.amount > max)
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: `${label}的时限应在 1 至 ${max} ${UNIT_LABELS[l.unit]}之间`,
        });
    });

const UrgencyLimits = (urgency: Urgency) =>
  z.strictObject(
    {
      default: LimitSchema(`${URGENCY_LABELS[urgency]}工单的默认时限`),
      ...(Object.fromEntries(
        TICKET_TYPES.map((t) => [t, LimitSchema(`${URGENCY_LABELS[urgency]}${TYPE_LABELS[t]}`).optional()]),
      ) as Record<TicketType, z.ZodOptional<ReturnType<typeof LimitSchema>>>),
    },
    { error: `${URGENCY_LABELS[urgency]}工单的时限只能按类型（${TICKET_TYPES.join('、')}）或 default 设置` },
  );

export const SettingsBody = z.object({
  limits: z.object(
    { normal: UrgencyLimits('normal'), urgent: UrgencyLimits('urgent') },
    { error: '请按紧急程度（normal、urgent）填写办理时限' },
  ),
  signHours: z
    .number({ error: '签收时限应为整数（小时）' })
    .int('签收时限应为整数（小时）')
    .min(1, '签收时限应在 1 至 720 小时之间')
    .max(720, '签收时限应在 1 至 720 小时之间'),
  maxReopens: z
    .number({ error: '重办次数上限应为整数' })
    .int('重办次数上限应为整数')
    .min(0, '重办次数上限应在 0 至 10 次之间')
    .max(10, '重办次数上限应在 0 至 10 次之间'),
});
export type SettingsBody = z.infer<typeof SettingsBody>;

const LimitView = z.object({ unit: z.enum(['workdays', 'hours']), amount: z.number().int() });
const UrgencyView = z.object({
  default: LimitView,
  ...(Object.fromEntries(TICKET_TYPES.map((t) => [t, LimitView.optional()])) as Record<
    TicketType,
    z.ZodOptional<typeof LimitView>
  >),
});
export const SettingsView = z.object({
  limits: z.object({ normal: UrgencyView, urgent: UrgencyView }),
  signHours: z.number().int(),
  maxReopens: z.number().int(),
});
export type SettingsView = z.infer<typeof SettingsView>;

const view = (s: Settings): SettingsView => ({ limits: s.limits, signHours: s.signHours, maxReopens: s.maxReopens });

/** Only the types a limit is set for (an absent type falls back to the urgency's default). */
function limitTable(body: SettingsBody['limits']): LimitTable {
  const out = {} as LimitTable;
  for (const u of URGENCIES) {
    const row: LimitTable[Urgency] = { default: body[u].default };
    for (const t of TICKET_TYPES) if (body[u][t]) row[t] = body[u][t];
    out[u] = row;
  }
  return out;
}

export async function getSettings(db: Db): Promise<SettingsView> {
  return view(await settingsOf(db));
}

export async function putSettings(db: Db, ctx: Ctx, body: SettingsBody): Promise<SettingsView> {
  const next: Settings = { limits: limitTable(body.limits), signHours: body.signHours, maxReopens: body.maxReopens };
  await db.transaction().execute(async (tx) => {
    const before = await repo.getSettings(tx);
    await repo.putSettings(tx, {
      limits: JSON.stringify(next.limits),
      sign_hours: next.signHours,
      max_reopens: next.maxReopens,
      updated_at: ctx.now,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.settings.update',
      entityType: 'hotline_settings',
      entityId: '1',
      before: before ? { limits: before.limits, signHours: before.sign_hours, maxReopens: before.max_reopens } : null,
      after: view(next),
    });
  });
  hotlineCache.clear(db);
  return view(next);
}

export function registerSettingsRoutes(app: App, { db, clock }: Pick<ModuleContext, 'db' | 'clock'>) {
  const tags = ['hotline'];
  app.get(
    '/api/hotline/settings',
    {
      config: { access: assertReadsSettings },
      schema: {
        tags,
        summary: '办理时限设置（按紧急程度和类型的时限、签收时限、重办次数上限）',
        response: { 200: SettingsView, ...errorResponses },
      },
    },
    async () => getSettings(db),
  );
  app.put(
    '/api/hotline/settings',
    {
      config: { access: assertKeepsSettings },
      schema: {
        tags,
        summary: '修改办理时限设置（热线中心负责人）；此后登记或重办的工单按新时限计时',
        body: SettingsBody,
        response: { 200: SettingsView, ...errorResponses },
      },
    },
    async (req) => putSettings(db, { actor: requireActor(req), ip: req.ip, now: clock() }, req.body),
  );
}
