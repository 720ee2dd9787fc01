import { describe, expect, it } from 'vitest';
import { passwordProblem, hashPassword, relatedInputs, verifyPassword } from './identity.password';

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
  it('refuses short, common, guessable and control-character passwords', () => {
    for (const weak of ['abcd1234', 'aaaaaaa1', 'Password1', 'Demo@2026', 'Password123', 'qwertyuiop1', '1234567890'])
      expect(passwordProblem(weak), weak).not.toBeNull();
    expect(passwordProblem('short1')).toBe('密码至少 10 位');
    expect(passwordProblem('Qiuyu-Lantern\u000048')).toMatch(/控制字符/);
    expect(passwordProblem('Qiuyu-Lantern\n48')).toMatch(/控制字符/);
    expect(passwordProblem('x'.repeat(129))).toMatch(/最多 128 位/);
  });
  it('accepts long uncommon passwords, and counts the account names against it', () => {
    expect(passwordProblem('river-cloud-7741')).toBeNull();
    expect(passwordProblem('Qiuyu-Lantern-48')).toBeNull();
    expect(passwordProblem('wangxiaoming88')).toBeNull();
    expect(passwordProblem('wangxiaoming88', ['wangxiaoming', '王小明'])).not.toBeNull();
  });
  it("counts an account's username, name, phone and ID number against its password", () => {
    const u = { username: 'wangxm', name: '王小明', phone: '13800001234', id_number: null };
    expect(relatedInputs(u)).toEqual(['wangxm', '王小明', '13800001234', null]);
    expect(passwordProblem('wangxm13800001234', relatedInputs(u))).not.toBeNull();
  });
});
