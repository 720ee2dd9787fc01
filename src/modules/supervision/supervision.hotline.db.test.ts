import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { actorWith } from '../../../test/actors';
import { act, blockedRoad, COUNTY, register } from '../hotline/hotline.fixtures';
import { supervisionModule } from './index';
import { sweepHotlineWarnings } from './supervision.hotline';
import * as svc from './supervision.service';
import type { WarningView } from './supervision.schemas';

let t: TestApp;
// Monday 2026-11-02, 10:00 in Shanghai: a complaint has 20 working days, to the end of Monday 30 November.
const MONDAY = new Date('2026-11-02T02:00:00Z');
const at = (iso: string) => new Date(iso);
beforeAll(async () => {
  t = await createTestApp();
  t.pinClock(() => MONDAY);
});
afterAll(async () => t?.close());

const cardsOf = async (ticketId: string, as = 'supervisor') => {
  const res = await t.get(`/api/supervision/warnings?caseId=${ticketId}&pageSize=50`, await t.as(as));
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as WarningView[]).sort((a, b) => a.rule.localeCompare(b.rule));
};

describe('cards on 12345 tickets 热线工单红黄牌', () => {
  it('raise a yellow card for a missed sign-for time, naming the ticket, the unit and the deadline', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    await sweepHotlineWarnings(t.db, at('2026-11-03T01:00:00Z'), { notify: false });
    expect(await cardsOf(v.id)).toEqual([]);

    const r = await sweepHotlineWarnings(t.db, at('2026-11-03T03:00:00Z'), { notify: false });
    expect(r.raised).toBeGreaterThanOrEqual(1);
    const [card] = await cardsOf(v.id);
    expect(card).toMatchObject({
      source: 'hotline',
      caseId: v.id,
      caseNumber: v.number,
      itemName: '投诉：小区门口道路被占',
      rule: 'hotline_unsigned',
      ruleName: '热线工单超时未签收',
      level: 'yellow',
      regionCode: '211103',
      unitName: '兴隆台区',
      dueAt: '2026-11-30T15:59:59.999Z',
      reason: '承办单位：兴隆台区；超过签收时限（2026-11-03 10:00）未按时签收',
      raisedOn: '2026-11-03',
      state: 'open',
    });
    // Idempotent.
    expect((await sweepHotlineWarnings(t.db, at('2026-11-03T03:00:00Z'), { notify: false })).raised).toBe(0);
  });

  it('warns near the limit, shows a red card past it, and withdraws the yellow one when the clock stops', async () => {
    let v = await register(t, blockedRoad({ title: '路灯不亮' }));
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');

    // Wednesday 25 November: 3 working days left of 20 (26, 27 and 30 November), in the last fifth.
    await sweepHotlineWarnings(t.db, at('2026-11-25T02:00:00Z'), { notify: false });
    expect((await cardsOf(v.id)).map((w) => [w.rule, w.level, w.reason])).toEqual([
      ['hotline_near', 'yellow', '承办单位：兴隆台区；距办理时限（2026-11-30 23:59）剩余 3 个工作日'],
    ]);

    // Tuesday 1 December: past the limit.
    await sweepHotlineWarnings(t.db, at('2026-12-01T02:00:00Z'), { notify: false });
    expect((await cardsOf(v.id)).map((w) => [w.rule, w.level, w.state])).toEqual([
      ['hotline_near', 'yellow', 'open'],
      ['hotline_overdue', 'red', 'open'],
    ]);

    // The unit replies: the clock stands still while the centre reviews, the yellow card is withdrawn,
    // the red one stays (a recorded fact).
    t.pinClock(() => at('2026-12-01T03:00:00Z'));
    v = await act(t, 'unit-county', v, 'reply', { text: '已修复路灯。' });
    t.pinClock(() => MONDAY);
    const r = await sweepHotlineWarnings(t.db, at('2026-12-01T04:00:00Z'), { notify: false });
    expect(r.withdrawn).toBeGreaterThanOrEqual(1);
    expect((await cardsOf(v.id)).map((w) => [w.rule, w.state])).toEqual([
      ['hotline_near', 'revoked'],
      ['hotline_overdue', 'open'],
    ]);
  });

  it('are seen by a supervisor whose region holds the unit, and not by another county’s', async () => {
    let v = await register(t, blockedRoad({ title: '井盖缺失' }));
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    await sweepHotlineWarnings(t.db, at('2026-11-04T02:00:00Z'), { notify: false });
    const f = { caseId: v.id, page: 1, pageSize: 50 };
    const ours = await svc.listWarnings(t.db, actorWith(['supervisor'], { regionPrefix: '211103' }), f);
    const theirs = await svc.listWarnings(t.db, actorWith(['supervisor'], { regionPrefix: '211102' }), f);
    expect(ours.total).toBe(1);
    expect(theirs.total).toBe(0);
    const id = ours.items[0]!.id;
    await expect(svc.getWarning(t.db, actorWith(['supervisor'], { regionPrefix: '211102' }), id)).rejects.toThrow();
    // The city's overview counts it with the other open cards.
    const ov = (await t.get('/api/supervision/overview', await t.as('supervisor'))).json();
    expect(ov.warnings.yellow).toBeGreaterThanOrEqual(1);
  });

  it('come from the supervision job and from the sweep started by hand, with the request’s instant', async () => {
    expect(supervisionModule.jobs?.some((j) => j.name === 'supervision.hotline-warnings')).toBe(true);
    let v = await register(t, blockedRoad({ title: '垃圾未清运' }));
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    t.pinClock(() => at('2026-11-05T02:00:00Z'));
    const res = await t.post('/api/supervision/sweep', await t.as('supervisor'));
    t.pinClock(() => MONDAY);
    expect(res.statusCode, res.body).toBe(200);
    expect((await cardsOf(v.id)).map((w) => [w.rule, w.raisedOn])).toEqual([['hotline_unsigned', '2026-11-05']]);

    // Only the tickets: the cases are not walked.
    const sup = await t.as('supervisor');
    const tickets = await t.post('/api/supervision/sweep?source=hotline', sup);
    expect(tickets.statusCode, tickets.body).toBe(200);
    expect(tickets.json()).toMatchObject({ pages: 0, raised: 0 });
    expect(tickets.json().scanned).toBeGreaterThan(0);
    const bad = await t.post('/api/supervision/sweep?source=everything', sup);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'source' });
  });
});
