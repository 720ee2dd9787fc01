import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkIdNumber, creditCodeCheckChar, idNumberCheckChar } from './identity.codes';

describe('GB 11643 citizen ID number', () => {
  it('computes the MOD 11-2 check character', () => {
    // Worked example from the standard: 11010519491231002X
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X')).toBeNull();
  });
  it('rejects a wrong check character, bad birth date and bad shape', () => {
    expect(checkIdNumber('110105194912310021')).toMatch(/校验位/);
    expect(checkIdNumber('110105194902300021')).toMatch(/出生日期/);
    expect(checkIdNumber('11010519491231002x')).toMatch(/18 位/);
    expect(checkIdNumber('1101051949123100')).toMatch(/18 位/);
  });
});

describe('GB 32100 unified social credit code', () => {
  it('computes the MOD 31 check character', () => {
    // A real published code: 91350100M000100Y43
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
  });
  it('rejects a wrong check character and forbidden letters', () => {
    expect(checkCreditCode('91350100M000100Y44')).toMatch(/校验位/);
    expect(checkCreditCode('91350100M000100I43')).toMatch(/18 位/);
  });
});
