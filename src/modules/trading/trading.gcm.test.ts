import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gcmDecrypt, gcmEncrypt } from './trading.gcm';

const aesGcm = (key: Buffer, iv: Buffer, plain: Buffer) => {
  const c = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
};

describe('GCM over a block cipher', () => {
  it('decrypts what Node’s AES-256-GCM sealed, of every length around a block', () => {
    const key = randomBytes(32);
    for (const n of [0, 1, 15, 16, 17, 100, 1000]) {
      const iv = randomBytes(12);
      const plain = randomBytes(n);
      expect(gcmDecrypt('aes-256-ecb', key, iv, aesGcm(key, iv, plain))).toEqual(plain);
    }
  });

  it('refuses a wrong key, a changed byte and a short input', () => {
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const sealed = aesGcm(key, iv, Buffer.from('投标报价：壹仟贰佰万元'));
    expect(gcmDecrypt('aes-256-ecb', randomBytes(32), iv, sealed)).toBeNull();
    const changed = Buffer.from(sealed);
    changed[0]! ^= 1;
    expect(gcmDecrypt('aes-256-ecb', key, iv, changed)).toBeNull();
    expect(gcmDecrypt('aes-256-ecb', key, iv, Buffer.alloc(8))).toBeNull();
  });

  it('runs SM4 in the same mode: the RFC 8998 test vector, and a round trip', () => {
    const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex');
    const key = hex('0123456789ABCDEFFEDCBA9876543210');
    const iv = hex('00001234567800000000ABCD');
    const aad = hex('FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2');
    const plain = hex(
      'AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA',
    );
    const sealed = hex(
      `17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D
       83DE3541E4C2B58177E065A9BF7B62EC`,
    );
    expect(gcmEncrypt('sm4-ecb', key, iv, plain, aad).toString('hex')).toBe(sealed.toString('hex'));
    expect(gcmDecrypt('sm4-ecb', key, iv, sealed, aad)).toEqual(plain);
    const k = randomBytes(16);
    const n = randomBytes(12);
    const text = Buffer.from('投标报价：壹仟贰佰万元');
    expect(gcmDecrypt('sm4-ecb', k, n, gcmEncrypt('sm4-ecb', k, n, text))).toEqual(text);
  });
});
