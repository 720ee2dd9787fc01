import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './identity.password';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('Demo@2026');
    expect(h).toMatch(/^scrypt\$/);
    expect(h).not.toContain('Demo@2026');
    expect(await verifyPassword('Demo@2026', h)).toBe(true);
    expect(await verifyPassword('demo@2026', h)).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hashPassword('Abcdefg1')).not.toBe(await hashPassword('Abcdefg1'));
  });
  it('requires letters and digits of sensible length', () => {
    expect(checkPasswordStrength('short1')).toMatch(/长度/);
    expect(checkPasswordStrength('onlyletters')).toMatch(/字母和数字/);
    expect(checkPasswordStrength('Demo@2026')).toBeNull();
  });
});
