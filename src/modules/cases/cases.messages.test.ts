import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../catalog/index';
import type { TransitionOk } from '../workflow/index';
import type { CaseRow } from './cases.repository';
import { applicantMessage } from './cases.messages';

const row = { number: 'PJ-2026-000001', tracking_code: 'ABCD2345' } as CaseRow;
const item = { name: '食品经营许可' } as ItemDetail;
const tr = (action: string, terminal = false): TransitionOk => ({
  ok: true,
  status: 'x',
  suspendedFrom: null,
  fromStatus: 'y',
  action: { action, label: action === 'deny' ? '不予许可' : action, from: [], to: 'x', performers: [] },
  clock: null,
  terminal,
});

describe('what the applicant is told after a step', () => {
  it('names the case, the document and the promised deadline on acceptance', () => {
    const m = applicantMessage(tr('accept'), '已受理', row, item, {}, '2027-01-15', '盘审受〔2026〕第000001号');
    expect(m?.kind).toBe('case.accepted');
    expect(m?.title).toBe('已受理：食品经营许可');
    expect(m?.body).toContain('办件编号 PJ-2026-000001');
    expect(m?.body).toContain('（文书编号 盘审受〔2026〕第000001号）');
    expect(m?.body).toContain('承诺办结期限 2027-01-15');
  });

  it('lists every correction of a one-time notice, and a denial with its reason and remedies', () => {
    const corrections = [{ problem: '营业执照复印件不清晰' }, { problem: '缺少法定代表人签字' }] as never;
    expect(applicantMessage(tr('request-correction'), '', row, item, { corrections }, null, null)?.body).toContain(
      '营业执照复印件不清晰；缺少法定代表人签字',
    );
    const denied = applicantMessage(tr('deny'), '', row, item, { reason: '场所不符合要求' }, null, null);
    expect(denied?.title).toBe('不予许可：食品经营许可');
    expect(denied?.body).toContain('理由：场所不符合要求');
    expect(denied?.body).toContain('行政复议');
  });

  it('says how a case was delivered', () => {
    const express = { method: 'express', carrier: 'EMS', trackingNumber: 'E1' } as never;
    expect(applicantMessage(tr('deliver'), '', row, item, { delivery: express }, null, null)?.body).toContain(
      '已快递寄出（EMS 单号 E1）',
    );
  });

  it('tells nothing of an internal step, but that a case ended by another step has ended', () => {
    expect(applicantMessage(tr('review-pass'), '审查通过', row, item, {}, null, null)).toBeNull();
    expect(applicantMessage(tr('close', true), '已终止', row, item, {}, null, null)?.body).toContain('已结束：已终止');
  });
});
