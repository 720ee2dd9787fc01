import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import QRCode from 'qrcode';
import { createTestApp, type TestApp } from '../../../test/harness';
import { assertFilesOwnedBy, getFileMetas, readFile } from './index';
import { Problem } from '../../platform/errors';

let t: TestApp;
let applicant: Record<string, string>;
let company: Record<string, string>;
let applicantId: string;
beforeAll(async () => {
  t = await createTestApp();
  applicant = await t.login('applicant');
  company = await t.login('company');
  applicantId = (
    (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: applicant })).json() as { user: { id: string } }
  ).user.id;
});
afterAll(async () => t?.close());

interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer | string;
}
const BOUNDARY = '----YiwangTestBoundary7MA4YWxkTrZu0gW';

/** A multipart/form-data body built by hand. */
function form(parts: Part[], { end = true } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disp = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${disp}\r\n${p.contentType ? `Content-Type: ${p.contentType}\r\n` : ''}\r\n`,
        'utf8',
      ),
    );
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  if (end) chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const upload = (payload: Buffer, headers: Record<string, string> = applicant) =>
  t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload,
  });
const uploadFile = (data: Buffer | string, filename = 'x.pdf', contentType = 'application/pdf', headers = applicant) =>
  upload(form([{ name: 'file', filename, contentType, data }]), headers);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0'),
  Buffer.alloc(64, 7),
  Buffer.from([0xff, 0xd9]),
]);
let PNG: Buffer;

const countFiles = async () =>
  Number((await sql<{ n: number }>`select count(*)::int as n from files`.execute(t.db)).rows[0]!.n);

interface ProblemBody {
  status: number;
  detail: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

describe('POST /api/files', () => {
  beforeAll(async () => {
    PNG = await QRCode.toBuffer('https://example.org', { type: 'png' });
  });

  it('stores a PDF and answers its id, hash, size and sniffed type', async () => {
    const res = await uploadFile(PDF, '营业执照（副本）.pdf');
    expect(res.statusCode).toBe(201);
    const body = res.json() as { id: string; sha256: string; size: number; mediaType: string; name: string };
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sha256: createHash('sha256').update(PDF).digest('hex'),
      size: PDF.length,
      mediaType: 'application/pdf',
      name: '营业执照（副本）.pdf',
    });
    const stored = await readFile(t.db, body.id);
    expect(stored?.content.equals(PDF)).toBe(true);
    expect(stored?.meta.ownerId).toBe(applicantId);
    // audited, without the content
    const audit = await sql<{ action: string; actor_name: string; after: Record<string, unknown> }>`
      select action, actor_name, after from audit_log where entity_id = ${body.id}`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'files.upload', actor_name: 'applicant' });
    expect(audit.rows[0]!.after).toMatchObject({ sha256: body.sha256, size: PDF.length, mediaType: 'application/pdf' });
    expect(JSON.stringify(audit.rows[0]!.after)).not.toContain('Catalog');
  });

  it('judges the type by content: a PNG named .pdf is a PNG, a JPEG sent as text/plain a JPEG', async () => {
    const png = await uploadFile(PNG, 'scan.pdf', 'application/pdf');
    expect(png.statusCode).toBe(201);
    expect(png.json()).toMatchObject({ mediaType: 'image/png', name: 'scan.pdf', size: PNG.length });
    const jpg = await uploadFile(JPEG, 'photo.txt', 'text/plain');
    expect(jpg.statusCode).toBe(201);
    expect(jpg.json()).toMatchObject({ mediaType: 'image/jpeg' });
  });

  it('refuses other types with 415 naming what the file really is', async () => {
    const cases: [Buffer | string, string, RegExp][] = [
      ['这不是 PDF，只是文本', '申请书.pdf', /纯文本/],
      [Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'photo.jpg', /可执行程序/],
      [Buffer.from('PK\x03\x04\x14\x00\x06\x00word/document.xml', 'latin1'), 'form.pdf', /Word 文档/],
      [Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'pic.png', /GIF/],
      ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'pic.png', /SVG/],
    ];
    const before = await countFiles();
    for (const [data, name, label] of cases) {
      const res = await uploadFile(data, name, 'application/pdf');
      expect(res.statusCode, name).toBe(415);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const p = res.json() as ProblemBody;
      expect(p.detail).toMatch(label);
      expect(p.errors?.[0]?.field).toBe('file');
    }
    expect(await countFiles()).toBe(before);
  });

  it('refuses an empty file with 400 naming the field', async () => {
    const res = await uploadFile('', 'empty.pdf');
    expect(res.statusCode).toBe(400);
    const p = res.json() as ProblemBody;
    expect(p.errors?.map((e) => e.field)).toEqual(['file']);
    expect(p.detail).toContain('文件为空');
  });

  it('refuses an oversized file with 413 and stores nothing', async () => {
    const before = await countFiles();
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    PDF.copy(big, 0);
    const res = await uploadFile(big, 'big.pdf');
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((res.json() as ProblemBody).detail).toContain('20 MiB');
    expect(await countFiles()).toBe(before);
    // exactly at the limit is fine
    const edge = Buffer.alloc(20 * 1024 * 1024, 0x20);
    PDF.copy(edge, edge.length - PDF.length);
    Buffer.from('%PDF-1.4\n').copy(edge, 0);
    expect((await uploadFile(edge, 'edge.pdf')).statusCode).toBe(201);
  });

  it('answers an interrupted upload with 400 and stores nothing', async () => {
    const before = await countFiles();
    const whole = form([{ name: 'file', filename: 'cut.pdf', contentType: 'application/pdf', data: PDF }]);
    // cut in the middle of the file's data, and just before the closing boundary
    for (const payload of [
      whole.subarray(0, whole.length - 60),
      whole.subarray(0, whole.length - 8),
      form([{ name: 'file', filename: 'a.pdf', data: PDF }], { end: false }),
    ]) {
      const res = await upload(payload);
      expect(res.statusCode).toBe(400);
      expect((res.json() as ProblemBody).errors?.[0]?.field).toBe('file');
    }
    expect(await countFiles()).toBe(before);
  });

  it('refuses a PDF or PNG whose end is missing (cut off before it was sent)', async () => {
    const res = await uploadFile(PDF.subarray(0, 30), 'half.pdf');
    expect(res.statusCode).toBe(400);
    expect((res.json() as { type: string }).type).toBe('urn:yiwang:problem:file_incomplete');
    expect((await uploadFile(PNG.subarray(0, PNG.length - 20), 'half.png', 'image/png')).statusCode).toBe(400);
  });

  it('answers malformed requests with clear 4xx', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/files', headers: applicant, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect((json.json() as ProblemBody).detail).toContain('multipart/form-data');
    const noFile = await upload(form([{ name: 'note', data: 'hello' }]));
    expect(noFile.statusCode).toBe(400);
    expect((noFile.json() as ProblemBody).errors?.[0]?.field).toBe('file');
    const wrongField = await upload(form([{ name: 'upload', filename: 'a.pdf', data: PDF }]));
    expect(wrongField.statusCode).toBe(400);
    expect((wrongField.json() as ProblemBody).detail).toContain('upload');
    const two = await upload(
      form([
        { name: 'file', filename: 'a.pdf', data: PDF },
        { name: 'file', filename: 'b.pdf', data: PDF },
      ]),
    );
    expect(two.statusCode).toBe(400);
    expect((two.json() as ProblemBody).detail).toContain('一个文件');
    const noBoundary = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...applicant, 'content-type': 'multipart/form-data' },
      payload: PDF,
    });
    expect(noBoundary.statusCode).toBeGreaterThanOrEqual(400);
    expect(noBoundary.statusCode).toBeLessThan(500);
  });

  it('keeps other form fields out of the way and takes the file', async () => {
    const res = await upload(
      form([
        { name: 'materialId', data: 'abc' },
        { name: 'file', filename: 'b.pdf', data: PDF },
      ]),
    );
    expect(res.statusCode).toBe(201);
  });

  it('refuses a PDF carrying JavaScript or a launch action with 422, however its names are written', async () => {
    const before = await countFiles();
    for (const body of [
      '1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj',
      '1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj 2 0 obj << /S /J#61vaScript /J#53 (x) >> endobj',
      '1 0 obj << /Type /Action /S /Launch /F (cmd.exe) >> endobj',
      '1 0 obj << /Type /Page /AA << /O 2 0 R >> >> endobj',
    ]) {
      const res = await uploadFile(
        Buffer.from(`%PDF-1.7\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1'),
        'form.pdf',
      );
      expect(res.statusCode, body).toBe(422);
      const p = res.json() as ProblemBody;
      expect(p.code).toBe('pdf_active_content');
      expect(p.errors?.[0]?.field).toBe('file');
      expect(p.detail).toMatch(/脚本|启动外部程序|自动执行/);
    }
    expect(await countFiles()).toBe(before);
  });

  it('strips bidi controls from the stored name, so it cannot disguise its extension', async () => {
    const res = await uploadFile(PDF, '发票\u202Efdp.exe\u2066\u200F.pdf');
    expect(res.statusCode).toBe(201);
    expect((res.json() as { name: string }).name).toBe('发票fdp.exe.pdf');
    const id = (res.json() as { id: string }).id;
    const dl = await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: applicant });
    expect(decodeURIComponent(String(dl.headers['content-disposition']).split("UTF-8''")[1]!)).toBe('发票fdp.exe.pdf');
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: form([{ name: 'file', filename: 'a.pdf', data: PDF }]),
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /api/files/{id}', () => {
  let id: string;
  beforeAll(async () => {
    id = ((await uploadFile(PNG, '身份证 正面(1).pdf', 'application/pdf')).json() as { id: string }).id;
  });

  it('serves the content to its uploader with type and an RFC 5987 file name', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: applicant });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.equals(PNG)).toBe(true);
    const cd = String(res.headers['content-disposition']);
    expect(cd).toMatch(/^inline; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1]!)).toBe('身份证 正面(1).pdf.png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const dl = await t.app.inject({ method: 'GET', url: `/api/files/${id}?download=true`, headers: applicant });
    expect(String(dl.headers['content-disposition'])).toMatch(/^attachment;/);
  });

  it('answers 404 to anyone else, 401 without sign-in, 400 for a malformed id', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: company })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: await t.login('admin') })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/files/00000000-0000-4000-8000-000000000000',
          headers: applicant,
        })
      ).statusCode,
    ).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/files/nope', headers: applicant });
    expect(bad.statusCode).toBe(400);
  });
});

describe('facade', () => {
  it('reads metadata, content and checks ownership for the cases module', async () => {
    const a = (await uploadFile(PDF, 'a.pdf')).json() as { id: string };
    const b = (await uploadFile(JPEG, 'b.jpg', 'image/jpeg')).json() as { id: string };
    const c = (await uploadFile(PDF, 'c.pdf', 'application/pdf', company)).json() as { id: string };
    const metas = await getFileMetas(t.db, [b.id, a.id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']);
    expect(metas.map((m) => [m.id, m.mediaType, m.name])).toEqual([
      [b.id, 'image/jpeg', 'b.jpg'],
      [a.id, 'application/pdf', 'a.pdf'],
    ]);
    expect(await readFile(t.db, 'nope')).toBeNull();
    expect((await readFile(t.db, a.id))?.meta.size).toBe(PDF.length);

    const ok = await assertFilesOwnedBy(t.db, applicantId, [a.id, b.id]);
    expect(ok.map((m) => m.id)).toEqual([a.id, b.id]);
    const err = await assertFilesOwnedBy(
      t.db,
      applicantId,
      [a.id, c.id, 'bogus'],
      (i) => `materials.0.fileIds.${i}`,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).status).toBe(400);
    expect((err as Problem).errors.map((e) => e.field)).toEqual(['materials.0.fileIds.1', 'materials.0.fileIds.2']);
  });
});

describe('OpenAPI', () => {
  it('describes the file routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    };
    expect(doc.paths['/api/files']?.post?.summary).toContain('上传文件');
    expect(doc.paths['/api/files/{id}']?.get?.tags).toEqual(['files']);
  });
});
