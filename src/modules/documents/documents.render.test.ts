import { describe, expect, it } from 'vitest';
import type { DocumentInput } from './documents.kinds';
import { extractPdfText } from './documents.pdftext';
import { renderDocument } from './documents.render';
import { composeDocument, remediesText } from './documents.wording';

const common = {
  caseNumber: 'PJ2026112300012',
  itemName: '食品经营许可（新办）',
  applicantName: '盘锦辽河示范科技有限公司',
  officeName: '盘锦市行政审批服务局',
  issuedOn: '2026-11-23',
  appliedOn: '2026-11-20',
  verifyUrl: 'https://zwfw.panjin.example/verify/5b0c3f7e-2f5d-4d7e-9d5a-0b2f8e6c1a11',
};

const acceptance: DocumentInput = {
  ...common,
  kind: 'acceptance_notice',
  number: '盘审受字〔2026〕第000123号',
  promisedDays: 10,
  promisedDeadline: '2026-12-07',
  statutoryDays: 20,
  statutoryDeadline: '2026-12-21',
  materials: [
    { name: '食品经营许可申请书', form: '原件', copies: 1 },
    { name: '营业执照', form: '电子证照' },
    { name: '平面布局图' },
  ],
  tolerated: [{ materialName: '食品安全管理制度文本', dueOn: '2026-12-01' }],
};
const correction: DocumentInput = {
  ...common,
  kind: 'correction_notice',
  number: '盘审补字〔2026〕第000045号',
  correctBy: '2026-12-08',
  items: [
    { materialName: '食品经营许可申请书', problem: '缺少法定代表人签字' },
    { materialName: '经营场所使用证明', problem: '租赁合同已过期' },
    { materialName: '健康证明', problem: '未提交' },
  ],
};
const refusal: DocumentInput = {
  ...common,
  kind: 'refusal_notice',
  number: '盘审不受字〔2026〕第000003号',
  reason: '申请事项依法不需要取得行政许可。',
  remedies: { reviewBody: '盘锦市人民政府', court: '盘锦市兴隆台区人民法院' },
};
const grant: DocumentInput = {
  ...common,
  kind: 'grant_decision',
  number: '盘审许字〔2026〕第000077号',
  acceptedOn: '2026-11-20',
  decision: '准予从事食品销售经营活动。',
  validFrom: '2026-11-23',
  validUntil: '2031-11-22',
  certificateName: '食品经营许可证',
};
const deny: DocumentInput = {
  ...common,
  kind: 'deny_decision',
  officeName: '兴隆台区行政审批局',
  number: '兴审不许字〔2026〕第000002号',
  reason: '经营场所与污染源的距离不符合要求。',
};
const certificate: DocumentInput = {
  ...common,
  kind: 'certificate',
  number: '盘审证字〔2026〕第000077号',
  certificateName: '食品经营许可证',
  certificateNumber: 'JY22111030012345',
  holderCode: '91211100MA0XXXXX1Y',
  entries: [{ label: '经营场所', value: '盘锦市兴隆台区石油大街88号' }],
  validFrom: '2026-11-23',
  validUntil: null,
};

const squash = (s: string) => s.replace(/\s+/g, '');

describe('composeDocument (wording)', () => {
  it('cites the law and states both deadlines in an acceptance notice', () => {
    const t = composeDocument(acceptance);
    const all = JSON.stringify(t);
    expect(t.title).toBe('受理通知书');
    expect(t.salutation).toBe('盘锦辽河示范科技有限公司：');
    expect(all).toContain('第三十二条第一款第（五）项');
    expect(all).toContain('2026年12月7日前作出决定');
    expect(all).toContain('法定期限届满日为2026年12月21日');
    expect(all).toContain('食品经营许可申请书（原件，1份）');
    expect(all).toContain('食品安全管理制度文本（2026年12月1日前补齐）');
  });

  it('lists every missing material once in a correction notice', () => {
    const t = composeDocument(correction);
    const list = t.blocks.find((b) => b.type === 'list');
    expect(list).toEqual({
      type: 'list',
      items: ['食品经营许可申请书：缺少法定代表人签字', '经营场所使用证明：租赁合同已过期', '健康证明：未提交'],
    });
    expect(JSON.stringify(t)).toContain('一次性告知');
    expect(JSON.stringify(t)).toContain('请于2026年12月8日前补正');
  });

  it('tells the remedies: 60 days for review, six months for a lawsuit', () => {
    expect(remediesText({ reviewBody: '盘锦市人民政府', court: '盘锦市兴隆台区人民法院' }, '通知书')).toBe(
      '如对本通知书不服，可以自收到本通知书之日起六十日内向盘锦市人民政府申请行政复议，或者自收到本通知书之日起六个月内依法向盘锦市兴隆台区人民法院提起行政诉讼。',
    );
    expect(JSON.stringify(composeDocument(deny))).toContain('六十日内向有管辖权的行政复议机关申请行政复议');
    expect(JSON.stringify(composeDocument(deny))).toContain('第三十八条第二款');
    expect(JSON.stringify(composeDocument(refusal))).toContain('六个月内依法向盘锦市兴隆台区人民法院提起行政诉讼');
  });

  it('states the validity of a grant and of a certificate', () => {
    expect(JSON.stringify(composeDocument(grant))).toContain('自2026年11月23日至2031年11月22日');
    expect(JSON.stringify(composeDocument(grant))).toContain('颁发《食品经营许可证》');
    const c = composeDocument(certificate);
    expect(c.title).toBe('食品经营许可证');
    expect(c.salutation).toBeNull();
    expect(JSON.stringify(c)).toContain('自2026年11月23日起长期有效');
  });
});

describe('renderDocument', () => {
  it.each([acceptance, correction, refusal, grant, deny, certificate])(
    'renders a $kind with its Chinese text, seal and QR code',
    async (input) => {
      const pdf = await renderDocument(input);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
      const { text, fonts, pages } = extractPdfText(pdf);
      expect(fonts.some((f) => f.endsWith('NotoSansHans-Regular'))).toBe(true);
      expect(fonts.some((f) => f.endsWith('NotoSansHans-Bold'))).toBe(true);
      expect(pages).toBe(1);
      const t = squash(text);
      expect(t).toContain(squash(composeDocument(input).title));
      expect(t).toContain(input.number);
      expect(t).toContain(input.caseNumber);
      expect(t).toContain('2026年11月23日');
      // the seal: the office name on the arc and 行政审批专用章 (drawn after the signature's office name)
      expect(t).toContain(`${input.officeName}行政审批专用章`);
      expect(t).toContain(input.verifyUrl);
      // the QR code is an embedded image
      expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    },
  );

  it('prints each correction item and the applicant', async () => {
    const t = squash(extractPdfText(await renderDocument(correction)).text);
    expect(t).toContain('盘锦辽河示范科技有限公司：');
    for (const it of [
      '1.食品经营许可申请书：缺少法定代表人签字',
      '2.经营场所使用证明：租赁合同已过期',
      '3.健康证明：未提交',
    ])
      expect(t).toContain(it);
    expect(t).toContain('2026年12月8日');
  });

  it('continues a long list on further pages, with page numbers, signing once on the last', async () => {
    const items = Array.from({ length: 40 }, (_, k) => ({
      materialName: `材料${k + 1}`,
      problem: '复印件不清晰，请提供清晰的复印件并加盖公章，注明与原件一致',
    }));
    const pdf = await renderDocument({ ...correction, kind: 'correction_notice', correctBy: '2026-12-08', items });
    const { text, pages } = extractPdfText(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const t = squash(text);
    expect(t).toContain('40.材料40：');
    expect(t).toContain(`第${pages}页共${pages}页`);
    expect(t.split('行政审批专用章').length - 1).toBe(1);
  });

  it('draws each office its own seal', async () => {
    const t = squash(extractPdfText(await renderDocument(deny)).text);
    expect(t).toContain('兴隆台区行政审批局行政审批专用章');
    expect(t).not.toContain('盘锦市行政审批服务局');
  });
});
