import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { entropyBitsPerByte, plaintextProblem } from './trading.sealed';

describe('sealed bids', () => {
  it('takes random bytes (as a cipher writes them) of any size', () => {
    expect(plaintextProblem(randomBytes(16))).toBeNull();
    expect(plaintextProblem(randomBytes(4096))).toBeNull();
    expect(entropyBitsPerByte(randomBytes(65536))).toBeGreaterThan(7.9);
  });
  it('refuses a PDF or an Office file by its first bytes', () => {
    expect(plaintextProblem(Buffer.from('%PDF-1.7 …'))).toBe(
      '上传的是未加密的 PDF 文件：投标文件须在浏览器中加密后上传',
    );
    expect(plaintextProblem(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatch(/ZIP\/Office/);
  });
  it('refuses text of 1 KiB or more, even in no known format', () => {
    const text = Buffer.from('投标报价：人民币壹仟贰佰万元整。工期：180 日历天。'.repeat(40));
    expect(plaintextProblem(text)).toBe('上传的内容不像密文：投标文件须在浏览器中加密后上传');
    expect(plaintextProblem(Buffer.alloc(2048, 0))).not.toBeNull();
  });
});
