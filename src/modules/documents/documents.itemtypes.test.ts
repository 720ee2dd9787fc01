import { describe, expect, it } from 'vitest';
import type { DocumentInput } from './documents.kinds';
import { documentTitle, kindWord, typeWording } from './documents.itemtypes';
import { composeDocument } from './documents.wording';

const common = {
  caseNumber: '211103-20261123-0001',
  itemName: '最低生活保障审批',
  applicantName: '张明',
  applicantKind: 'person' as const,
  itemType: 'benefit',
  officeName: '兴隆台区民政局',
  issuedOn: '2026-11-23',
  appliedOn: '2026-11-20',
  verifyUrl: 'https://zwfw.panjin.example/verify/5b0c3f7e-2f5d-4d7e-9d5a-0b2f8e6c1a11',
};
const text = (i: DocumentInput) => JSON.stringify(composeDocument(i));

const acceptance = (over: Partial<DocumentInput> = {}) =>
  ({
    ...common,
    kind: 'acceptance_notice',
    number: '兴民受字〔2026〕第000001号',
    promisedDeadline: '2026-12-21',
    statutoryDeadline: '2027-01-06',
    materials: [{ name: '最低生活保障申请书', form: '原件', copies: 1 }],
    ...over,
  }) as DocumentInput;

describe('documents true to the item type', () => {
  it('decides a benefit with 给付 words, no licence anywhere', () => {
    const grant: DocumentInput = {
      ...common,
      kind: 'grant_decision',
      number: '兴民给字〔2026〕第000001号',
      decision: '准予给付（最低生活保障审批）',
      legalBasis: '《社会救助暂行办法》（国务院令第649号）',
    };
    const t = composeDocument(grant);
    expect(t.title).toBe('准予给付决定书');
    const all = JSON.stringify(t);
    expect(all).toContain('根据《社会救助暂行办法》（国务院令第649号）的规定，本机关决定准予给付。');
    expect(all).toContain('给付内容');
    expect(all).not.toContain('许可');
    const deny = composeDocument({ ...common, kind: 'deny_decision', number: 'x', reason: '家庭人均收入高于低保标准' });
    expect(deny.title).toBe('不予给付决定书');
    expect(JSON.stringify(deny)).toContain('本机关决定不予给付。');
    expect(JSON.stringify(deny)).not.toContain('许可');
  });

  it('cites 行政许可法 §32 only in a licence’s acceptance; other types cite no general article', () => {
    const benefit = text(acceptance());
    expect(benefit).not.toContain('行政许可法');
    expect(benefit).not.toMatch(/第[一二三四五六七八九十]+条/);
    expect(benefit).toContain('申请材料齐全、符合规定形式。本机关决定予以受理。');
    for (const itemType of ['confirmation', 'public_service', 'filing'])
      expect(text(acceptance({ itemType }))).not.toContain('行政许可法');
    const licence = text(acceptance({ itemType: 'licence' }));
    expect(licence).toContain('《中华人民共和国行政许可法》第三十二条第一款第（五）项');
    const correction = (itemType: string) =>
      text({
        ...common,
        itemType,
        kind: 'correction_notice',
        number: 'x',
        correctBy: '2026-12-08',
        items: [{ materialName: '户口簿', problem: '复印件不清晰' }],
      });
    expect(correction('benefit')).not.toContain('行政许可法');
    expect(correction('licence')).toContain('第三十二条第一款第（四）项');
  });

  it('addresses a person as 你 and an organisation as 你单位', () => {
    const person = text(acceptance());
    expect(person).toContain('你于2026年11月20日提出的最低生活保障审批申请');
    expect(person).toContain('你可凭办件编号');
    expect(person).not.toContain('你（单位）');
    const company = text(acceptance({ applicantKind: 'organisation', applicantName: '盘锦辽河示范科技有限公司' }));
    expect(company).toContain('你单位于2026年11月20日提出的');
    expect(company).not.toContain('你（单位）');
  });

  it('words a confirmation 予以确认 and answers a refused public service without administrative review', () => {
    const confirm = composeDocument({
      ...common,
      itemType: 'confirmation',
      kind: 'grant_decision',
      number: 'x',
      decision: '予以确认',
    });
    expect(confirm.title).toBe('确认决定书');
    expect(JSON.stringify(confirm)).toContain('本机关决定予以确认。');
    const service = text({
      ...common,
      itemType: 'public_service',
      kind: 'deny_decision',
      number: 'x',
      reason: '不符合条件',
    });
    expect(service).toContain('12345政务服务便民热线');
    expect(service).not.toContain('行政复议');
    const benefitDeny = text({ ...common, kind: 'deny_decision', number: 'x', reason: '不符合条件' });
    expect(benefitDeny).toContain('申请行政复议');
  });

  it('states the licence term from the item and prints the certificate’s own number when none is given', () => {
    const grant = text({
      ...common,
      itemType: 'licence',
      kind: 'grant_decision',
      number: 'x',
      decision: '准予许可（食品经营许可）',
      validYears: 5,
      certificateName: '食品经营许可证',
    });
    expect(grant).toContain('自发证之日起5年');
    const cert = composeDocument({
      ...common,
      itemType: 'licence',
      kind: 'certificate',
      number: '盘审证字〔2026〕第000009号',
      certificateName: '食品经营许可证',
      entries: [{ label: '经营场所', value: '兴隆台区石油大街88号' }],
      validFrom: '2026-11-23',
      validUntil: '2031-11-22',
    });
    const rows = cert.blocks.find((b) => b.type === 'fields');
    expect(rows).toMatchObject({
      rows: expect.arrayContaining([
        { label: '证书编号', value: '盘审证字〔2026〕第000009号' },
        { label: '经营场所', value: '兴隆台区石油大街88号' },
        { label: '有效期限', value: '自2026年11月23日至2031年11月22日' },
      ]),
    });
    expect(JSON.stringify(cert)).not.toContain('长期有效');
    // no term set by the item: no term printed at all
    const open = composeDocument({
      ...common,
      kind: 'certificate',
      number: 'y',
      certificateName: '特困人员救助供养证',
      validFrom: '2026-11-23',
    });
    expect(JSON.stringify(open)).not.toContain('有效期限');
  });

  it('titles and numbers each type’s decisions', () => {
    expect(documentTitle('grant_decision', 'licence')).toBe('准予行政许可决定书');
    expect(documentTitle('deny_decision', 'confirmation')).toBe('不予确认决定书');
    expect(documentTitle('acceptance_notice', 'benefit')).toBe('受理通知书');
    expect(kindWord('grant_decision', 'benefit')).toBe('给');
    expect(typeWording('penalty').grant).toBe('准予办理');
    expect(typeWording('toString').grantTitle).toBe('准予办理决定书');
  });
});
