/** Upload quotas: uploads per window, unattached bytes held, the per-case budget and the sweep of unattached files. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { foodForm } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { filesModule } from './index';

let t: TestApp;
let applicant: Record<string, string>;
let company: Record<string, string>;
beforeAll(async () => {
  // Read when the routes are registered.
  vi.stubEnv('UPLOAD_RATE_COUNT', '40');
  vi.stubEnv('UPLOAD_PENDING_MB', '1');
  t = await createTestApp();
  vi.unstubAllEnvs();
  applicant = await t.login('applicant');
  company = await t.login('company');
});
afterAll(async () => t?.close());
afterEach(() => vi.unstubAllEnvs());

const BOUNDARY = '----YiwangQuotaBoundary';
let serial = 0;
/** A complete PDF of about `size` bytes, different every time. */
const pdf = (size = 200) => {
  const head = Buffer.from(`%PDF-1.4\n% ${serial++}\n1 0 obj << /Type /Catalog >> endobj\n`);
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20), tail]);
};
const upload = (headers: Record<string, string>, content = pdf()) =>
  t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
  });
const uploadOk = async (headers: Record<string, string>, content = pdf()) => {
  const res = await upload(headers, content);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
};
const countFiles = async () =>
  Number((await sql<{ n: number }>`select count(*)::int as n from files`.execute(t.db)).rows[0]!.n);

let keySeq = 0;
/** The company files 食品经营许可 online with these files as materials m1 and m3. */
const fileFood = (m1: string[], m3: string[]) =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...company, 'idempotency-key': `quota-${Date.now()}-${keySeq++}` },
    payload: {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials: [
        { materialId: 'm1', fileIds: m1 },
        { materialId: 'm3', fileIds: m3 },
      ],
      submit: true,
    },
  });

interface ProblemBody {
  status: number;
  code?: string;
  detail: string;
  errors?: { field: string; message: string }[];
}

describe('uploads per window', () => {
  it('takes 40 uploads from one account and refuses the 41st with 429 and Retry-After; others may still upload', async () => {
    for (let i = 0; i < 40; i++) await uploadOk(applicant);
    const before = await countFiles();
    const res = await upload(applicant);
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
    const p = res.json() as ProblemBody;
    expect(p.code).toBe('upload_rate_limited');
    expect(p.errors?.[0]).toEqual({ field: 'file', message: expect.stringContaining('最多上传 40 个文件') });
    expect(await countFiles()).toBe(before);
    await uploadOk(company);
    // the window moves on: uploads older than it no longer count
    await sql`update files set created_at = created_at - interval '61 minutes'
              where owner_id = (select id from users where username = 'applicant')`.execute(t.db);
    await uploadOk(applicant);
  });
});

describe('unattached uploads held at once', () => {
  const KiB = 1024;
  let held: string[] = [];

  it('refuses with 413 the upload that would take them over the quota, and stores nothing', async () => {
    held = [await uploadOk(company, pdf(400 * KiB)), await uploadOk(company, pdf(400 * KiB))];
    const before = await countFiles();
    const res = await upload(company, pdf(400 * KiB));
    expect(res.statusCode).toBe(413);
    const p = res.json() as ProblemBody;
    expect(p.code).toBe('upload_quota_exceeded');
    expect(p.errors?.[0]?.field).toBe('file');
    expect(p.detail).toContain('1 MiB');
    expect(await countFiles()).toBe(before);
  });

  it('counts them no more once a case takes them', async () => {
    const res = await fileFood([held[0]!], [held[1]!]);
    expect(res.statusCode, res.body).toBe(201);
    await uploadOk(company, pdf(400 * KiB));
  });
});

describe('size budget per case', () => {
  it('refuses with 422 a case whose files together pass UPLOAD_CASE_MB, naming the file that goes over', async () => {
    // the company holds 400 KiB unattached from the test before
    const a = await uploadOk(company, pdf(300 * 1024));
    vi.stubEnv('UPLOAD_CASE_MB', '0.5');
    const old = (
      await sql<{ id: string }>`select id from files where owner_id = (select id from users where username = 'company')
      and attached_at is null and id <> ${a} order by size desc limit 1`.execute(t.db)
    ).rows[0]!.id;
    const res = await fileFood([old], [a]);
    expect(res.statusCode).toBe(422);
    const p = res.json() as ProblemBody;
    expect(p.code).toBe('case_files_too_large');
    expect(p.errors).toEqual([{ field: 'materials.1.fileIds.0', message: expect.stringContaining('512 KiB') }]);
    // nothing was taken: both still count as unattached
    const attached = await sql<{
      n: number;
    }>`select count(*)::int as n from files where id in (${a}, ${old}) and attached_at is not null`.execute(t.db);
    expect(attached.rows[0]!.n).toBe(0);
    vi.stubEnv('UPLOAD_CASE_MB', '1');
    expect((await fileFood([old], [a])).statusCode).toBe(201);
  });
});

describe('removal of files never attached', () => {
  it('removes, with an audit entry, what no case took within UPLOAD_UNATTACHED_HOURS, and keeps the rest', async () => {
    const stale = await uploadOk(applicant);
    const fresh = await uploadOk(applicant);
    const attachedOld = (
      await sql<{ id: string }>`select id from files where attached_at is not null limit 1`.execute(t.db)
    ).rows[0]!.id;
    await sql`update files set created_at = now() - interval '25 hours' where id in (${stale}, ${attachedOld})`.execute(
      t.db,
    );
    const job = filesModule.jobs?.find((j) => j.name === 'files.unattached');
    expect(job).toBeDefined();
    await job!.run(t.db, { now: t.now() });
    const left = await sql<{
      id: string;
    }>`select id from files where id in (${stale}, ${fresh}, ${attachedOld})`.execute(t.db);
    expect(left.rows.map((r) => r.id).sort()).toEqual([fresh, attachedOld].sort());
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${stale}`, headers: applicant })).statusCode).toBe(
      404,
    );
    const audit = await sql<{ actor_id: string | null; before: { size: number } }>`
      select actor_id, before from audit_log where action = 'files.expire' and entity_id = ${stale}`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.before.size).toBeGreaterThan(0);
    // a removed upload can no longer be attached
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...applicant, 'idempotency-key': `quota-gone-${Date.now()}` },
      payload: {
        itemCode: DEMO_ITEM_CODES.foodBusiness,
        form: foodForm,
        materials: [{ materialId: 'm1', fileIds: [stale] }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as ProblemBody).errors?.[0]?.field).toBe('materials.0.fileIds.0');
  });
});
