import { describe, expect, it } from 'vitest';
import { refusalText, verifiableId, verifyFailureKey } from './problemText';

describe('refusal texts for people', () => {
  it('gives the field message without its key', () => {
    const p = {
      detail: 'file：PDF 含有JavaScript 脚本，出于安全考虑不予接收',
      errors: [{ field: 'file', message: 'PDF 含有JavaScript 脚本，出于安全考虑不予接收' }],
    };
    expect(refusalText(p)).toBe('PDF 含有JavaScript 脚本，出于安全考虑不予接收');
    expect(refusalText({ detail: 'file：文件为空（0 字节）' })).toBe('文件为空（0 字节）');
    expect(refusalText({ detail: '请求过于频繁' })).toBe('请求过于频繁');
    expect(refusalText({ detail: 'x', errors: [] })).not.toMatch(/[A-Za-z]+：/);
  });
});

describe('document verification by id', () => {
  it('answers a malformed id without asking the server, and names a missing document apart', () => {
    expect(verifiableId('not-a-document')).toBe(false);
    expect(verifiableId('0b1f7e2c-6d0a-4c61-9f2e-1a2b3c4d5e6f')).toBe(true);
    expect(verifyFailureKey(null)).toBe('verify.malformed');
    expect(verifyFailureKey(400)).toBe('verify.malformed');
    expect(verifyFailureKey(404)).toBe('verify.notFound');
    expect(verifyFailureKey(500)).toBe('verify.failed');
  });
});
