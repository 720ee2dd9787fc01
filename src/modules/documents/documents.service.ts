import { createHash, randomUUID } from 'node:crypto';
import type { Expression } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { recordAudit } from '../../platform/audit';
import { badRequest } from '../../platform/errors';
import * as repo from './documents.repository';
import type { DocumentMetaRow } from './documents.repository';
import { publicView } from './documents.policy';
import { DOCUMENT_KIND_LABELS, type DistributiveOmit, type DocumentInput, type DocumentKind } from './documents.kinds';
import { documentTitle } from './documents.itemtypes';
import { formatDocumentNumber, numberPrefix, officeAbbreviation } from './documents.numbering';
import { renderDocument } from './documents.render';
import { IssueDocumentSchema } from './documents.schemas';
import { UUID_RE } from '../../platform/schemas';

/** What the cases module gives to issue a document; the module makes the number and the verify URL. */
export type IssueDocumentInput = DistributiveOmit<DocumentInput, 'number' | 'verifyUrl'> & {
  caseId: string | null;
  /** Public base URL of the portal (e.g. https://zwfw.example.gov.cn); the QR code points to `${baseUrl}/verify/{id}`. */
  baseUrl: string;
  /** Who issues it, for the audit log; null when the system does. */
  actor: { id: string; username: string } | null;
  /** 机关代字 of the number; by default derived from the office name (盘锦市行政审批服务局 → 盘审). */
  officeAbbreviation?: string;
  ip?: string | null;
};

export interface IssuedDocument {
  id: string;
  kind: DocumentKind;
  number: string;
  sha256: string;
  size: number;
  verifyUrl: string;
}

export interface DocumentMeta {
  id: string;
  caseId: string | null;
  kind: DocumentKind;
  kindLabel: string;
  title: string;
  number: string;
  sha256: string;
  size: number;
  issuedOn: string;
  issuedBy: string | null;
  officeName: string;
  createdAt: Date;
}

const toMeta = (r: DocumentMetaRow): DocumentMeta => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind,
  // a notice or decision is known by its own title (准予给付决定书 …); a certificate by its kind
  kindLabel: r.kind === 'certificate' ? DOCUMENT_KIND_LABELS.certificate : r.title,
  title: r.title,
  number: r.number,
  sha256: r.sha256,
  size: Number(r.size),
  issuedOn: r.issued_on,
  issuedBy: r.issued_by,
  officeName: r.office_name,
  createdAt: r.created_at,
});

export const verifyUrl = (baseUrl: string, id: string) => `${baseUrl.replace(/\/+$/, '')}/verify/${id}`;

const UUID = UUID_RE;

/**
 * 出具文书: numbers, renders and stores a document in the caller's transaction (the counter row stays
 * locked until it commits, so numbers are gapless and unique per prefix and year).
 */
export async function issueDocument(tx: Db | Tx, input: IssueDocumentInput): Promise<IssuedDocument> {
  const { caseId, baseUrl, actor, officeAbbreviation: abbr, ip, ...rest } = input;
  const parsed = IssueDocumentSchema.safeParse(rest);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ field: `document.${i.path.join('.')}`, message: i.message }));
    throw badRequest(
      `文书内容有误：${errors.map((e) => `${e.field}：${e.message}`).join('；')}`,
      errors,
      'document_invalid',
    );
  }
  if (caseId !== null && !UUID.test(caseId))
    throw badRequest('caseId 格式有误', [{ field: 'caseId', message: 'ID 格式有误' }]);
  const data = parsed.data;
  const id = randomUUID();
  const prefix = numberPrefix(abbr?.trim() || officeAbbreviation(data.officeName), data.kind, data.itemType);
  const year = Number(data.issuedOn.slice(0, 4));
  const number = formatDocumentNumber(prefix, year, await repo.nextSerial(tx, prefix, year));
  const url = verifyUrl(baseUrl, id);
  const pdf = await renderDocument({ ...data, number, verifyUrl: url } as DocumentInput);
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const title = data.kind === 'certificate' ? data.certificateName : documentTitle(data.kind, data.itemType);
  const row = await repo.insertDocument(tx, {
    id,
    case_id: caseId,
    kind: data.kind,
    number,
    title,
    sha256,
    content: pdf,
    issued_on: data.issuedOn,
    issued_by: actor?.id ?? null,
    office_name: data.officeName,
  });
  await recordAudit(tx, {
    actor,
    action: 'documents.issue',
    entityType: 'document',
    entityId: id,
    before: null,
    after: {
      caseId,
      kind: data.kind,
      number,
      sha256,
      size: pdf.length,
      issuedOn: data.issuedOn,
      officeName: data.officeName,
    },
    ip: ip ?? null,
  });
  return { id, kind: data.kind, number, sha256, size: Number(row.size), verifyUrl: url };
}

export async function getDocument(db: Db | Tx, id: string): Promise<DocumentMeta | null> {
  if (!UUID.test(id)) return null;
  const r = await repo.getMeta(db, id);
  return r ? toMeta(r) : null;
}

/** Metadata and PDF bytes; the cases module serves downloads after its own scope checks. */
export async function readDocument(db: Db | Tx, id: string): Promise<{ meta: DocumentMeta; content: Buffer } | null> {
  if (!UUID.test(id)) return null;
  const r = await repo.getWithContent(db, id);
  return r ? { meta: toMeta(r), content: Buffer.from(r.content) } : null;
}

export async function listDocumentsForCase(db: Db | Tx, caseId: string): Promise<DocumentMeta[]> {
  if (!UUID.test(caseId)) return [];
  return (await repo.listForCase(db, caseId)).map(toMeta);
}

/**
 * A case's documents for another module's read to select along (`documentsOfCaseJson`), and what that read
 * gives back turned into metadata (`documentsFromJson`): one statement instead of a second round trip.
 */
export const documentsOfCaseJson = (db: Db | Tx, caseIdColumn: Expression<string>) =>
  repo.listForCaseJson(db, caseIdColumn);
export const documentsFromJson = (rows: readonly object[]): DocumentMeta[] =>
  (rows as (Omit<DocumentMetaRow, 'created_at'> & { created_at: string })[]).map((r) =>
    toMeta({ ...r, created_at: new Date(r.created_at) }),
  );

/** Verifies an uploaded PDF by its bytes: the public answer (`publicView`) or `valid: false`. */
export async function verifyByContent(db: Db | Tx, content: Buffer) {
  const sha256 = createHash('sha256').update(content).digest('hex');
  const r = await repo.findBySha256(db, sha256);
  return r ? publicView(toMeta(r)) : { valid: false as const, sha256 };
}
