import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { act, atTown, blockedRoad, COUNTY, register, TOWN } from './hotline.fixtures';
import type { TicketView } from './hotline.schemas';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Monday 2026-11-02, 10:00 in Shanghai.
  t.pinClock(() => new Date('2026-11-02T02:00:00Z'));
});
afterAll(async () => t?.close());

const actions = (v: TicketView) => v.availableActions.map((a) => a.action);
const audits = async (action: string) =>
  Number(
    (await sql<{ n: string }>`select count(*)::text as n from audit_log where action = ${action}`.execute(t.db))
      .rows[0]!.n,
  );

describe('registering a ticket', () => {
  it('starts the 2·20 clock, suggests a unit by the rules and records the history', async () => {
    const v = await register(t);
    expect(v).toMatchObject({ state: 'registered', stateLabel: '待派单', version: 1, type: 'complaint' });
    expect(v.number).toMatch(/^20261102\d{6}$/);
    expect(v.deadline).toMatchObject({ state: 'normal', unit: 'workdays', remaining: 20 });
    expect(v.deadline.dueAt).toBe('2026-11-30T15:59:59.999Z');
    // CSGL-DL has no rule of its own: 城市管理 in 兴隆台区 goes to the county.
    expect(v.suggestedUnit).toEqual({ kind: 'region', code: '211103', name: '兴隆台区' });
    expect(v.caller).toEqual({ name: '李秀兰', phone: '13998761234', idNumber: null });
    expect(v.history.map((h) => h.label)).toEqual(['登记']);
    expect(actions(v)).toEqual(['dispatch', 'merge']);
    expect(await audits('hotline.ticket.create')).toBeGreaterThan(0);
  });

  it('gives a consultation 2 working days and answers it at once', async () => {
    const v = await register(t, { ...blockedRoad(), type: 'consult', categoryCode: 'ZWFW-ZC', title: '社保卡补办' });
    expect(v.deadline.dueAt).toBe('2026-11-04T15:59:59.999Z');
    expect(actions(v)).toEqual(['answer', 'dispatch', 'merge']);
    const done = await act(t, 'operator', v, 'answer', { text: '可携带身份证到任一社保经办网点补办。' });
    expect(done).toMatchObject({ state: 'closed', answeredAtOnce: true, availableActions: [] });
    expect(done.deadline).toMatchObject({ state: 'finished', onTime: true });
    expect(done.reply?.text).toContain('社保经办网点');
  });

  it('counts urgent tickets in hours', async () => {
    const v = await register(t, { ...blockedRoad(), type: 'help', urgency: 'urgent' });
    expect(v.deadline).toMatchObject({ unit: 'hours', dueAt: '2026-11-03T02:00:00.000Z' });
  });

  it('refuses bad input with Chinese messages naming the field', async () => {
    const op = await t.as('operator');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...blockedRoad(), type: 'gossip' }, 'type', /咨询/],
      [{ ...blockedRoad(), title: '' }, 'title', /标题不能为空/],
      [{ ...blockedRoad(), regionCode: '2111' }, 'regionCode', /区划代码/],
      [{ ...blockedRoad(), regionCode: '210202' }, 'regionCode', /不存在或不在/],
      [{ ...blockedRoad(), categoryCode: 'NOPE' }, 'categoryCode', /分类 NOPE 不存在/],
      [{ ...blockedRoad(), callerPhone: 'abc' }, 'callerPhone', /电话号码格式有误/],
      [{ ...blockedRoad(), callerName: undefined, callerPhone: undefined }, 'callerPhone', /匿名/],
      [{ ...blockedRoad(), lat: 91, lon: 10 }, 'lat', /纬度/],
      [{ ...blockedRoad(), lat: 41 }, 'lon', /同时/],
    ];
    for (const [body, field, message] of cases) {
      const res = await t.post('/api/hotline/tickets', op, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      const e = res.json().errors as { field: string; message: string }[];
      expect(
        e.some((x) => x.field === field && message.test(x.message)),
        res.body,
      ).toBe(true);
    }
  });
});

describe('the journey of a complaint about a blocked road', () => {
  it('is dispatched to the county, passed to the street office, replied, reviewed, reopened and closed', async () => {
    let v = await atTown(t);
    expect(v).toMatchObject({
      state: 'dispatched',
      unit: { code: '211103001000', name: '振兴街道' },
      firstUnitCode: '211103',
    });
    const town = await t.as('unit-town');
    v = (await t.get(`/api/hotline/tickets/${v.id}`, town)).json();
    expect(actions(v)).toEqual(['sign', 'return']);
    // The unit sees the caller's masked name and the phone to call back.
    expect(v.caller).toEqual({ name: '李**', phone: '13998761234', idNumber: null });
    v = await act(t, town, v, 'sign');
    v = await act(t, town, v, 'reply', { text: '已协调施工单位清理，道路已恢复通行。' });
    expect(v.deadline.state).toBe('paused');
    v = await act(t, 'hotline-chief', v, 'review-pass');
    v = await act(t, 'operator', v, 'callback', { satisfaction: 'unsatisfied', solved: false, reason: '仍有材料堆放' });
    expect(v).toMatchObject({ state: 'handling', reopenCount: 1, satisfaction: 'unsatisfied', solved: false });
    expect(v.unit?.code).toBe('211103001000');
    v = await act(t, town, v, 'reply', { text: '剩余材料已全部清运。' });
    v = await act(t, 'hotline-chief', v, 'review-pass');
    v = await act(t, 'operator', v, 'callback', { satisfaction: 'satisfied' });
    expect(v).toMatchObject({ state: 'closed', satisfaction: 'satisfied', solved: true, reopenCount: 1 });
    expect(v.history.map((h) => h.action)).toEqual([
      'register',
      'dispatch',
      'sign',
      'redispatch',
      'sign',
      'reply',
      'review-pass',
      'callback',
      'reply',
      'review-pass',
      'callback',
    ]);
    expect(await audits('hotline.ticket.callback')).toBeGreaterThanOrEqual(2);
  });

  it('stops reopening at the limit and closes unsatisfied', async () => {
    let v = await atTown(t);
    const town = await t.as('unit-town');
    v = await act(t, town, v, 'sign');
    for (let i = 0; i < 3; i++) {
      v = await act(t, town, v, 'reply', { text: `第 ${i + 1} 次答复` });
      v = await act(t, 'hotline-chief', v, 'review-pass');
      v = await act(t, 'operator', v, 'callback', { satisfaction: 'unsatisfied' });
    }
    expect(v).toMatchObject({ state: 'closed', reopenCount: 2, satisfaction: 'unsatisfied' });
  });
});

describe('returns, extensions and review', () => {
  it('a return accepted goes back to the centre and out of the unit’s sight', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'return', { reason: '不属于本单位职责' });
    expect(v).toMatchObject({ state: 'return_pending', deadline: { state: 'paused' } });
    v = await act(t, 'hotline-chief', v, 'accept-return');
    expect(v).toMatchObject({ state: 'registered', unit: null });
    expect((await t.get(`/api/hotline/tickets/${v.id}`, await t.as('unit-county'))).statusCode).toBe(404);
  });

  it('a return rejected goes back where it came from', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');
    v = await act(t, 'unit-county', v, 'return', { reason: '不属于本单位职责' });
    const noReason = await t.post(`/api/hotline/tickets/${v.id}/actions`, await t.as('hotline-chief'), {
      action: 'reject-return',
      version: v.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ field: 'reason', message: '请填写理由' });
    v = await act(t, 'hotline-chief', v, 'reject-return', { reason: '属于属地管理职责' });
    expect(v).toMatchObject({ state: 'handling', unit: { code: '211103' } });
  });

  it('an approved extension moves the deadline on by its working days', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');
    v = await act(t, 'unit-county', v, 'request-extension', { reason: '需协调多个部门', days: 5 });
    v = await act(t, 'hotline-chief', v, 'approve-extension');
    expect(v.deadline).toMatchObject({ state: 'normal', dueAt: '2026-12-07T15:59:59.999Z' });
  });

  it('a reply sent back returns the ticket to the unit', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');
    v = await act(t, 'unit-county', v, 'reply', { text: '已处理' });
    v = await act(t, 'hotline-chief', v, 'review-return', { reason: '答复过于简单' });
    expect(v.state).toBe('handling');
  });

  it('a county cannot pass a ticket outside its own towns', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');
    const res = await t.post(`/api/hotline/tickets/${v.id}/actions`, await t.as('unit-county'), {
      action: 'redispatch',
      version: v.version,
      unit: { kind: 'region', code: '211102002000' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('unit.code');
  });

  it('an unknown unit is a 400 on the unit', async () => {
    const v = await register(t);
    const res = await t.post(`/api/hotline/tickets/${v.id}/actions`, await t.as('operator'), {
      action: 'dispatch',
      version: v.version,
      unit: { kind: 'department', code: 'PJ-NOPE' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'unit.code' });
  });
});

describe('two operators on one ticket', () => {
  it('one wins, the other gets 409 stale_version', async () => {
    const v = await register(t);
    const [a, b] = await Promise.all([t.as('operator'), t.as('hotline-chief')]);
    const first = await t.post(`/api/hotline/tickets/${v.id}/actions`, a, {
      action: 'dispatch',
      version: 1,
      unit: COUNTY,
    });
    const second = await t.post(`/api/hotline/tickets/${v.id}/actions`, b, {
      action: 'dispatch',
      version: 1,
      unit: TOWN,
    });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('stale_version');
  });

  it('an action that does not fit the state is a 409 naming both', async () => {
    const v = await register(t);
    const res = await t.post(`/api/hotline/tickets/${v.id}/actions`, await t.as('hotline-chief'), {
      action: 'review-pass',
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('工单当前为「待派单」，不能执行「审核通过」');
  });

  it('answering a complaint at once is refused as a business rule', async () => {
    const v = await register(t);
    const res = await t.post(`/api/hotline/tickets/${v.id}/actions`, await t.as('operator'), {
      action: 'answer',
      version: 1,
      text: '已答复',
    });
    expect(res.statusCode).toBe(422);
  });
});

describe('reports 举报 and anonymous callers', () => {
  it('never show the reporter to the unit, in the view or the list', async () => {
    const v = await atTown(
      t,
      blockedRoad({ type: 'report', title: '举报违规占道经营', callerIdNumber: '211103199001011234' }),
    );
    const op = (await t.get(`/api/hotline/tickets/${v.id}`, await t.as('operator'))).json();
    expect(op.caller).toEqual({ name: '李秀兰', phone: '13998761234', idNumber: '211103199001011234' });
    const town = await t.as('unit-town');
    const res = await t.get(`/api/hotline/tickets/${v.id}`, town);
    expect(res.json()).toMatchObject({ caller: null, callerHidden: true });
    expect(res.body).not.toContain('13998761234');
    expect(res.body).not.toContain('李');
    const list = await t.get('/api/hotline/tickets?type=report', town);
    expect(list.json().items.length).toBeGreaterThan(0);
    expect(list.body).not.toContain('1399876');
    expect(list.json().items.every((i: TicketView) => i.caller === null)).toBe(true);
  });

  it('stores no caller at all for an anonymous ticket', async () => {
    const v = await register(t, blockedRoad({ anonymous: true }));
    expect(v).toMatchObject({ anonymous: true, caller: { name: null, phone: null, idNumber: null } });
  });
});

describe('lists', () => {
  it('mask the caller for the centre too, and filter by state, unit and type', async () => {
    const op = await t.as('operator');
    const res = await t.get('/api/hotline/tickets?state=registered&type=complaint&pageSize=5', op);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.pageSize).toBe(5);
    expect(page.items.every((i: TicketView) => i.state === 'registered' && i.type === 'complaint')).toBe(true);
    const phones = page.items.map((i: TicketView) => i.caller?.phone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^\d{3}\*{4}\d{4}$/);
    const byUnit = (await t.get('/api/hotline/tickets?unit=211103001000', op)).json();
    expect(byUnit.total).toBeGreaterThan(0);
    expect(byUnit.items.every((i: TicketView) => i.unit?.code === '211103001000')).toBe(true);
  });

  it('show a unit only its own and what lies below it', async () => {
    const county = (await t.get('/api/hotline/tickets?pageSize=200', await t.as('unit-county'))).json();
    expect(county.items.every((i: TicketView) => i.unit?.code.startsWith('211103'))).toBe(true);
    const town = (await t.get('/api/hotline/tickets?pageSize=200', await t.as('unit-town'))).json();
    expect(town.items.every((i: TicketView) => i.unit?.code === '211103001000')).toBe(true);
    expect(town.total).toBeLessThan(county.total);
  });

  it('refuse a bad filter in Chinese', async () => {
    const res = await t.get('/api/hotline/tickets?state=lost', await t.as('operator'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('state');
  });
});

describe('merging duplicates', () => {
  it('a merged ticket closes with its main ticket', async () => {
    const main = await register(t, blockedRoad({ type: 'consult', categoryCode: 'ZWFW-ZC' }));
    let dup = await register(t, blockedRoad({ type: 'consult', categoryCode: 'ZWFW-ZC', callerPhone: '13900001111' }));
    dup = await act(t, 'operator', dup, 'merge', { mainTicketId: main.id });
    expect(dup).toMatchObject({ state: 'merged', mergedInto: main.id });
    const self = await t.post(`/api/hotline/tickets/${main.id}/actions`, await t.as('operator'), {
      action: 'merge',
      version: 1,
      mainTicketId: main.id,
    });
    expect(self.json().errors[0]).toMatchObject({ field: 'mainTicketId', message: '不能并入自身' });
    await act(t, 'operator', main, 'answer', { text: '统一答复' });
    const after = (await t.get(`/api/hotline/tickets/${dup.id}`, await t.as('operator'))).json();
    expect(after).toMatchObject({ state: 'closed', reply: { text: '统一答复' } });
  });
});

describe('calls from the telephony system', () => {
  it('records a call, shows the caller’s earlier tickets and links the ticket registered from it', async () => {
    const op = await t.as('operator');
    const res = await t.post('/api/hotline/calls', op, {
      callerPhone: '13998761234',
      startedAt: '2026-11-02T10:00:00+08:00',
      endedAt: '2026-11-02T10:04:30+08:00',
      recordingRef: 'rec/2026/11/02/0001.wav',
    });
    expect(res.statusCode, res.body).toBe(201);
    const call = res.json();
    expect(call.earlierTickets.length).toBeGreaterThan(0);
    expect(call.earlierTickets[0].caller.phone).toBe('139****1234');
    const v = await register(t, blockedRoad({ callId: call.id }));
    expect(v.state).toBe('registered');
    const again = await t.post('/api/hotline/tickets', op, blockedRoad({ callId: call.id }));
    expect(again.json().errors[0]).toMatchObject({ field: 'callId', message: '该话单已关联工单' });
  });

  it('refuses an end before the start', async () => {
    const res = await t.post('/api/hotline/calls', await t.as('operator'), {
      callerPhone: '13998761234',
      startedAt: '2026-11-02T10:00:00+08:00',
      endedAt: '2026-11-02T09:00:00+08:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('endedAt');
  });
});

describe('dispatch rules', () => {
  it('the centre sets a rule and new tickets follow it', async () => {
    const chief = await t.as('hotline-chief');
    const put = await t.put('/api/hotline/dispatch-rules', chief, {
      categoryCode: 'CSGL-DL',
      regionCode: '211103001000',
      unit: TOWN,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().unit).toEqual({ kind: 'region', code: '211103001000', name: '振兴街道' });
    const v = await register(t);
    expect(v.suggestedUnit?.code).toBe('211103001000');
    const del = await t.delete(`/api/hotline/dispatch-rules/${put.json().id}`, chief);
    expect(del.statusCode).toBe(200);
    expect((await register(t)).suggestedUnit?.code).toBe('211103');
    expect((await t.delete(`/api/hotline/dispatch-rules/${put.json().id}`, chief)).statusCode).toBe(404);
    expect(await audits('hotline.rule.put')).toBe(1);
  });

  it('refuses an unknown category naming the field', async () => {
    const res = await t.put('/api/hotline/dispatch-rules', await t.as('hotline-chief'), {
      categoryCode: 'NOPE',
      regionCode: '211103',
      unit: COUNTY,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('categoryCode');
  });
});

describe('figures', () => {
  it('count tickets and rates by unit, category and county', async () => {
    await atTown(t);
    const op = await t.as('operator');
    const byUnit = await t.get('/api/hotline/figures?groupBy=unit&from=2026-11-01&to=2026-11-30', op);
    expect(byUnit.statusCode, byUnit.body).toBe(200);
    const town = byUnit.json().find((r: { key: string }) => r.key === '211103001000');
    expect(town).toMatchObject({ name: '振兴街道' });
    expect(town.total).toBeGreaterThan(0);
    // A rate over nothing (no callback yet) is null, not 0 %.
    if (town.satisfiedRate !== null) expect(town.satisfiedRate).toBeLessThanOrEqual(100);
    expect(town.signRate).toBeGreaterThanOrEqual(0);
    expect(town.signRate).toBeLessThanOrEqual(100);
    const byCategory = (await t.get('/api/hotline/figures?groupBy=category&from=2026-11-01&to=2026-11-30', op)).json();
    expect(byCategory.find((r: { key: string }) => r.key === 'CSGL')).toMatchObject({ name: '城市管理' });
    const byRegion = (await t.get('/api/hotline/figures?groupBy=region&from=2026-11-01&to=2026-11-30', op)).json();
    expect(byRegion.map((r: { key: string }) => r.key)).toContain('211103');
  });

  it('show a unit only its own, and refuse a reversed period naming the field', async () => {
    const rows = (await t.get('/api/hotline/figures?from=2026-11-01&to=2026-11-30', await t.as('unit-town'))).json();
    expect(rows.every((r: { key: string }) => r.key === '211103001000')).toBe(true);
    const bad = await t.get('/api/hotline/figures?from=2026-11-30&to=2026-11-01', await t.as('operator'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('to');
  });
});
