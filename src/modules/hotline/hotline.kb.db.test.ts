import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { act, blockedRoad, register } from './hotline.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.pinClock(() => new Date('2026-11-02T02:00:00Z'));
});
afterAll(async () => t?.close());

type Entry = {
  id: string;
  question: string;
  version: number;
  state: string;
  useCount: number;
  notHelpfulCount: number;
};
const search = async (who: string, query: string) => {
  const res = await t.get(`/api/hotline/kb?${query}`, await t.as(who));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: Entry[] };
};

describe('knowledge search', () => {
  it('finds the right entry for a caller’s words', async () => {
    const r = await search('operator', `q=${encodeURIComponent('我的社保卡丢了怎么办')}`);
    expect(r.items[0]?.question).toBe('社保卡丢了怎么补办？');
    const heat = await search('unit-town', `q=${encodeURIComponent('暖气不热')}`);
    expect(heat.items[0]?.question).toBe('家里暖气不热怎么办？');
  });

  it('holds the catalog’s item guides as entries', async () => {
    const r = await search('operator', `q=${encodeURIComponent('如何办理')}&pageSize=200`);
    expect(r.items.filter((e) => e.question.startsWith('如何办理')).length).toBeGreaterThan(10);
  });

  it('refuses a search by someone outside the hotline', async () => {
    expect((await t.get('/api/hotline/kb?q=x', await t.as('applicant'))).statusCode).toBe(403);
  });
});

describe('the publish workflow', () => {
  it('keeps a draft from operators until it is reviewed and published, and versions every change', async () => {
    const chief = await t.as('hotline-chief');
    expect((await t.post('/api/hotline/kb', await t.as('operator'), { question: 'x', answer: 'y' })).statusCode).toBe(
      403,
    );
    const bad = await t.post('/api/hotline/kb', chief, {
      question: '冬季供暖时间',
      answer: '11 月 1 日至次年 3 月 31 日',
      validFrom: '2026-12-01',
      validTo: '2026-11-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'validTo', message: '失效日期不能早于生效日期' });
    const created = await t.post('/api/hotline/kb', chief, {
      question: '盘锦冬季供暖从什么时候开始？',
      answer: '盘锦市供暖期为每年 11 月 1 日至次年 3 月 31 日，遇极端天气可提前或延长。',
      categoryCode: 'ZFBZ-GN',
      sourceDepartment: '市住建局',
    });
    expect(created.statusCode, created.body).toBe(201);
    let e = created.json() as Entry;
    expect(e.state).toBe('draft');
    const words = `q=${encodeURIComponent('供暖什么时候开始')}`;
    expect((await search('operator', words)).items.some((x) => x.id === e.id)).toBe(false);
    expect((await t.get(`/api/hotline/kb/${e.id}`, await t.as('operator'))).statusCode).toBe(404);

    const wrong = await t.post(`/api/hotline/kb/${e.id}/actions`, chief, { action: 'publish', version: e.version });
    expect(wrong.statusCode).toBe(409);
    expect(wrong.json().detail).toBe('知识条目当前为「草稿」，不能「审核发布」');
    e = (await t.post(`/api/hotline/kb/${e.id}/actions`, chief, { action: 'submit', version: e.version })).json();
    e = (await t.post(`/api/hotline/kb/${e.id}/actions`, chief, { action: 'publish', version: e.version })).json();
    expect(e.state).toBe('published');
    expect((await search('operator', words)).items[0]?.id).toBe(e.id);

    const stale = await t.put(`/api/hotline/kb/${e.id}`, chief, { question: '改', answer: '改', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const edited = await t.put(`/api/hotline/kb/${e.id}`, chief, {
      question: '盘锦冬季供暖从什么时候开始？',
      answer: '盘锦市供暖期为每年 11 月 1 日至次年 3 月 31 日。',
      version: e.version,
    });
    expect(edited.json()).toMatchObject({ state: 'draft', version: e.version + 1 });
    expect(edited.json().versions.length).toBe(4);
  });
});

describe('answering from an entry', () => {
  it('closes a consultation at once and counts the use; not-helpful is counted too', async () => {
    const [entry] = (await search('operator', `q=${encodeURIComponent('社保卡补办')}`)).items;
    const v = await register(t, blockedRoad({ type: 'consult', categoryCode: 'SHBZ-YB', title: '社保卡补办' }));
    const done = await act(t, 'operator', v, 'answer', { text: '按知识库答复', kbEntryId: entry!.id });
    expect(done).toMatchObject({ state: 'closed', answeredAtOnce: true, kbEntryId: entry!.id });
    const after = (await t.get(`/api/hotline/kb/${entry!.id}`, await t.as('operator'))).json() as Entry;
    expect(after.useCount).toBe(entry!.useCount + 1);
    const nh = await t.post(`/api/hotline/kb/${entry!.id}/not-helpful`, await t.as('unit-town'));
    expect(nh.json().notHelpfulCount).toBe(entry!.notHelpfulCount + 1);
  });

  it('refuses an unknown entry naming the field', async () => {
    const v = await register(t, blockedRoad({ type: 'consult', categoryCode: 'SHBZ-YB' }));
    const res = await t.post(`/api/hotline/tickets/${v.id}/actions`, await t.as('operator'), {
      action: 'answer',
      version: v.version,
      text: '答复',
      kbEntryId: '00000000-0000-4000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'kbEntryId' });
  });
});
