/**
 * What an action sends out of the module, in the action's transaction: the documents 文书 it issues
 * (documents facade) and the applicant's notification (notify facade).
 */
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { unprocessable } from '../../platform/errors';
import type { Actor } from '../../platform/auth';
import { addWorkdaysIn, type CalendarData } from '../calendar/index';
import { implementingBodyAt, MATERIAL_FORM_LABELS, type ItemDetail } from '../catalog/index';
import {
  documentsFromJson,
  documentsOfCaseJson,
  issueDocument,
  typeWording,
  listDocumentsForCase,
  readDocument,
  type DocumentInput,
  type DocumentMeta,
  type IssueDocumentInput,
  type IssuedDocument,
} from '../documents/index';
import { prepareNotice, type PreparedNotice } from '../notify/index';
import type { ClockView } from '../workflow/index';
import { shanghaiDay } from './cases.clock';
import type { CaseRow, MaterialRowDb } from './cases.repository';
import type { ActionInputs } from './cases.schemas';
import { formatTrackingCode } from './cases.tracking';

/** Working days an applicant is given to supply what a correction notice 补正告知书 lists. */
export const CORRECTION_WORKDAYS = 10;

export interface IssueContext {
  row: CaseRow;
  item: ItemDetail;
  actor: Actor;
  today: string;
  cal: CalendarData;
  clock: ClockView;
  req: ActionInputs;
  materials: MaterialRowDb[];
  /** 容缺: the materials this step records as promised, with their due dates (the notice lists exactly these). */
  deferred?: { name: string; dueDate: string }[];
  /** Public base URL of the portal: the documents' QR codes point there. */
  baseUrl: string;
  ip: string | null;
}

/** A document's content as the cases module composes it (the documents module adds number and verify URL). */
type Body = DocumentInput extends infer T ? (T extends unknown ? Omit<T, 'number' | 'verifyUrl'> : never) : never;

const clip = (s: string, max: number) => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);

/** Actions that issue a document (the cases of `documentFor`): their steps run in a transaction with the document's serial. */
const DOCUMENT_ACTIONS = new Set(['accept', 'request-correction', 'refuse', 'grant', 'deny', 'issue-certificate']);
export const issuesDocument = (action: string) => DOCUMENT_ACTIONS.has(action);

/** `validYears` after `from` (a civil day), the day before the anniversary: 2026-11-23 + 5 → 2031-11-22. */
export function termEnd(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  // the anniversary of 29 February in a common year rolls to 1 March, so the term ends on 28 February
  const end = new Date(Date.UTC(y + years, m - 1, d - 1));
  return end.toISOString().slice(0, 10);
}

/** The form's value of a field as printed on a certificate (blank → absent). */
function formText(form: Record<string, unknown>, key: string): string | null {
  const v = form[key];
  if (v === null || v === undefined) return null;
  const s = (Array.isArray(v) ? v.join('、') : String(v)).trim();
  return s ? s : null;
}

/**
 * The document an action issues, if any (受理 → 受理通知书, 补正 → 补正告知书, 不予受理, 准予/不予决定书 in
 * the words of the item's type, 制证 → 证照), in the name of `officeName`, the implementing body of the
 * deciding region.
 */
export function documentFor(action: string, c: IssueContext, officeName: string): Body | null {
  const { row, item, today } = c;
  const words = typeWording(item.type);
  const common = {
    caseNumber: row.number,
    itemName: clip(item.name, 200),
    applicantName: clip(row.applicant.name, 200),
    applicantKind: row.applicant.kind === 'person' ? ('person' as const) : ('organisation' as const),
    itemType: item.type,
    officeName: clip(officeName, 60),
    issuedOn: today,
    ...(row.submitted_at ? { appliedOn: shanghaiDay(row.submitted_at) } : {}),
  };
  const basis = clip(item.legalBasis.map((b) => b.title).join('、'), 500);
  const labelOf = (materialId: string) => c.materials.find((m) => m.material_id === materialId)?.name ?? materialId;
  switch (action) {
    case 'accept': {
      const received = c.materials.filter((m) => m.status === 'received' || m.status === 'shared');
      const defs = new Map(item.materials.map((m) => [m.id, m]));
      // what the case records as promised, not what the materials' state suggests
      const tolerated = c.deferred ?? [];
      return {
        kind: 'acceptance_notice',
        ...common,
        promisedDays: row.promised_days,
        promisedDeadline: c.clock.promisedDeadline ?? today,
        statutoryDays: row.statutory_days,
        statutoryDeadline: c.clock.statutoryDeadline ?? today,
        materials: received.map((m) => {
          const d = defs.get(m.material_id);
          return {
            name: clip(m.name, 200),
            form: m.status === 'shared' ? '共享调取' : m.paper ? MATERIAL_FORM_LABELS[d?.form ?? 'original'] : '电子件',
            ...(d && m.status !== 'shared' && d.copies ? { copies: d.copies } : {}),
          };
        }),
        ...(tolerated.length
          ? {
              tolerated: tolerated.map((m) => ({ materialName: clip(m.name, 200), dueOn: m.dueDate })),
            }
          : {}),
        ...(row.tracking_code ? { trackingCode: formatTrackingCode(row.tracking_code) } : {}),
      };
    }
    case 'request-correction':
      return {
        kind: 'correction_notice',
        ...common,
        items: (c.req.corrections ?? []).map((x) => ({
          materialName: clip(
            x.materialId
              ? labelOf(x.materialId)
              : x.field
                ? `申请表「${item.formFields.find((f) => f.key === x.field)?.label ?? x.field}」`
                : '其他事项',
            200,
          ),
          problem: clip(x.problem, 500),
        })),
        correctBy: addWorkdaysIn(c.cal, today, CORRECTION_WORKDAYS).date,
      };
    case 'refuse':
      return { kind: 'refusal_notice', ...common, reason: clip(c.req.reason ?? '', 2000), legalBasis: basis };
    case 'grant':
      return {
        kind: 'grant_decision',
        ...common,
        ...(c.clock.acceptedOn ? { acceptedOn: c.clock.acceptedOn } : {}),
        decision: clip(`${words.grant}（${item.name}）`, 2000),
        legalBasis: basis,
        ...(item.result.type === 'certificate'
          ? {
              certificateName: clip(item.result.name, 40),
              ...(item.result.validYears ? { validYears: item.result.validYears } : {}),
            }
          : {}),
      };
    case 'deny':
      return {
        kind: 'deny_decision',
        ...common,
        ...(c.clock.acceptedOn ? { acceptedOn: c.clock.acceptedOn } : {}),
        reason: clip(c.req.reason ?? '', 2000),
        legalBasis: basis,
      };
    case 'issue-certificate': {
      const cert = c.req.certificate ?? {};
      const a = row.applicant;
      const form = row.form ?? {};
      const entries = (item.result.entries ?? []).flatMap((key) => {
        const field = item.formFields.find((f) => f.key === key);
        const value = formText(form, key);
        return field && value ? [{ label: clip(field.label, 20), value: clip(value, 500) }] : [];
      });
      const validUntil =
        cert.validUntil ?? (item.result.validYears ? termEnd(today, item.result.validYears) : undefined);
      return {
        kind: 'certificate',
        ...common,
        certificateName: clip(item.result.name, 40),
        // a department system's own number, else the certificate's document number (given by the documents module)
        ...(cert.number ? { certificateNumber: clip(cert.number, 60) } : {}),
        holderName: clip(a.name, 200),
        ...(a.creditCode || a.idNumber ? { holderCode: (a.creditCode ?? a.idNumber)! } : {}),
        ...(entries.length ? { entries: entries.slice(0, 30) } : {}),
        validFrom: today,
        ...(validUntil ? { validUntil } : {}),
      };
    }
    default:
      return null;
  }
}

export async function issueForAction(tx: Tx, action: string, c: IssueContext): Promise<IssuedDocument | null> {
  if (!issuesDocument(action)) return null;
  // 实施机关: the real office of the deciding region, never a placeholder such as 所在县（区）民政局
  const office = await implementingBodyAt(tx, c.item, c.row.region_code);
  if ('error' in office)
    throw unprocessable(
      `不能出具文书：${office.error}。请联系事项管理员在事项目录中指明实施机关`,
      [{ field: 'implementingBody.office', message: office.error }],
      'implementing_body_unresolved',
    );
  const body = documentFor(action, c, office.name);
  if (!body) return null;
  return issueDocument(tx, {
    ...body,
    caseId: c.row.id,
    baseUrl: c.baseUrl,
    actor: { id: c.actor.id, username: c.actor.username },
    ip: c.ip,
  } as IssueDocumentInput);
}

export interface ApplicantMessage {
  kind: string;
  title: string;
  body: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * 通知申请人: an in-app message to the applicant's account and a text to the applicant's mobile phone when
 * known, prepared for the action to write with its own change (the action records it in its audit entry).
 * A paper case without an online account gets no message (the notify facade needs a user).
 */
export function applicantNotice(
  row: Pick<CaseRow, 'id' | 'applicant_id' | 'applicant'>,
  m: ApplicantMessage,
  by: { actor: Actor; ip: string | null },
): PreparedNotice | null {
  if (!row.applicant_id) return null;
  const phone = row.applicant.phone;
  return prepareNotice({
    userId: row.applicant_id,
    caseId: row.id,
    kind: m.kind,
    title: m.title,
    body: m.body,
    sms: phone && MOBILE.test(phone) ? { phone, text: `【一网】${m.title}。${m.body}` } : null,
    actor: { id: by.actor.id, username: by.actor.username },
    ip: by.ip,
    auditedByCaller: true,
  });
}

export async function caseDocuments(db: Db, caseId: string) {
  return (await listDocumentsForCase(db, caseId)).map(listedDocument);
}

const listedDocument = (d: DocumentMeta) => ({
  id: d.id,
  kind: d.kind,
  kindLabel: d.kindLabel,
  number: d.number,
  issuedOn: d.issuedOn,
});
export type ListedDocument = ReturnType<typeof listedDocument>;

/** A case's documents selected along with the case row (`cases.id` of the enclosing read), and read back. */
export const caseDocumentsColumn = (db: Db | Tx) => documentsOfCaseJson(db, sql.ref<string>('cases.id'));
export const caseDocumentsFrom = (rows: readonly object[]): ListedDocument[] =>
  documentsFromJson(rows).map(listedDocument);

/** A document of this case (a document of another case answers 404 like a missing one). */
export async function readCaseDocument(
  db: Db,
  caseId: string,
  docId: string,
): Promise<{ content: Buffer; mediaType: string; name: string } | null> {
  const d = await readDocument(db, docId);
  if (!d || d.meta.caseId !== caseId) return null;
  return { content: d.content, mediaType: 'application/pdf', name: `${d.meta.title}-${d.meta.number}.pdf` };
}
