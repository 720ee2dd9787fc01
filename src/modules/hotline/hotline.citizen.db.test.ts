import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFixtures } from '../../../test/cases-fixtures';
import { createTestApp, type TestApp } from '../../../test/harness';
import type { MyTicketView } from './hotline.citizen.schemas';
import { act, COUNTY } from './hotline.fixtures';
import type { TicketView } from './hotline.schemas';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.pinClock(() => new Date('2026-11-02T02:00:00Z'));
});
afterAll(async () => t?.close());
const { upload } = caseFixtures(() => t);

const streetLight = (more: Record<string, unknown> = {}) => ({
  type: 'help',
  categoryCode: 'CSGL-LD',
  regionCode: '211103001001',
  address: '世纪社区 3 号楼北侧',
  content: '小区北侧路灯连续一周不亮，夜间出行不安全。',
  ...more,
});

async function file(who = 'applicant', body: Record<string, unknown> = streetLight()): Promise<MyTicketView> {
  const res = await t.post('/api/my/hotline-tickets', await t.as(who), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MyTicketView;
}

/** The ticket as the centre sees it. */
const staffView = async (id: string) =>
  (await t.get(`/api/hotline/tickets/${id}`, await t.as('hotline-chief'))).json() as TicketView;

/** Dispatched to the county, signed, replied and passed: it awaits the callback. */
async function toCallback(id: string) {
  let v = await staffView(id);
  v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
  v = await act(t, 'unit-county', v, 'sign');
  v = await act(t, 'unit-county', v, 'reply', { text: '已更换灯具，路灯恢复照明。' });
  return act(t, 'hotline-chief', v, 'review-pass');
}

describe('filing on the portal', () => {
  it('registers a web ticket with the account as the caller', async () => {
    const mine = await file();
    expect(mine).toMatchObject({
      state: 'registered',
      status: '已受理，等待转交承办单位',
      channel: 'web',
      title: '小区北侧路灯连续一周不亮，夜间出行不安全',
      categoryName: '路灯照明',
      canEvaluate: false,
      reply: null,
      rating: null,
    });
    expect(mine.deadline.state).toBe('normal');
    expect(mine.history).toEqual([{ text: '诉求已受理', at: '2026-11-02T02:00:00.000Z' }]);
    const staff = await staffView(mine.id);
    expect(staff).toMatchObject({ channel: 'web', caller: { name: '张明', phone: '13804271234' } });
    expect(staff.history[0]!.actorName).toBe('市民（网上）');
  });

  it('keeps an anonymous filer from the caller fields while the filer still follows it', async () => {
    const mine = await file('company', streetLight({ anonymous: true }));
    const staff = await staffView(mine.id);
    expect(staff.caller).toEqual({ name: null, phone: null, idNumber: null });
    expect((await t.get(`/api/my/hotline-tickets/${mine.id}`, await t.as('company'))).statusCode).toBe(200);
  });

  it('refuses staff, bad input and files of someone else', async () => {
    expect((await t.post('/api/my/hotline-tickets', await t.as('operator'), streetLight())).statusCode).toBe(403);
    expect((await t.post('/api/my/hotline-tickets', {}, streetLight())).statusCode).toBe(401);
    const me = await t.as('applicant');
    const cases: [Record<string, unknown>, string][] = [
      [streetLight({ categoryCode: 'NOPE' }), 'categoryCode'],
      [streetLight({ regionCode: '210202' }), 'regionCode'],
      [streetLight({ content: '灯' }), 'content'],
      [streetLight({ fileIds: ['00000000-0000-4000-8000-000000000000'] }), 'fileIds.0'],
    ];
    for (const [body, field] of cases) {
      const res = await t.post('/api/my/hotline-tickets', me, body);
      expect(res.statusCode, res.body).toBe(400);
      expect((res.json().errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
  });
});

describe('attachments', () => {
  it('travel with the ticket: the unit reads them through it, nobody else', async () => {
    const me = await t.as('applicant');
    const fileId = await upload(me, '路灯照片.pdf');
    const mine = await file('applicant', streetLight({ fileIds: [fileId] }));
    expect(mine.fileIds).toEqual([fileId]);
    const url = (id: string) => `/api/hotline/tickets/${id}/files/${fileId}`;
    const staff = await staffView(mine.id);
    expect(staff.fileIds).toEqual([fileId]);
    const atCentre = await t.get(url(mine.id), await t.as('operator'));
    expect(atCentre.statusCode).toBe(200);
    expect(atCentre.headers['content-type']).toBe('application/pdf');
    // Not yet dispatched: the county does not reach the ticket.
    expect((await t.get(url(mine.id), await t.as('unit-county'))).statusCode).toBe(404);
    await act(t, 'operator', staff, 'dispatch', { unit: COUNTY });
    expect((await t.get(url(mine.id), await t.as('unit-county'))).statusCode).toBe(200);
    // Another ticket does not lend its files.
    const other = await file('applicant');
    expect((await t.get(url(other.id), await t.as('operator'))).statusCode).toBe(404);
    expect((await t.get(`/api/my/hotline-tickets/${mine.id}/files/${fileId}`, me)).statusCode).toBe(200);
    expect((await t.get(`/api/my/hotline-tickets/${mine.id}/files/${fileId}`, await t.as('company'))).statusCode).toBe(
      404,
    );
    // Once attached, a file is not attached to a second ticket by someone else.
    const res = await t.post('/api/my/hotline-tickets', await t.as('company'), streetLight({ fileIds: [fileId] }));
    expect(res.statusCode).toBe(400);
  });
});

describe('following one’s own tickets', () => {
  it('lists only one’s own, and answers 404 for another’s', async () => {
    const mine = await file();
    const theirs = await file('company');
    const me = await t.as('applicant');
    const list = (await t.get('/api/my/hotline-tickets?pageSize=50', me)).json() as {
      total: number;
      items: { id: string }[];
    };
    expect(list.items.map((i) => i.id)).toContain(mine.id);
    expect(list.items.map((i) => i.id)).not.toContain(theirs.id);
    expect((await t.get(`/api/my/hotline-tickets/${theirs.id}`, me)).statusCode).toBe(404);
    const evaluation = { version: theirs.version, satisfaction: 'satisfied', solved: true };
    expect((await t.post(`/api/my/hotline-tickets/${theirs.id}/evaluation`, me, evaluation)).statusCode).toBe(404);
    const registered = (await t.get('/api/my/hotline-tickets?state=registered&pageSize=50', me)).json();
    expect(registered.items.every((i: { state: string }) => i.state === 'registered')).toBe(true);
  });

  it('shows the public steps and the reply only once the centre passed it', async () => {
    const mine = await file();
    let v = await staffView(mine.id);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');
    v = await act(t, 'unit-county', v, 'reply', { text: '已更换灯具。' });
    const me = await t.as('applicant');
    let seen = (await t.get(`/api/my/hotline-tickets/${mine.id}`, me)).json() as MyTicketView;
    expect(seen.status).toBe('承办单位已答复，热线中心正在审核');
    expect(seen.reply).toBeNull();
    expect(seen.history.map((h) => h.text)).toEqual(['诉求已受理', '已转交兴隆台区办理', '承办单位已签收']);
    await act(t, 'hotline-chief', v, 'review-pass');
    seen = (await t.get(`/api/my/hotline-tickets/${mine.id}`, me)).json() as MyTicketView;
    expect(seen).toMatchObject({ state: 'callback', canEvaluate: true, reply: { text: '已更换灯具。' } });
  });
});

describe('evaluating online', () => {
  it('reopens when unsatisfied, as the callback does, and closes when satisfied', async () => {
    const mine = await file();
    await toCallback(mine.id);
    const me = await t.as('applicant');
    let seen = (await t.get(`/api/my/hotline-tickets/${mine.id}`, me)).json() as MyTicketView;
    const res = await t.post(`/api/my/hotline-tickets/${mine.id}/evaluation`, me, {
      version: seen.version,
      satisfaction: 'unsatisfied',
      solved: false,
      comment: '路灯还是时亮时不亮',
    });
    expect(res.statusCode, res.body).toBe(200);
    seen = res.json() as MyTicketView;
    expect(seen).toMatchObject({
      state: 'handling',
      status: '承办单位正在办理',
      canEvaluate: false,
      rating: { satisfaction: 'unsatisfied', satisfactionLabel: '不满意', solved: false },
    });
    expect(seen.history.at(-1)!.text).toBe('评价：不满意，已退回承办单位重新办理');
    const staff = await staffView(mine.id);
    expect(staff).toMatchObject({ state: 'handling', reopenCount: 1, unit: { code: '211103' } });
    expect(staff.history.at(-1)).toMatchObject({
      action: 'callback',
      actorName: '市民（网上）',
      note: '路灯还是时亮时不亮',
    });

    const replied = await act(t, 'unit-county', staff, 'reply', { text: '已更换整条线路。' });
    await act(t, 'hotline-chief', replied, 'review-pass');
    seen = (await t.get(`/api/my/hotline-tickets/${mine.id}`, me)).json() as MyTicketView;
    const done = await t.post(`/api/my/hotline-tickets/${mine.id}/evaluation`, me, {
      version: seen.version,
      satisfaction: 'satisfied',
      solved: true,
    });
    expect(done.json()).toMatchObject({ state: 'closed', status: '已办结', rating: { satisfactionLabel: '满意' } });
  });

  it('answers 409 on a stale version and outside the callback', async () => {
    const mine = await file();
    const me = await t.as('applicant');
    const early = await t.post(`/api/my/hotline-tickets/${mine.id}/evaluation`, me, {
      version: mine.version,
      satisfaction: 'satisfied',
      solved: true,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('ticket_state');
    await toCallback(mine.id);
    const stale = await t.post(`/api/my/hotline-tickets/${mine.id}/evaluation`, me, {
      version: mine.version,
      satisfaction: 'satisfied',
      solved: true,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
  });
});
