import { describe, expect, it } from 'vitest';
import { accountPrefill } from './prefill';
import type { FormField } from './cases';

const person: Pick<FormField, 'key' | 'type'>[] = [
  { key: 'applicantName', type: 'text' },
  { key: 'idNumber', type: 'idNumber' },
  { key: 'phone', type: 'phone' },
  { key: 'address', type: 'address' },
];
const company: Pick<FormField, 'key' | 'type'>[] = [
  { key: 'companyName', type: 'text' },
  { key: 'creditCode', type: 'creditCode' },
  { key: 'contactPhone', type: 'phone' },
  { key: 'enterpriseName', type: 'text' },
  { key: 'agentIdNumber', type: 'idNumber' },
];

describe('accountPrefill 申请表预填', () => {
  it("fills a person's name, ID number and phone from the account", () => {
    expect(
      accountPrefill(person, { kind: 'person', name: '韩雪梅', idNumber: '211102199001011234', phone: '13904271234' }),
    ).toEqual({ applicantName: '韩雪梅', idNumber: '211102199001011234', phone: '13904271234' });
  });

  it("fills a company's name, credit code and contact phone, and not the fields about someone else", () => {
    expect(
      accountPrefill(company, {
        kind: 'company',
        name: '盘锦示范科技有限公司',
        creditCode: '91211103MA0Y8K2P7J',
        idNumber: '211102199001011234',
        phone: '13904270000',
      }),
    ).toEqual({ companyName: '盘锦示范科技有限公司', creditCode: '91211103MA0Y8K2P7J', contactPhone: '13904270000' });
  });

  it('leaves unknown facts empty and fills nothing for staff', () => {
    expect(accountPrefill(person, { kind: 'person', name: '韩雪梅' })).toEqual({ applicantName: '韩雪梅' });
    expect(accountPrefill(person, { kind: 'staff', name: '窗口' })).toEqual({});
  });
});
