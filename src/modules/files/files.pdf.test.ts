import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodePdfName, findPdfActiveContent } from './files.pdf';

const pdf = (...parts: (string | Buffer)[]) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    ...parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p, 'latin1'))),
    Buffer.from('\n%%EOF\n'),
  ]);

/** An object stream holding `body`, deflated. */
const objStm = (body: string, filter = '/Filter /FlateDecode') => {
  const data = deflateSync(Buffer.from(body, 'latin1'));
  return Buffer.concat([
    Buffer.from(`5 0 obj\n<< /Type /ObjStm /N 1 /First 4 ${filter} /Length ${data.length} >>\nstream\n`),
    data,
    Buffer.from('\nendstream\nendobj\n'),
  ]);
};

describe('decodePdfName', () => {
  it('decodes #xx escapes', () => {
    expect(decodePdfName('J#61vaScript')).toBe('JavaScript');
    expect(decodePdfName('#4A#53')).toBe('JS');
    expect(decodePdfName('A#zz')).toBe('A#zz');
  });
});

describe('findPdfActiveContent', () => {
  it('passes a plain document, including one that opens at a page view', () => {
    expect(findPdfActiveContent(pdf('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj'))).toBeNull();
    expect(findPdfActiveContent(pdf('1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj'))).toBeNull();
  });

  it('finds JavaScript, JS, Launch and additional actions, written plainly or escaped', () => {
    const cases: [string, string[]][] = [
      ['<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>', ['JavaScript', 'JS']],
      ['<< /OpenAction 7 0 R >> 7 0 obj << /S /J#61vaScript /J#53 (x) >> endobj', ['JavaScript', 'JS']],
      ['<< /Names << /JavaScript 9 0 R >> >>', ['JavaScript']],
      ['<< /S /Launch /F (cmd.exe) >>', ['Launch']],
      ['<< /Type /Page /AA << /O 4 0 R >> >>', ['AA']],
      ['<< /Type/Page/#41A<</O 4 0 R>>>>', ['AA']],
    ];
    for (const [body, names] of cases) {
      const r = findPdfActiveContent(pdf(body));
      expect(r, body).toEqual({ kind: 'active', names: expect.arrayContaining(names) });
    }
  });

  it('reads inside compressed object streams', () => {
    expect(findPdfActiveContent(pdf(objStm('4 0 << /S /JavaScript /JS (x) >>')))).toMatchObject({ kind: 'active' });
    expect(findPdfActiveContent(pdf(objStm('4 0 << /Type /Font >>')))).toBeNull();
  });

  it('calls an object stream it cannot read unreadable', () => {
    expect(findPdfActiveContent(pdf(objStm('4 0 << >>', '/Filter /LZWDecode')))).toMatchObject({ kind: 'unreadable' });
    const garbage = Buffer.concat([
      Buffer.from('5 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length 8 >>\nstream\n'),
      Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]),
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    expect(findPdfActiveContent(pdf(garbage))).toMatchObject({ kind: 'unreadable' });
  });

  it('ignores what image and content streams happen to contain', () => {
    const image = Buffer.concat([
      Buffer.from('6 0 obj\n<< /Type /XObject /Subtype /Image /Filter /DCTDecode /Length 20 >>\nstream\n'),
      Buffer.from('\xff\xd8/JS /AA /Launch\xff\xd9', 'latin1'),
      Buffer.from('\nendstream\nendobj\n'),
    ]);
    expect(findPdfActiveContent(pdf(image))).toBeNull();
  });
});
