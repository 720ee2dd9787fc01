import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { Problem } from '../../platform/errors';
import { extractPdfText } from './documents.pdftext';
import { getDocument, issueDocument, listDocumentsForCase, readDocument, type IssueDocumentInput } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const actor = { id: '00000000-0000-4000-8000-000000000001', username: 'approver-city' };
const caseA = randomUUID();
const caseB = randomUUID();

const common = {
  caseId: caseA,
  baseUrl: 'https://zwfw.panjin.example/',
  actor,
  caseNumber: 'PJ2026112300012',
  itemName: '食品经营许可（新办）',
  applicantName: '盘锦辽河示范科技有限公司',
  officeName: '示例市行政审批服务局',
  issuedOn: '2026-11-23',
  appliedOn: '2026-11-20',
};
const acceptance = (over: Partial<IssueDocumentInput> = {}): IssueDocumentInput =>
  ({
    ...common,
    kind: 'acceptance_notice',
    promisedDays: 10,
    promisedDeadline: '2026-12-07',
    statutoryDays: 20,
    statutoryDeadline: '2026-12-21',
    materials: [{ name: '食品经营许可申请书', form: '原件', copies: 1 }],
    ...over,
  }) as IssueDocumentInput;
const correction: IssueDocumentInput = {
  ...common,
  kind: 'correction_notice',
  correctBy: '2026-12-08',
  items: [
    { materialName: '营业执照', problem: '复印件不清晰' },
    { materialName: '健康证明', problem: '未提交' },
  ],
};

const issue = (input: IssueDocumentInput) => t.db.transaction().execute((tx) => issueDocument(tx, input));

describe('issueDocument', () => {
  it('numbers, renders and stores a document, with a verify URL on its id', async () => {
    const doc = await issue(acceptance());
    expect(doc.number).toBe('示审受字〔2026〕第000001号');
    expect(doc.verifyUrl).toBe(`https://zwfw.panjin.example/verify/${doc.id}`);
    const stored = await readDocument(t.db, doc.id);
    expect(stored).not.toBeNull();
    expect(createHash('sha256').update(stored!.content).digest('hex')).toBe(doc.sha256);
    expect(stored!.meta).toMatchObject({
      caseId: caseA,
      kind: 'acceptance_notice',
      kindLabel: '受理通知书',
      title: '受理通知书',
      number: doc.number,
      issuedOn: '2026-11-23',
      issuedBy: actor.id,
      officeName: '示例市行政审批服务局',
      size: stored!.content.length,
    });
    const text = extractPdfText(stored!.content).text.replace(/\s+/g, '');
    expect(text).toContain('示审受字〔2026〕第000001号');
    expect(text).toContain('盘锦辽河示范科技有限公司：');
    expect(text).toContain(doc.verifyUrl);
  });

  it('counts per prefix and year, gaplessly', async () => {
    expect((await issue(acceptance())).number).toBe('示审受字〔2026〕第000002号');
    expect((await issue(correction)).number).toBe('示审补字〔2026〕第000001号');
    expect((await issue(acceptance({ issuedOn: '2027-01-04' }))).number).toBe('示审受字〔2027〕第000001号');
    expect((await issue(acceptance({ officeName: '样板区行政审批局' }))).number).toBe('样审受字〔2026〕第000001号');
    expect((await issue(acceptance({ officeAbbreviation: '盘市监' }))).number).toBe('盘市监受字〔2026〕第000001号');
    // a transaction that fails afterwards leaves neither a document nor a used number
    const failed = await t.db
      .transaction()
      .execute(async (tx) => {
        await issueDocument(tx, acceptance());
        throw new Error('case update failed');
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe('case update failed');
    expect((await issue(acceptance())).number).toBe('示审受字〔2026〕第000003号');
  });

  it('keeps numbers unique when issued concurrently', async () => {
    const docs = await Promise.all(Array.from({ length: 4 }, () => issue({ ...correction, caseId: caseB })));
    expect(new Set(docs.map((d) => d.number)).size).toBe(4);
    expect(docs.map((d) => d.number).sort()).toEqual([2, 3, 4, 5].map((n) => `示审补字〔2026〕第00000${n}号`));
  });

  it('refuses incomplete input with a 400 naming the field', async () => {
    const err = await issue({ ...correction, items: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Problem);
    expect((err as Problem).status).toBe(400);
    expect((err as Problem).errors.map((e) => e.field)).toEqual(['document.items']);
    const badDate = await issue(acceptance({ promisedDeadline: '2026-02-30' } as Partial<IssueDocumentInput>)).catch(
      (e: unknown) => e,
    );
    expect((badDate as Problem).errors.map((e) => e.field)).toEqual(['document.promisedDeadline']);
  });

  it('records the issue in the audit log without personal data', async () => {
    const doc = await issue({ ...common, kind: 'refusal_notice', reason: '不属于本机关职权范围' });
    const rows = await sql<{ action: string; actor_name: string; after: Record<string, unknown> }>`
      select action, actor_name, after from audit_log where entity_id = ${doc.id}`.execute(t.db);
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({ action: 'documents.issue', actor_name: 'approver-city' });
    expect(rows.rows[0]!.after).toMatchObject({
      kind: 'refusal_notice',
      number: doc.number,
      sha256: doc.sha256,
      caseId: caseA,
    });
    expect(JSON.stringify(rows.rows[0]!.after)).not.toContain('盘锦辽河示范科技有限公司');
  });

  it('lists the documents of a case and reads single ones', async () => {
    const list = await listDocumentsForCase(t.db, caseB);
    expect(list).toHaveLength(4);
    expect(list.every((d) => d.caseId === caseB && d.kind === 'correction_notice')).toBe(true);
    expect(await listDocumentsForCase(t.db, randomUUID())).toEqual([]);
    expect(await listDocumentsForCase(t.db, 'nope')).toEqual([]);
    expect((await getDocument(t.db, list[0]!.id))?.number).toBe(list[0]!.number);
    expect(await getDocument(t.db, randomUUID())).toBeNull();
    expect(await readDocument(t.db, 'nope')).toBeNull();
  });

  it('issues a certificate under its own title', async () => {
    const doc = await issue({
      ...common,
      kind: 'certificate',
      certificateName: '食品经营许可证',
      certificateNumber: 'JY22111030012345',
      validFrom: '2026-11-23',
      validUntil: '2031-11-22',
    });
    expect(doc.number).toBe('示审证字〔2026〕第000001号');
    expect((await getDocument(t.db, doc.id))?.title).toBe('食品经营许可证');
  });
});

const BOUNDARY = '----YiwangDocsBoundary';
const pdfForm = (data: Buffer, filename = 'doc.pdf') =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
const postVerify = (data: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: '/api/documents/verify',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: pdfForm(data),
  });

describe('public verification', () => {
  let id: string;
  let number: string;
  let content: Buffer;
  beforeAll(async () => {
    const doc = await issue({
      ...common,
      kind: 'grant_decision',
      decision: '准予从事食品销售经营活动。',
      validFrom: '2026-11-23',
      validUntil: '2031-11-22',
    });
    id = doc.id;
    number = doc.number;
    content = (await readDocument(t.db, id))!.content;
  });

  it('GET /api/documents/{id}/verify answers what the document is, without sign-in and without personal data', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/documents/${id}/verify` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      id,
      kind: 'grant_decision',
      kindLabel: '准予行政许可决定书',
      title: '准予行政许可决定书',
      number,
      issuedOn: '2026-11-23',
      officeName: '示例市行政审批服务局',
      sha256: createHash('sha256').update(content).digest('hex'),
    });
    expect(res.body).not.toContain('盘锦辽河示范科技有限公司');
    expect(res.body).not.toContain('PJ2026112300012');
  });

  it('answers 404 for an unknown document and 400 for a malformed id', async () => {
    const missing = await t.app.inject({ method: 'GET', url: `/api/documents/${randomUUID()}/verify` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await t.app.inject({ method: 'GET', url: '/api/documents/xyz/verify' })).statusCode).toBe(400);
  });

  it('POST /api/documents/verify accepts the very PDF and rejects an altered one', async () => {
    const ok = await postVerify(content);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, id, number });
    const altered = Buffer.from(content);
    const at = altered.indexOf('/Producer');
    altered[at + 2] = altered[at + 2]! ^ 1;
    const bad = await postVerify(altered);
    expect(bad.statusCode).toBe(200);
    expect(bad.json()).toEqual({ valid: false, sha256: createHash('sha256').update(altered).digest('hex') });
    const notPdf = await postVerify(Buffer.from('hello'));
    expect(notPdf.statusCode).toBe(415);
  });
});

describe('OpenAPI', () => {
  it('describes the verification routes as public', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string; security?: unknown[] }>>;
    };
    expect(doc.paths['/api/documents/{id}/verify']?.get?.summary).toContain('核验');
    expect(doc.paths['/api/documents/{id}/verify']?.get?.security).toEqual([]);
    expect(doc.paths['/api/documents/verify']?.post?.security).toEqual([]);
  });
});
