import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageSignatureValid, sm3Hex } from '../../platform/audit.checkpoints';
import { createTestApp, type TestApp } from '../../../test/harness';
import { receiptMessage } from './trading.bids';
import { gcmEncrypt } from './trading.gcm';
import { isBlacklisted } from './index';
import {
  AGENCY,
  announce,
  createProject,
  openProject,
  projectBody,
  publish,
  sealedBid,
  TENDERER,
} from './trading.fixtures';
import type { BidReceipt, ProjectView } from './trading.schemas';

let t: TestApp;
const DAY = 86_400_000;
// Tuesday 2026-12-08, 10:00 in Shanghai.
const NOW = new Date('2026-12-08T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp();
  t.pinClock(() => NOW);
});
afterAll(async () => t?.close());

const count = async (table: string) =>
  Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n);
const audits = async (action: string) =>
  Number(
    (await sql<{ n: string }>`select count(*)::text as n from audit_log where action = ${action}`.execute(t.db))
      .rows[0]!.n,
  );

describe('registering a project', () => {
  it('keeps its lots, the tenderer’s firm and the agency it names, and audits', async () => {
    const p = await createProject(t);
    expect(p).toMatchObject({
      kind: 'works',
      kindLabel: '工程建设招标',
      procedureLabel: '公开招标',
      tenderer: TENDERER,
      agency: AGENCY,
      estimate: 1_500_000,
      version: 1,
      announcements: [],
    });
    expect(p.number).toMatch(/^JY2026-\d{5}$/);
    expect(p.lots.map((l) => [l.seq, l.name, l.estimate, l.deposit])).toEqual([
      [1, '一标段', 1_000_000, 20_000],
      [2, '二标段', 500_000, 5_000],
    ]);
    expect(await audits('trading.project.create')).toBeGreaterThan(0);
  });

  it('lets an agency register a project for the tenderer it names, and requires that tenderer', async () => {
    const p = await createProject(t, 'agency', projectBody(t, { agency: undefined, tenderer: TENDERER }));
    expect(p).toMatchObject({ tenderer: TENDERER, agency: AGENCY });
    const res = await t.post('/api/trading/projects', await t.as('agency'), projectBody(t, { agency: undefined }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'tenderer', message: '招标代理登记项目时须填写招标人' }]);
    const other = { creditCode: '12211100MB1J00029K', name: '盘锦市水利事务服务中心' };
    const asOther = await t.post(
      '/api/trading/projects',
      await t.as('agency'),
      projectBody(t, { agency: other, tenderer: TENDERER }),
    );
    expect(asOther.json().errors).toEqual([
      { field: 'agency.creditCode', message: '招标代理登记的项目，招标代理为本单位' },
    ]);
    const forOther = await t.post('/api/trading/projects', await t.as('tenderer'), projectBody(t, { tenderer: other }));
    expect(forOther.json().errors).toEqual([
      { field: 'tenderer.creditCode', message: '招标人登记的项目，招标人为本单位' },
    ]);
  });

  it('refuses a deadline under 20 days and a deposit above 2 %, naming the fields, writing nothing', async () => {
    const before = [await count('trading_projects'), await count('trading_lots'), await count('audit_log')];
    const res = await t.post(
      '/api/trading/projects',
      await t.as('tenderer'),
      projectBody(t, {
        bidDeadline: new Date(NOW.getTime() + 19 * DAY).toISOString(),
        lots: [
          { name: '一标段', estimate: 1_000_000, deposit: 20_000 },
          { name: '二标段', estimate: 500_000, deposit: 10_000.01 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'bidDeadline',
        message: '自招标文件发出之日至投标截止之日仅 19 日，不得少于 20 日（《中华人民共和国招标投标法》第二十四条）',
      },
      {
        field: 'lots.1.deposit',
        message:
          '投标保证金 10000.01 元超过估算价的 2%（最多 10000 元）（《中华人民共和国招标投标法实施条例》第二十六条）',
      },
    ]);
    expect([await count('trading_projects'), await count('trading_lots'), await count('audit_log')]).toEqual(before);
  });

  it('refuses a procedure the kind does not use, a bad credit code and malformed input, in Chinese', async () => {
    const h = await t.as('tenderer');
    let res = await t.post('/api/trading/projects', h, projectBody(t, { kind: 'land' }));
    expect(res.json().errors).toEqual([{ field: 'procedure', message: '土地使用权出让的交易方式应为拍卖/挂牌之一' }]);
    res = await t.post(
      '/api/trading/projects',
      h,
      projectBody(t, { agency: { ...AGENCY, creditCode: '91211100MA0TD0001M' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ field: 'agency.creditCode', message: '统一社会信用代码校验位错误' });
    res = await t.post('/api/trading/projects', h, projectBody(t, { kind: 'bridge', bidDeadline: '明天' }));
    expect(res.statusCode).toBe(400);
    const fields = (res.json().errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'bidDeadline']));
    expect(res.json().detail).toMatch(/交易类型应为/);
  });
});

describe('reading projects', () => {
  let ours: ProjectView;
  beforeAll(async () => {
    ours = await createProject(t, 'tenderer', projectBody(t, { title: '辽河路照明改造工程', agency: undefined }));
  });

  it('shows a tenderer its own, an agency only those naming it, the centre its region', async () => {
    const numbers = async (who: string) =>
      ((await t.get('/api/trading/projects?q=辽河路照明', await t.as(who))).json().items as { number: string }[]).map(
        (p) => p.number,
      );
    expect(await numbers('tenderer')).toEqual([ours.number]);
    expect(await numbers('agency')).toEqual([]);
    expect(await numbers('trading-staff')).toEqual([ours.number]);
    expect((await t.get(`/api/trading/projects/${ours.id}`, await t.as('agency'))).statusCode).toBe(404);
    const view = await t.get(`/api/trading/projects/${ours.id}`, await t.as('trading-staff'));
    expect(view.json()).toMatchObject({ id: ours.id, basis: expect.stringMatching(/招标投标法/) });
  });
});

describe('announcements', () => {
  it('wait for the centre, then appear on the public list and in the feed, in order', async () => {
    const start = (await t.get('/api/public/trading/feed?cursor=0&limit=100')).json() as { next: number };
    const p = await createProject(t, 'tenderer', projectBody(t, { title: '双台子河堤防加固工程' }));
    const a = await announce(t, p.id, { kind: 'tender', title: '双台子河堤防加固工程招标公告', content: '堤防加固。' });
    expect(a).toMatchObject({ state: 'pending', kindLabel: '招标公告', publishedAt: null, version: 1 });
    const search = () => t.get(`/api/public/trading/announcements?q=${encodeURIComponent('双台子河')}`);
    expect((await search()).json().total).toBe(0);

    const published = await publish(t, a);
    expect(published).toMatchObject({ state: 'published', publishedAt: NOW.toISOString(), version: 2 });
    const list = (await search()).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      title: '双台子河堤防加固工程招标公告',
      project: { number: p.number, kindLabel: '工程建设招标', lots: [{ seq: 1, deposit: 20000 }, { seq: 2 }] },
    });
    expect((await t.get('/api/public/trading/announcements?kind=result&q=双台子河')).json().total).toBe(0);

    const change = await announce(t, p.id, {
      kind: 'change',
      title: '双台子河堤防加固工程变更公告',
      content: '答疑。',
    });
    await publish(t, change);
    const feed = (await t.get(`/api/public/trading/feed?cursor=${start.next}`)).json();
    expect(feed.items.map((i: { title: string }) => i.title).slice(-2)).toEqual([
      '双台子河堤防加固工程招标公告',
      '双台子河堤防加固工程变更公告',
    ]);
    expect(feed.next).toBe(feed.items.at(-1).seq);
    const seqs = feed.items.map((i: { seq: number }) => i.seq);
    expect(seqs).toEqual([...seqs].sort((x: number, y: number) => x - y));
    // Paging by one from the start reaches the same items; past the end, the cursor stays.
    const first = (await t.get(`/api/public/trading/feed?cursor=${start.next}&limit=1`)).json();
    expect(first.items).toHaveLength(1);
    expect(first.next).toBe(seqs[0]);
    const end = (await t.get(`/api/public/trading/feed?cursor=${feed.next}`)).json();
    expect(end).toEqual({ items: [], next: feed.next });
    expect((await t.get('/api/public/trading/feed?cursor=-1')).json().errors[0].field).toBe('cursor');
  });

  it('refuses a stale version with 409 and a second publication with 422', async () => {
    const p = await createProject(t);
    const a = await announce(t, p.id);
    const staff = await t.as('trading-staff');
    let res = await t.post(`/api/trading/announcements/${a.id}/publish`, staff, { version: 7 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'stale_version',
      detail: '公告已被他人修改（当前版本 1，您提交的版本 7），请刷新后重试',
    });
    await publish(t, a);
    res = await t.post(`/api/trading/announcements/${a.id}/publish`, staff, { version: 2 });
    expect(res.statusCode).toBe(422);
  });

  it('moves the bid deadline by a change announcement when it is published, 15 days ahead at least (§21)', async () => {
    // Documents out 10 days ago, bids due in 12 days: a deadline 14 days from now keeps §24 but breaks §21.
    const p = await createProject(
      t,
      'tenderer',
      projectBody(t, {
        documentsIssuedAt: new Date(NOW.getTime() - 10 * DAY).toISOString(),
        bidDeadline: new Date(NOW.getTime() + 12 * DAY).toISOString(),
      }),
    );
    const h = await t.as('agency');
    const change = { kind: 'change', title: '变更公告', content: '投标截止时间顺延。' };
    const post = (body: unknown) => t.post(`/api/trading/projects/${p.id}/announcements`, h, body);
    let res = await post({ ...change, bidDeadline: new Date(NOW.getTime() + 14 * DAY).toISOString() });
    expect(res.json().errors).toEqual([
      {
        field: 'bidDeadline',
        message:
          '自变更公告发布之日至投标截止之日仅 14 日，不得少于 15 日（《中华人民共和国招标投标法实施条例》第二十一条）',
      },
    ]);
    res = await post({ ...change, kind: 'tender', bidDeadline: new Date(NOW.getTime() + 30 * DAY).toISOString() });
    expect(res.json().errors).toEqual([{ field: 'bidDeadline', message: '仅变更公告可以变更投标截止时间' }]);
    const later = new Date(NOW.getTime() + 30 * DAY).toISOString();
    res = await post({ ...change, bidDeadline: later });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ newBidDeadline: later, state: 'pending' });
    let view = (await t.get(`/api/trading/projects/${p.id}`, h)).json() as ProjectView;
    expect(view).toMatchObject({ bidDeadline: p.bidDeadline, version: 1 });
    await publish(t, res.json());
    view = (await t.get(`/api/trading/projects/${p.id}`, h)).json() as ProjectView;
    expect(view).toMatchObject({ bidDeadline: later, version: 2 });
    expect(await audits('trading.project.change-deadline')).toBe(1);
  });

  it('checks the candidates’ publicity against the evaluation report (实施条例 §54)', async () => {
    const p = await createProject(t);
    const h = await t.as('agency');
    const body = { kind: 'candidates', title: '中标候选人公示', content: '第一中标候选人：盘锦辽河路桥工程有限公司。' };
    let res = await t.post(`/api/trading/projects/${p.id}/announcements`, h, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'evaluationReportOn',
      'publicityFrom',
      'publicityTo',
    ]);
    res = await t.post(`/api/trading/projects/${p.id}/announcements`, h, {
      ...body,
      evaluationReportOn: '2026-12-04',
      publicityFrom: '2026-12-08T09:00:00+08:00',
      publicityTo: '2026-12-11T09:00:00+08:00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: 'publicityFrom',
        message: '公示应自收到评标报告之日起 3 日内开始，现为第 4 日（《中华人民共和国招标投标法实施条例》第五十四条）',
      },
    ]);
    res = await t.post(`/api/trading/projects/${p.id}/announcements`, h, {
      ...body,
      evaluationReportOn: '2026-12-06',
      publicityFrom: '2026-12-08T09:00:00+08:00',
      publicityTo: '2026-12-11T09:00:00+08:00',
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('the credit blacklist', () => {
  it('is public and searchable, and says whether a listing is in force today', async () => {
    const res = await t.get(`/api/trading/credit?q=${encodeURIComponent('恒达')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ creditCode: '91211100MA0BK0004M', inForce: true, listedTo: '2029-02-28' }),
    ]);
    const expired = (await t.get(`/api/trading/credit?q=${encodeURIComponent('顺通')}`)).json().items[0];
    expect(expired).toMatchObject({ inForce: false, listedTo: '2025-05-09' });
  });

  it('is kept by the trading centre, and a listed firm can no longer register', async () => {
    const listing = {
      creditCode: '91211104MA0BD0003X',
      name: '大洼宏远市政工程有限公司',
      source: '盘锦市交通运输局',
      reason: '以他人名义投标',
      basis: '《中华人民共和国招标投标法》第五十四条',
      listedFrom: '2026-12-08',
      listedTo: '2027-12-07',
    };
    const staff = await t.as('trading-staff');
    let res = await t.post('/api/trading/credit', staff, { ...listing, listedTo: '2026-12-01' });
    expect(res.json().errors).toEqual([{ field: 'listedTo', message: '惩戒期限截止日不能早于起始日' }]);
    res = await t.post('/api/trading/credit', staff, { ...listing, creditCode: '91211104MA0BD00031' });
    expect(res.json().errors).toEqual([{ field: 'creditCode', message: '统一社会信用代码校验位错误' }]);
    res = await t.post('/api/trading/credit', staff, listing);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ...listing, inForce: true });
    expect(await audits('trading.credit.list')).toBe(1);
    const { lotId } = await openProject(t);
    res = await t.post(`/api/trading/lots/${lotId}/registrations`, await t.as('bidder-c'));
    expect(res.json()).toMatchObject({ status: 422, code: 'blacklisted' });
    await sql`delete from trading_blacklist where credit_code = ${listing.creditCode}`.execute(t.db);
  });

  it('answers isBlacklisted for a day, both ends of the period included', async () => {
    const at = (s: string) => new Date(`${s}T12:00:00+08:00`);
    expect(await isBlacklisted(t.db, '91211100MA0BK0004M', at('2026-03-01'))).toBe(true);
    expect(await isBlacklisted(t.db, '91211100MA0BK0004M', at('2029-02-28'))).toBe(true);
    expect(await isBlacklisted(t.db, '91211100MA0BK0004M', at('2029-03-01'))).toBe(false);
    expect(await isBlacklisted(t.db, '91211100MA0BK0004M', at('2026-02-28'))).toBe(false);
    expect(await isBlacklisted(t.db, '91211103MA0BD00019', at('2026-12-08'))).toBe(false);
  });
});

describe('registration and sealed bids', () => {
  let lotId: string;
  let deadline: Date;
  beforeAll(async () => {
    const open = await openProject(t);
    lotId = open.lotId;
    deadline = new Date(open.project.bidDeadline);
  });
  const register = async (who: string, id = lotId) => t.post(`/api/trading/lots/${id}/registrations`, await t.as(who));
  const bid = async (who: string, body: unknown = sealedBid()) =>
    t.post(`/api/trading/lots/${lotId}/bids`, await t.as(who), body);

  it('registers a firm once per lot, refuses the blacklisted firm with the reason', async () => {
    let res = await register('bidder-a');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ lotId, creditCode: '91211103MA0BD00019', firmName: '盘锦辽河路桥工程有限公司' });
    res = await register('bidder-a');
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('本企业已报名该标段');
    res = await register('bidder-black');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'blacklisted' });
    expect(res.json().detail).toMatch(
      /^盘锦恒达建筑工程有限公司列入严重失信主体名单（盘锦市住房和城乡建设局认定，2026-03-01 至 2029-02-28；依据/,
    );
  });

  it('does not show a lot whose tender announcement is not published', async () => {
    const unpublished = await createProject(t);
    expect((await register('bidder-a', unpublished.lots[0]!.id)).statusCode).toBe(404);
  });

  it('takes ciphertext from a registered firm and answers a receipt the platform signed', async () => {
    expect((await bid('bidder-b')).json()).toMatchObject({ status: 422, code: 'not_registered' });
    const body = sealedBid(8192);
    const res = await bid('bidder-a', body);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json() as BidReceipt;
    const bytes = Buffer.from(body.ciphertext, 'base64');
    expect(receipt).toMatchObject({
      lotId,
      lotSeq: 1,
      creditCode: '91211103MA0BD00019',
      hashAlgorithm: 'SM3',
      hash: sm3Hex(bytes),
      size: 8192,
      receivedAt: NOW.toISOString(),
      uploads: 1,
    });
    const key = (await t.get('/api/public/trading/receipt-key')).json() as { keyId: string; publicKey: string };
    expect(receipt.keyId).toBe(key.keyId);
    const { signature, ...signed } = receipt;
    expect(messageSignatureValid(receiptMessage(signed), signature, key.publicKey)).toBe(true);
    expect(messageSignatureValid(receiptMessage({ ...signed, size: 1 }), signature, key.publicKey)).toBe(false);
    expect(await audits('trading.bid.upload')).toBe(1);
  });

  it('replaces the earlier upload before the deadline, keeping one bid per firm', async () => {
    const body = sealedBid(2048);
    const res = await bid('bidder-a', { ...body, hash: sm3Hex(Buffer.from(body.ciphertext, 'base64')) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ uploads: 2, size: 2048 });
    const rows = await sql<{ ciphertext: Uint8Array }>`
      select ciphertext from trading_bids where lot_id = ${lotId}`.execute(t.db);
    expect(rows.rows).toHaveLength(1);
    expect(Buffer.from(rows.rows[0]!.ciphertext).toString('base64')).toBe(body.ciphertext);
    const mine = await t.get(`/api/trading/lots/${lotId}/bids/mine`, await t.as('bidder-a'));
    expect(mine.json()).toMatchObject({ uploads: 2, size: 2048 });
  });

  it('refuses plaintext and a digest that does not match, naming the field', async () => {
    let res = await bid('bidder-a', {
      ...sealedBid(),
      ciphertext: Buffer.from('%PDF-1.7 投标文件').toString('base64'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'ciphertext', message: '上传的是未加密的 PDF 文件：投标文件须在浏览器中加密后上传' },
    ]);
    res = await bid('bidder-a', { ...sealedBid(), hash: 'a'.repeat(64) });
    expect(res.json().errors[0].field).toBe('hash');
    res = await bid('bidder-a', { ...sealedBid(), iv: 'xyz' });
    expect(res.json().errors[0]).toEqual({ field: 'iv', message: '初始向量 iv 应为 24 位小写十六进制' });
  });

  it('never shows a firm another firm’s bid', async () => {
    expect((await register('bidder-c')).statusCode).toBe(201);
    const res = await t.get(`/api/trading/lots/${lotId}/bids/mine`, await t.as('bidder-c'));
    expect(res.statusCode).toBe(404);
  });

  it('takes nothing at or after the deadline', async () => {
    t.pinClock(() => deadline);
    try {
      let res = await register('bidder-b');
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'deadline_passed' });
      expect(res.json().detail).toMatch(/^投标截止时间（2026-12-29 10:00:00）已过，不能报名$/);
      res = await bid('bidder-a', { ...sealedBid(), ciphertext: randomBytes(64).toString('base64') });
      expect(res.json()).toMatchObject({ status: 422, code: 'deadline_passed' });
      const mine = await t.get(`/api/trading/lots/${lotId}/bids/mine`, await t.as('bidder-a'));
      expect(mine.json()).toMatchObject({ uploads: 2 });
    } finally {
      t.pinClock(() => NOW);
    }
  });
});

describe('opening', () => {
  let lotId: string;
  let deadline: Date;
  const plain = Buffer.from('投标函：我方愿以人民币玖拾捌万元整承包本标段工程，工期 150 日历天。'.repeat(30));
  const sm4Key = randomBytes(16);
  const aesKey = randomBytes(32);
  const seal = (algorithm: 'SM4-GCM' | 'AES-256-GCM', key: Buffer) => {
    const iv = randomBytes(12);
    const ecb = algorithm === 'SM4-GCM' ? 'sm4-ecb' : 'aes-256-ecb';
    return { algorithm, iv: iv.toString('hex'), ciphertext: gcmEncrypt(ecb, key, iv, plain).toString('base64') };
  };
  const giveKey = async (who: string, key: Buffer | string) =>
    t.post(`/api/trading/lots/${lotId}/bids/mine/key`, await t.as(who), {
      key: typeof key === 'string' ? key : key.toString('hex'),
    });
  const open = async () => t.post(`/api/trading/lots/${lotId}/opening`, await t.as('trading-staff'));

  beforeAll(async () => {
    const p = await openProject(t);
    lotId = p.lotId;
    deadline = new Date(p.project.bidDeadline);
    for (const [who, body] of [
      ['bidder-a', seal('SM4-GCM', sm4Key)],
      ['bidder-b', seal('AES-256-GCM', aesKey)],
    ] as const) {
      expect((await t.post(`/api/trading/lots/${lotId}/registrations`, await t.as(who))).statusCode).toBe(201);
      const res = await t.post(`/api/trading/lots/${lotId}/bids`, await t.as(who), body);
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await t.post(`/api/trading/lots/${lotId}/registrations`, await t.as('bidder-c'))).statusCode).toBe(201);
  });

  it('is refused before the deadline, and takes no key before opening', async () => {
    expect((await open()).json()).toMatchObject({ status: 422, code: 'before_deadline' });
    expect((await giveKey('bidder-a', sm4Key)).json()).toMatchObject({ status: 422, code: 'not_opened' });
  });

  it('lists every bid once the deadline has passed, warns of fewer than 3, and opens once', async () => {
    t.pinClock(() => deadline);
    try {
      const res = await open();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        lotSeq: 1,
        openedAt: deadline.toISOString(),
        warning: '投标人少于 3 个（2 个），应当依法重新招标（《中华人民共和国招标投标法》第二十八条）',
      });
      expect(
        res.json().bids.map((b: { creditCode: string; decrypted: boolean }) => [b.creditCode, b.decrypted]),
      ).toEqual([
        ['91211103MA0BD00019', false],
        ['91211103MA0BD0002C', false],
      ]);
      expect((await open()).statusCode).toBe(409);
    } finally {
      t.pinClock(() => NOW);
    }
  });

  it('decrypts a bid with the key its firm gives, SM4-GCM and AES-256-GCM alike, once', async () => {
    let res = await giveKey('bidder-a', randomBytes(16));
    expect(res.json()).toMatchObject({ status: 422, code: 'decrypt_failed' });
    res = await giveKey('bidder-a', aesKey);
    expect(res.json().errors).toEqual([{ field: 'key', message: 'SM4-GCM 的密钥应为 32 位十六进制' }]);
    res = await giveKey('bidder-a', sm4Key);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ plaintextSize: plain.length, plaintextSm3: sm3Hex(plain) });
    expect((await giveKey('bidder-a', sm4Key)).statusCode).toBe(409);
    expect((await giveKey('bidder-b', aesKey)).statusCode).toBe(200);
    expect((await giveKey('bidder-c', aesKey)).statusCode).toBe(404);
    const rows = await sql<{ plaintext: Uint8Array }>`
      select plaintext from trading_bids where lot_id = ${lotId} order by uploaded_at, id`.execute(t.db);
    expect(rows.rows.map((r) => Buffer.from(r.plaintext).equals(plain))).toEqual([true, true]);
    expect(await audits('trading.bid.decrypt')).toBe(2);
  });
});
