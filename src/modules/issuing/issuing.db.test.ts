import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures } from '../../../test/cases-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, post, view, actOk, registerIndividual, auditCount } = caseFixtures(() => t, 'issuing');

/** clerk-city registers a 个体工商户设立登记 (即办件), accepts and grants it: it waits at the exit counter. */
async function grantedCase(clerk: H, greenChannel = false): Promise<string> {
  const id = (await registerIndividual(clerk)).id;
  await actOk(id, clerk, 'accept', greenChannel ? { greenChannel: true } : {});
  expect((await actOk(id, clerk, 'grant')).status).toBe('granted');
  return id;
}

const recipient = { name: '张明', phone: '13804271234', address: '辽宁省盘锦市兴隆台区振兴街道世纪社区 3 号楼 2 单元' };
const waybillCount = async () =>
  Number((await sql<{ n: number }>`select count(*)::int as n from waybills`.execute(t.db)).rows[0]!.n);

describe('统一制发证与快递送达', () => {
  let clerk: H;
  let a: string; // issued, then delivered by express
  let b: string; // issued, delivered by express second
  let stale: string; // batch with a stale version: stays granted
  let green: string;

  beforeAll(async () => {
    clerk = await as('clerk-city');
    a = await grantedCase(clerk);
    b = await grantedCase(clerk);
    stale = await grantedCase(clerk);
    green = await grantedCase(clerk, true);
  });

  it('lists granted cases in the to-issue queue, green channel first', async () => {
    const res = await get('/api/issuing/queue?stage=to_issue&pageSize=200', clerk);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q.stageLabel).toBe('待制证');
    const ids = q.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([a, b, stale, green]));
    expect(q.items[0].greenChannel).toBe(true);
    expect(q.items.every((i: { status: string }) => i.status === 'granted')).toBe(true);
    expect(q.items.find((i: { id: string }) => i.id === a)).toMatchObject({
      applicantNameMasked: '张*',
      departmentName: expect.stringContaining('局'),
    });

    // filtered by the accepting hall
    const hallId = (await view(a, clerk)).acceptingHall.id as string;
    const inHall = (await get(`/api/issuing/queue?stage=to_issue&pageSize=200&hallId=${hallId}`, clerk)).json();
    expect(inHall.items.map((i: { id: string }) => i.id)).toContain(a);
    const otherHall = (
      await get(`/api/issuing/queue?stage=to_issue&hallId=00000000-0000-4000-8000-000000000000`, clerk)
    ).json();
    expect(otherHall.total).toBe(0);

    // searched by case number, filtered by department
    const { number, departmentCode } = await view(a, clerk);
    const byNumber = (await get(`/api/issuing/queue?stage=to_issue&q=${number}`, clerk)).json();
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([a]);
    const inDept = (
      await get(`/api/issuing/queue?stage=to_issue&pageSize=200&departmentCode=${departmentCode}`, clerk)
    ).json();
    expect(inDept.items.map((i: { id: string }) => i.id)).toContain(a);
    expect((await get(`/api/issuing/queue?stage=to_issue&departmentCode=NO-SUCH`, clerk)).json().total).toBe(0);
  });

  it('issues a batch: the stale case fails alone, the others get their certificates', async () => {
    const versions: Record<string, number> = {};
    for (const id of [a, b, stale, green]) versions[id] = (await view(id, clerk)).version;
    versions[stale] = versions[stale]! - 1;
    const before = await auditCount('issuing.batch.create');
    const res = await post('/api/issuing/batches', clerk, { caseIds: [a, b, stale, green], versions });
    expect(res.statusCode, res.body).toBe(201);
    const batch = res.json();
    expect(batch).toMatchObject({ succeeded: 3, failed: 1 });
    const failed = batch.items.find((i: { caseId: string }) => i.caseId === stale);
    expect(failed).toMatchObject({ ok: false, documentId: null, error: { status: 409 } });
    expect(failed.error.detail).toContain('版本');
    expect(batch.documentIds).toHaveLength(3);
    const pdf = await get(batch.printUrls[0], clerk);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await auditCount('issuing.batch.create')).toBe(before + 1);

    // the stale case is untouched; the others carry a certificate document
    const s = await view(stale, clerk);
    expect(s.status).toBe('granted');
    expect(s.documents.map((d: { kind: string }) => d.kind)).not.toContain('certificate');
    const va = await view(a, clerk);
    expect(va.status).toBe('certificate_issued');
    const cert = va.documents.find((d: { kind: string }) => d.kind === 'certificate');
    expect(batch.documentIds).toContain(cert.id);

    // the handover list 交接清单: a PDF in the Chinese font, only within the region
    expect(batch.listUrl).toBe(`/api/issuing/batches/${batch.id}/list.pdf`);
    const list = await get(batch.listUrl, clerk);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.headers['content-type']).toBe('application/pdf');
    expect(list.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(list.rawPayload.toString('latin1')).toMatch(/BaseFont \/[A-Z]{6}\+NotoSansHans/);
    expect((await get(batch.listUrl, await as('clerk-county'))).statusCode).toBe(404);
    expect(
      (
        await get(
          `/api/issuing/batches/${batch.id.replace(/.$/, (c: string) => (c === '0' ? '1' : '0'))}/list.pdf`,
          clerk,
        )
      ).statusCode,
    ).toBe(404);

    const again = await get(`/api/issuing/batches/${batch.id}`, clerk);
    expect(again.statusCode).toBe(200);
    expect(again.json().documentIds).toEqual(batch.documentIds);

    const deliverQ = (await get('/api/issuing/queue?stage=to_deliver&pageSize=200', clerk)).json();
    expect(deliverQ.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([a, b, green]));
    expect(deliverQ.items.map((i: { id: string }) => i.id)).not.toContain(stale);
  });

  it('a waybill delivers the case by express in the same request; a failing delivery leaves no waybill', async () => {
    const v = await view(a, clerk);
    const res = await post('/api/issuing/waybills', clerk, {
      caseId: a,
      version: v.version,
      carrier: '顺丰',
      recipient,
    });
    expect(res.statusCode, res.body).toBe(201);
    const w = res.json();
    expect(w.trackingNumber).toMatch(/^SF\d{8}000001$/);
    expect(w).toMatchObject({
      carrier: 'SF',
      status: 'created',
      free: true,
      feeCents: 0,
      case: { id: a, status: 'completed' },
    });
    const c = await view(a, clerk);
    expect(c.status).toBe('completed');
    expect(c.history.at(-1)).toMatchObject({
      action: 'deliver',
      payload: { delivery: { method: 'express', trackingNumber: w.trackingNumber } },
    });

    // the case is completed: a second waybill fails, and neither a waybill nor a tracking number remains
    const count = await waybillCount();
    const twice = await post('/api/issuing/waybills', clerk, {
      caseId: a,
      version: c.version,
      carrier: 'SF',
      recipient,
    });
    expect(twice.statusCode).toBe(409);
    expect(await waybillCount()).toBe(count);
    const staleDeliver = await post('/api/issuing/waybills', clerk, {
      caseId: b,
      version: 1,
      carrier: 'SF',
      recipient,
    });
    expect(staleDeliver.statusCode).toBe(409);
    expect(await waybillCount()).toBe(count);

    const vb = await view(b, clerk);
    const second = await post('/api/issuing/waybills', clerk, {
      caseId: b,
      version: vb.version,
      carrier: 'SF',
      recipient,
      free: false,
      feeCents: 1800,
    });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().trackingNumber).toMatch(/^SF\d{8}000002$/);
    expect(await auditCount('issuing.waybill.create')).toBe(2);
  });

  it('dispatches and records the receipt; the list masks phones; stats count free delivery', async () => {
    const list = (await get('/api/issuing/waybills?carrier=SF', clerk)).json();
    expect(list.total).toBe(2);
    expect(list.items[0].recipient.phone).toBe('138****1234');
    const wa = list.items.find((i: { caseId: string }) => i.caseId === a);

    const early = await post(`/api/issuing/waybills/${wa.id}/receipt`, clerk, {
      signedBy: '张明',
      at: new Date().toISOString(),
    });
    expect(early.statusCode).toBe(409);
    const at = new Date(Date.now() - 60_000);
    t.pinClock(() => at);
    const d = await post(`/api/issuing/waybills/${wa.id}/dispatch`, clerk, {}).finally(() => t.pinClock(null));
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'dispatched', dispatchedAt: at.toISOString() });
    const future = await post(`/api/issuing/waybills/${wa.id}/receipt`, clerk, {
      signedBy: '张明',
      at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('at');
    const r = await post(`/api/issuing/waybills/${wa.id}/receipt`, clerk, {
      signedBy: '张明',
      at: new Date(Date.now() + 1000).toISOString(),
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'delivered', signedBy: '张明' });
    expect((await get('/api/issuing/waybills?status=delivered', clerk)).json().total).toBe(1);
    // search: by tracking number (any case), case number, recipient name; LIKE wildcards are literal
    const byTracking = (await get(`/api/issuing/waybills?q=${wa.trackingNumber.toLowerCase()}`, clerk)).json();
    expect(byTracking.items.map((i: { id: string }) => i.id)).toEqual([wa.id]);
    const byNumber = (await get(`/api/issuing/waybills?q=${encodeURIComponent(wa.caseNumber)}`, clerk)).json();
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([wa.id]);
    expect((await get(`/api/issuing/waybills?q=${encodeURIComponent('张明')}`, clerk)).json().total).toBe(2);
    expect((await get(`/api/issuing/waybills?q=${encodeURIComponent('%')}`, clerk)).json().total).toBe(0);
    const longQ = await get(`/api/issuing/waybills?q=${'x'.repeat(101)}`, clerk);
    expect(longQ.statusCode).toBe(400);
    expect(longQ.json().errors[0].field).toBe('q');
    expect((await post(`/api/issuing/waybills/${wa.id}/return`, clerk, { reason: '地址错误' })).statusCode).toBe(409);
    const wb = list.items.find((i: { caseId: string }) => i.caseId === b);
    const ret = await post(`/api/issuing/waybills/${wb.id}/return`, clerk, { reason: '收件人拒收' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ status: 'returned', statusLabel: '已退回' });
    expect(await auditCount('issuing.waybill.return')).toBe(1);
    expect(await auditCount('issuing.waybill.receipt')).toBe(1);

    const supervisor = await as('supervisor');
    const s = await get('/api/issuing/stats?groupBy=carrier', supervisor);
    expect(s.statusCode, s.body).toBe(200);
    const sf = s.json().rows.find((x: { key: string }) => x.key === 'SF');
    expect(sf).toMatchObject({ label: '顺丰速运', count: 2, freeCount: 1, deliveredCount: 1, totalFeeCents: 1800 });
    expect(sf.avgDaysGrantToReceipt).not.toBeNull();
    expect(sf.avgDaysGrantToReceipt).toBeGreaterThanOrEqual(0);
    expect(s.json().total.count).toBe(2);
    const byDept = (await get('/api/issuing/stats?groupBy=department', supervisor)).json();
    expect(byDept.rows).toHaveLength(1);
    expect(byDept.rows[0].count).toBe(2);
    const tomorrowOnly = (await get('/api/issuing/stats?from=2099-01-01&to=2099-01-02', supervisor)).json();
    expect(tomorrowOnly.total.count).toBe(0);

    const x = await get('/api/issuing/stats.xlsx', supervisor);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps other regions out (404) and clerks only at the counter', async () => {
    const county = await as('clerk-county');
    const q = (await get('/api/issuing/queue?stage=to_issue&pageSize=200', county)).json();
    expect(q.items.map((i: { id: string }) => i.id)).not.toContain(stale);
    const list = (await get('/api/issuing/waybills', county)).json();
    expect(list.total).toBe(0);
    const wa = (await get('/api/issuing/waybills?status=delivered', clerk)).json().items[0];
    expect((await post(`/api/issuing/waybills/${wa.id}/dispatch`, county, {})).statusCode).toBe(404);
    const vg = await view(green, clerk);
    const res = await post('/api/issuing/waybills', county, {
      caseId: green,
      version: vg.version,
      carrier: 'EMS',
      recipient,
    });
    expect(res.statusCode).toBe(404);
    const batch = await post('/api/issuing/batches', county, { caseIds: [stale], versions: { [stale]: 99 } });
    expect(batch.json().items[0]).toMatchObject({ ok: false, error: { status: 404 } });
    const bid = (await post('/api/issuing/batches', clerk, { caseIds: [stale], versions: { [stale]: 1 } })).json().id;
    expect((await get(`/api/issuing/batches/${bid}`, county)).statusCode).toBe(404);

    const supervisor = await as('supervisor');
    expect((await get('/api/issuing/queue', supervisor)).statusCode).toBe(403);
    expect((await get('/api/issuing/stats', await as('applicant'))).statusCode).toBe(403);
  });

  it('rejects bad inputs with 400 naming the field', async () => {
    const noPhone = await post('/api/issuing/waybills', clerk, {
      caseId: green,
      version: 1,
      carrier: 'EMS',
      recipient: { name: '张明', address: recipient.address },
    });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().errors.map((e: { field: string }) => e.field)).toContain('recipient.phone');
    const badCarrier = await post('/api/issuing/waybills', clerk, {
      caseId: green,
      version: 1,
      carrier: '飞鸽传书',
      recipient,
    });
    expect(badCarrier.statusCode).toBe(400);
    expect(badCarrier.json().errors[0].field).toBe('carrier');
    const noVersion = await post('/api/issuing/batches', clerk, { caseIds: [green], versions: {} });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors[0].field).toBe(`versions.${green}`);
    const badStage = await get('/api/issuing/queue?stage=done', clerk);
    expect(badStage.statusCode).toBe(400);
    expect(badStage.json().errors[0].field).toBe('stage');
    const reversed = await get('/api/issuing/stats?from=2026-11-20&to=2026-11-01', clerk);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('to');
    const badReceipt = await post(
      `/api/issuing/waybills/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/receipt`,
      clerk,
      { at: 'yesterday' },
    );
    expect(badReceipt.statusCode).toBe(400);
    expect(badReceipt.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['signedBy']),
    );
  });
});
