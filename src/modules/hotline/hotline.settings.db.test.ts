import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { act, blockedRoad, COUNTY, register } from './hotline.fixtures';
import { DEFAULT_SETTINGS } from './hotline.context';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Monday 2026-11-02, 10:00 in Shanghai.
  t.pinClock(() => new Date('2026-11-02T02:00:00Z'));
});
afterAll(async () => t?.close());

const defaults = () => ({
  limits: {
    normal: { default: { unit: 'workdays', amount: 20 }, consult: { unit: 'workdays', amount: 2 } },
    urgent: { default: { unit: 'hours', amount: 24 }, consult: { unit: 'hours', amount: 4 } },
  },
  signHours: 24,
  maxReopens: 2,
});

describe('the limits 办理时限设置', () => {
  it('are read by the centre and refused to others', async () => {
    const res = await t.get('/api/hotline/settings', await t.as('operator'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...defaults(), limits: DEFAULT_SETTINGS.limits });
    expect((await t.get('/api/hotline/settings', await t.as('unit-county'))).statusCode).toBe(403);
    expect((await t.put('/api/hotline/settings', await t.as('operator'), defaults())).statusCode).toBe(403);
  });

  it('refuses bad limits with Chinese messages naming the field', async () => {
    const chief = await t.as('hotline-chief');
    const d = defaults();
    const cases: [unknown, string, RegExp][] = [
      [{ ...d, signHours: 0 }, 'signHours', /签收时限应在 1 至 720 小时之间/],
      [{ ...d, maxReopens: 11 }, 'maxReopens', /重办次数上限/],
      [
        { ...d, limits: { ...d.limits, normal: { ...d.limits.normal, complaint: { unit: 'workdays', amount: 61 } } } },
        'limits.normal.complaint.amount',
        /一般投诉的时限应在 1 至 60 个工作日之间/,
      ],
      [
        { ...d, limits: { ...d.limits, urgent: { default: { unit: 'minutes', amount: 3 } } } },
        'limits.urgent.default.unit',
        /紧急工单的默认时限的计时单位/,
      ],
      [
        { ...d, limits: { ...d.limits, urgent: { ...d.limits.urgent, gossip: { unit: 'hours', amount: 3 } } } },
        'limits.urgent',
        /只能按类型/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await t.put('/api/hotline/settings', chief, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      const e = res.json().errors as { field: string; message: string }[];
      expect(
        e.some((x) => x.field.startsWith(field) && message.test(x.message)),
        res.body,
      ).toBe(true);
    }
  });

  it('are changed by the chief, audited, and used by the clock and the sign-for time', async () => {
    const chief = await t.as('hotline-chief');
    const d = defaults();
    const body = {
      ...d,
      limits: { ...d.limits, normal: { ...d.limits.normal, complaint: { unit: 'workdays', amount: 5 } } },
      signHours: 4,
    };
    const res = await t.put('/api/hotline/settings', chief, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual(body);
    const audit = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'hotline.settings.update'`.execute(t.db);
    expect(audit.rows[0]!.n).toBe(1);

    // A complaint now has 5 working days (Mon 2 Nov → Mon 9 Nov); a help request keeps the default 20.
    const v = await register(t);
    expect(v.deadline).toMatchObject({ unit: 'workdays', remaining: 5, dueAt: '2026-11-09T15:59:59.999Z' });
    const help = await register(t, blockedRoad({ type: 'help' }));
    expect(help.deadline.remaining).toBe(20);
    const dispatched = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    expect(dispatched.signDueAt).toBe('2026-11-02T06:00:00.000Z');

    // Back to the defaults for the other tests of this database.
    expect((await t.put('/api/hotline/settings', chief, d)).statusCode).toBe(200);
  });
});
