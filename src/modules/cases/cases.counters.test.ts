import { describe, expect, it } from 'vitest';
import { counterOf } from './cases.counters';

describe('受审分离 counters', () => {
  it('puts each status at the front desk, in the back office, at the exit counter, or nowhere', () => {
    const table: [string, ReturnType<typeof counterOf>][] = [
      ['draft', null],
      ['submitted', 'front'],
      ['correction_requested', 'front'],
      ['prereviewed', 'front'],
      ['accepted', 'back'],
      ['site_inspection', 'back'],
      ['reviewed', 'back'],
      ['suspended', 'back'],
      ['granted', 'exit'],
      ['certificate_issued', 'exit'],
      ['completed', null],
      ['refused', null],
      ['denied', null],
      ['withdrawn', null],
    ];
    for (const [status, counter] of table) expect(counterOf(status), status).toBe(counter);
  });
});
