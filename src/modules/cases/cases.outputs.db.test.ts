import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures, COMPANY, foodForm, paper } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES, getPublishedItem } from '../catalog/index';
import { extractPdfText } from '../documents/documents.pdftext';
import { termEnd } from './cases.outputs';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, createCase, view, actOk, registerIndividual, registerMinimumLiving } = caseFixtures(
  () => t,
  'outputs',
);

interface Doc {
  id: string;
  kind: string;
  kindLabel: string;
  number: string;
  issuedOn: string;
}
const squash = (s: string) => s.replace(/\s+/g, '');
/** The text of a case document as its PDF prints it. */
async function pdfText(caseId: string, doc: Doc, h: H): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents/${doc.id}`, headers: h });
  expect(res.statusCode, res.body).toBe(200);
  return squash(extractPdfText(res.rawPayload).text);
}
const docOf = (c: { documents: Doc[] }, kind: string) => c.documents.find((d) => d.kind === kind)!;
const labels = (c: { availableActions: { action: string; label: string }[] }) =>
  Object.fromEntries(c.availableActions.map((a) => [a.action, a.label]));

describe('documents name the real authority and speak the item type', () => {
  it('最低生活保障 accepted at a village and decided by 兴隆台区: 兴隆台区民政局 in text, seal and number; 给付 words', async () => {
    const village = await as('clerk-village');
    const town = await as('clerk-town');
    const county = await as('approver-county');
    const { id, number } = await registerMinimumLiving(village);

    await actOk(id, village, 'accept');
    await actOk(id, village, 'report-up', { comment: '经入户了解，家庭困难属实' });
    await actOk(id, town, 'report-up', { comment: '镇街初审：同意' });
    let c = await actOk(id, county, 'review-pass');
    // the decision buttons speak the item's type
    expect(labels(c)).toMatchObject({ grant: '准予给付', deny: '不予给付' });
    c = await actOk(id, county, 'grant', { comment: '同意' });
    expect(c.statusLabel).toBe('准予给付，待制证');
    expect(c.history.find((h: { action: string }) => h.action === 'grant').actionLabel).toBe('准予给付');
    c = await actOk(id, village, 'issue-certificate');

    const accept = docOf(c, 'acceptance_notice');
    const grant = docOf(c, 'grant_decision');
    const cert = docOf(c, 'certificate');
    expect(accept.number).toMatch(/^兴民受字〔\d{4}〕第\d{6}号$/);
    expect(grant.number).toMatch(/^兴民给字〔\d{4}〕第\d{6}号$/);
    expect(cert.number).toMatch(/^兴民证字〔\d{4}〕第\d{6}号$/);
    expect(grant.kindLabel).toBe('准予给付决定书');

    for (const doc of [accept, grant, cert]) {
      const text = await pdfText(id, doc, village);
      expect(text, doc.kind).not.toContain('所在');
      expect(text, doc.kind).toContain(doc.number);
      // signed by the office and sealed with its name (the name alone: it is no approval office)
      expect(text.split('兴隆台区民政局').length - 1, doc.kind).toBeGreaterThanOrEqual(2);
      expect(text, doc.kind).not.toContain('行政审批专用章');
      expect(text, doc.kind).not.toContain('许可');
    }
    const notice = await pdfText(id, accept, village);
    expect(notice).toContain('你于');
    expect(notice).not.toContain('你（单位）');
    expect(notice).toContain('本机关决定予以受理');
    const decision = await pdfText(id, grant, village);
    expect(decision).toContain('准予给付决定书');
    expect(decision).toContain('本机关决定准予给付。');
    // the certificate's own number, not the case's
    const certificate = await pdfText(id, cert, village);
    expect(certificate).toContain(`证书编号${cert.number}`);
    expect(certificate).not.toContain(`证书编号${number}`);
  });

  it('食品经营许可证: valid 5 years from the item, lists the form’s 经营场所/主体业态/经营项目, numbered by itself', async () => {
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const chief = await as('chief-city');
    const item = (await getPublishedItem(t.db, DEMO_ITEM_CODES.foodBusiness))!;
    const required = item.materials.filter((m) => m.required && m.source === 'applicant').map((m) => m.id);
    const res = await createCase(clerk, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials: paper(...required),
      submit: true,
      applicant: COMPANY,
      channel: 'window',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, number } = res.json() as { id: string; number: string };
    await actOk(id, clerk, 'accept');
    await actOk(id, approver, 'review-pass');
    await actOk(id, approver, 'inspection-pass', { comment: '现场符合要求' });
    let c = await view(id, chief);
    expect(labels(c)).toMatchObject({ grant: '准予许可', deny: '不予许可' });
    await actOk(id, chief, 'grant');
    c = await actOk(id, clerk, 'issue-certificate');

    const notice = await pdfText(id, docOf(c, 'acceptance_notice'), clerk);
    expect(notice).toContain('你单位于');
    expect(notice).toContain('《中华人民共和国行政许可法》第三十二条第一款第（五）项');
    const decision = await pdfText(id, docOf(c, 'grant_decision'), clerk);
    expect(decision).toContain('准予行政许可决定书');
    expect(decision).toContain('有效期限自发证之日起5年');

    const cert = docOf(c, 'certificate');
    expect(cert.number).toMatch(/^盘审证字〔\d{4}〕第\d{6}号$/);
    const text = await pdfText(id, cert, clerk);
    expect(text).toContain(`证书编号${cert.number}`);
    expect(text).not.toContain(`证书编号${number}`);
    expect(text).toContain('经营场所辽宁省盘锦市兴隆台区石油大街96号一层');
    expect(text).toContain('主体业态餐饮服务经营者');
    expect(text).toContain('经营项目热食类食品制售');
    const [y, m, d] = termEnd(cert.issuedOn, 5).split('-').map(Number);
    const [fy, fm, fd] = cert.issuedOn.split('-').map(Number);
    expect(text).toContain(`有效期限自${fy}年${fm}月${fd}日至${y}年${m}月${d}日`);
    expect(text).not.toContain('长期有效');
  });

  it('keeps a department system’s certificate number when the exit window gives one', async () => {
    const clerk = await as('clerk-city');
    const { id } = await registerIndividual(clerk);
    await actOk(id, clerk, 'accept');
    await actOk(id, clerk, 'grant');
    const c = await actOk(id, clerk, 'issue-certificate', { certificate: { number: '92211103MA0Y000001' } });
    const text = await pdfText(id, docOf(c, 'certificate'), clerk);
    expect(text).toContain('证书编号92211103MA0Y000001');
    expect((await get(`/api/cases/${id}`, clerk)).statusCode).toBe(200);
  });
});
