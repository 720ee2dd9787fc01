import { describe, expect, it } from 'vitest';
import {
  cleanFileName,
  contentDisposition,
  downloadName,
  isAccepted,
  isTruncated,
  sniffMediaType,
} from './files.sniff';

const bytes = (...b: number[]) => Uint8Array.from(b);
const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const type = (b: Uint8Array) => sniffMediaType(b).mediaType;

describe('sniffMediaType', () => {
  it('recognises the accepted types by their magic numbers', () => {
    expect(type(text('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toBe('application/pdf');
    expect(type(bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46))).toBe('image/jpeg');
    expect(type(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('image/jpeg'); // EXIF JPEG
    expect(type(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe('image/png');
    for (const t of ['application/pdf', 'image/jpeg', 'image/png']) expect(isAccepted(t)).toBe(true);
  });

  it('does not accept near misses', () => {
    expect(type(text('%PDX-1.7'))).not.toBe('application/pdf');
    expect(type(text(' %PDF-1.7'))).not.toBe('application/pdf'); // the header must come first
    expect(type(bytes(0xff, 0xd8))).not.toBe('image/jpeg'); // too short
    expect(type(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a))).not.toBe('image/png');
  });

  it('names other types so that the applicant learns what the file is', () => {
    expect(sniffMediaType(text('GIF89a\x01\x00'))).toMatchObject({ mediaType: 'image/gif', label: 'GIF 图片' });
    expect(type(text('RIFF\x00\x00\x00\x00WEBPVP8 '))).toBe('image/webp');
    expect(type(bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0))).toBe('image/tiff');
    expect(type(text('\x00\x00\x00\x18ftypheic\x00\x00'))).toBe('image/heic');
    expect(type(text('\x00\x00\x00\x18ftypisom\x00\x00'))).toBe('video/mp4');
    expect(type(text('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml....word/document.xml'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(type(text('PK\x03\x04\x14\x00\x00\x00OFD.xml'))).toBe('application/ofd');
    expect(type(text('PK\x03\x04\x14\x00\x00\x00readme.txt'))).toBe('application/zip');
    expect(type(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toBe('application/x-ole-storage');
    expect(type(text('MZ\x90\x00\x03\x00'))).toBe('application/x-msdownload');
    expect(type(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1))).toBe('application/x-executable');
    expect(type(text('Rar!\x1a\x07\x01\x00'))).toBe('application/vnd.rar');
    expect(type(bytes(0x1f, 0x8b, 0x08, 0))).toBe('application/gzip');
    expect(type(text('{\\rtf1\\ansi'))).toBe('application/rtf');
  });

  it('tells markup and plain text apart, including Chinese text', () => {
    expect(type(text('\n  <svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBe('image/svg+xml');
    expect(type(text('<?xml version="1.0"?><svg></svg>'))).toBe('image/svg+xml');
    expect(type(text('<!DOCTYPE html><html></html>'))).toBe('text/html');
    expect(type(text('<?xml version="1.0"?><root/>'))).toBe('application/xml');
    expect(type(new Uint8Array(Buffer.from('营业执照复印件\n统一社会信用代码', 'utf8')))).toBe('text/plain');
    expect(sniffMediaType(text('hello')).label).toBe('纯文本');
    expect(type(bytes(0x00, 0x01, 0x02, 0x03, 0xfe))).toBe('application/octet-stream');
    expect(type(new Uint8Array())).toBe('application/octet-stream');
  });
});

describe('isTruncated', () => {
  it('wants %%EOF near the end of a PDF', () => {
    expect(isTruncated(text('%PDF-1.4\n...\ntrailer\n%%EOF\n'), 'application/pdf')).toBe(false);
    expect(isTruncated(text(`%PDF-1.4\n%%EOF\n${'x'.repeat(2000)}`), 'application/pdf')).toBe(true);
    expect(isTruncated(text('%PDF-1.4\n1 0 obj <<'), 'application/pdf')).toBe(true);
  });
  it('wants the IEND chunk at the end of a PNG, and does not judge JPEGs', () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100),
      Buffer.from('\0\0\0\0IEND\xaeB`\x82', 'latin1'),
    ]);
    expect(isTruncated(png, 'image/png')).toBe(false);
    expect(isTruncated(png.subarray(0, 60), 'image/png')).toBe(true);
    expect(isTruncated(bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg')).toBe(false);
  });
});

describe('file names', () => {
  it('cleans paths, control characters and lengths', () => {
    expect(cleanFileName('C:\\fakepath\\营业执照.pdf')).toBe('营业执照.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\r\n"c".pdf')).toBe('abc.pdf');
    expect(cleanFileName('...hidden')).toBe('hidden');
    expect(cleanFileName('')).toBe('file');
    expect(cleanFileName(undefined)).toBe('file');
    const long = cleanFileName(`${'长'.repeat(300)}.pdf`);
    expect([...long].length).toBe(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('appends the real extension when the name lies', () => {
    expect(downloadName('照片.pdf', 'image/png')).toBe('照片.pdf.png');
    expect(downloadName('照片.JPEG', 'image/jpeg')).toBe('照片.JPEG');
    expect(downloadName('申请表', 'application/pdf')).toBe('申请表.pdf');
  });

  it('builds an RFC 5987 Content-Disposition with an ASCII fallback', () => {
    expect(contentDisposition('营业执照 (副本).pdf')).toBe(
      `inline; filename="____ (__).pdf"; filename*=UTF-8''%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%28%E5%89%AF%E6%9C%AC%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.pdf', 'attachment')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });
});

describe('bidi controls in file names', () => {
  it('strips overrides, embeddings, isolates and marks, so a name shows what it is', () => {
    expect(cleanFileName('报告\u202Efdp.exe')).toBe('报告fdp.exe');
    for (const c of [
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200E',
      '\u200F',
      '\u061C',
    ])
      expect(cleanFileName(`a${c}b.pdf`), c.codePointAt(0)!.toString(16)).toBe('ab.pdf');
    expect(cleanFileName('\uFEFF\u200B营业执照.pdf')).toBe('营业执照.pdf');
    expect(cleanFileName('\u202E')).toBe('file');
  });

  it('leaves them out of Content-Disposition too (names stored earlier)', () => {
    expect(contentDisposition('a\u202Eb.pdf')).toBe(`inline; filename="ab.pdf"; filename*=UTF-8''ab.pdf`);
  });
});
