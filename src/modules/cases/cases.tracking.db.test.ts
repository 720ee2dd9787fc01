import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { caseFixtures, COMPANY_CODE, foodForm } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { extractPdfText } from '../documents/documents.pdftext';
import { TRACK_FAILURE_LIMIT } from './cases.tracking';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, createCase, view, actOk, upload } = caseFixtures(() => t, 'tracking');

const everyMaterial = async (h: Record<string, string>) =>
  Promise.all(['m1', 'm3', 'm4', 'm5'].map(async (materialId) => ({ materialId, fileIds: [await upload(h)] })));

/** A query as sent from a given address (the limit per number holds whatever the source). */
const track = (number: string, code: string, from = '203.0.113.7') =>
  t.app.inject({
    method: 'GET',
    url: `/api/track?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`,
    remoteAddress: from,
  });

/** A wrong code of the right shape: the real one with its last character changed. */
const wrongCode = (code: string) => `${code.slice(0, -1)}${code.endsWith('Z') ? 'Y' : 'Z'}`;

describe('public progress query by case number and tracking code', () => {
  it('hands the code to the applicant (answer, messages, acceptance notice) and answers with it, nothing personal', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const res = await createCase(company, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials: await everyMaterial(company),
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, number, trackingCode } = res.json() as { id: string; number: string; trackingCode: string };
    expect(trackingCode).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect((await view(id, company)).trackingCode).toBe(trackingCode);

    // a submitted case can be followed at once; lower case and without the dash are the same code
    for (const code of [trackingCode, trackingCode.toLowerCase(), trackingCode.replace('-', '')]) {
      const r = await track(number, code);
      expect(r.statusCode, code).toBe(200);
      expect(r.json()).toMatchObject({ number, itemName: '食品经营许可', status: 'submitted' });
    }

    const c = await actOk(id, clerk, 'accept');
    const ok = await track(number, trackingCode);
    expect(ok.json()).toMatchObject({ status: 'accepted', statusLabel: '已受理，审查中' });
    expect(ok.json().steps.map((s: { label: string }) => s.label)).toEqual(['创建申请', '提交申请', '受理']);
    const text = ok.body;
    for (const personal of [COMPANY_CODE, '盘锦辽河示范科技有限公司', '13804275678', '李晓雯', '王志强'])
      expect(text).not.toContain(personal);

    // the submission and acceptance messages and the acceptance notice carry the code
    const messages = (await get(`/api/messages?caseId=${id}&pageSize=100`, company)).json();
    const bodies = messages.items.map((m: { kind: string; body: string }) => [m.kind, m.body]);
    expect(bodies.find(([k]: string[]) => k === 'case.submitted')[1]).toContain(trackingCode);
    expect(bodies.find(([k]: string[]) => k === 'case.accepted')[1]).toContain(trackingCode);
    const notice = c.documents.find((d: { kind: string }) => d.kind === 'acceptance_notice');
    const pdf = await get(`/api/cases/${id}/documents/${notice.id}`, company);
    expect(extractPdfText(pdf.rawPayload).text.replace(/\s+/g, '')).toContain(`查询码${trackingCode}`);
  });

  it('no longer opens a case with the last characters of the ID number', async () => {
    const company = await as('company');
    const res = await createCase(company, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials: await everyMaterial(company),
      submit: true,
    });
    const { number } = res.json() as { number: string };
    const byTail = await t.app.inject({ method: 'GET', url: `/api/track?number=${number}&idTail=2P7J` });
    expect(byTail.statusCode).toBe(400);
    expect(byTail.json().errors[0].field).toBe('code');
    // shapes that cannot be a code: too short, or with letters the alphabet leaves out
    for (const code of ['2P7J', 'K7M2P-9QX4O', 'K7M2P-9QX41'])
      expect((await track(number, code)).json().errors[0].field, code).toBe('code');
    const bad = await track('12345', 'K7M2P-9QX4R');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('number');
    expect((await track('211100-20000101-000001', 'K7M2P-9QX4R')).statusCode).toBe(404);
  });

  it(`refuses a number after ${TRACK_FAILURE_LIMIT} failures within the hour, from whatever address, right code or not`, async () => {
    const company = await as('company');
    const mk = async () =>
      (
        await createCase(company, {
          itemCode: DEMO_ITEM_CODES.foodBusiness,
          form: foodForm,
          materials: await everyMaterial(company),
          submit: true,
        })
      ).json() as { number: string; trackingCode: string };
    const target = await mk();
    const other = await mk();
    for (let i = 0; i < TRACK_FAILURE_LIMIT; i++) {
      const r = await track(target.number, wrongCode(target.trackingCode), `198.51.100.${i + 1}`);
      expect(r.statusCode, `guess ${i + 1}`).toBe(404);
    }
    const locked = await track(target.number, target.trackingCode, '192.0.2.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().detail).toContain('一小时后再试');
    // another case is not affected
    expect((await track(other.number, other.trackingCode)).statusCode).toBe(200);
  });
});
