/** Names for the case (办件), file, document and message answers, taken from the generated API schema. */
import { apiUrl, type Body, type Res, type Row } from './client';
import { LEVEL_RANK, levelOfCode } from './levels';

/** A stored file as a case lists it (and as `POST /api/files` answers it). */
export type UploadedFile = CaseMaterial['files'][number];

export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'idNumber',
  'creditCode',
  'phone',
  'address',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** `GET /api/items/{code}`: the published guide with its form fields. */
export type ItemDetail = Res<'/api/items/{code}'>;
export type FormField = ItemDetail['formFields'][number];

/** Whether an online applicant must name where the item is decided (a county-decided item of the city catalogue, …). */
export function needsCompetentRegion(item: Pick<ItemDetail, 'regionCode' | 'decideLevel'>): boolean {
  const listLevel = levelOfCode(item.regionCode);
  return (LEVEL_RANK[item.decideLevel] ?? 0) > (listLevel ? LEVEL_RANK[listLevel] : 0);
}

/** One case as its handlers and its applicant see it (`GET /api/cases/{id}`). */
export type CaseView = Res<'/api/cases/{id}'>;
export type CaseApplicant = CaseView['applicant'];
export type CaseMaterial = CaseView['materials'][number];
export type MaterialStatus = CaseMaterial['status'];
export type CaseAction = CaseView['availableActions'][number];
export type CaseDocument = CaseView['documents'][number];
export type HistoryEntry = CaseView['history'][number];
export type DeadlineColour = CaseView['deadlineColour'];
export type DeadlineState = CaseView['deadlineState'];
export type Level = CaseView['currentLevel'];
export type HallRef = NonNullable<CaseView['acceptingHall']>;
export type LinkageHop = CaseView['linkage'][number];
/** 容缺承诺 of one material. */
export type CasePromise = CaseView['promises'][number];
export type PromiseState = CasePromise['state'];
export type Pickup = NonNullable<CaseView['pickup']>;
/** What an action asks for besides the comment (the step's `requires`). */
export type Requirement =
  'reason' | 'corrections' | 'suspension' | 'delivery' | 'certificate' | 'comment' | 'materialId' | 'fileIds';
/** A correction asked of the applicant (补正): the body of the `request_correction` step. */
export type Correction = NonNullable<Body<'/api/cases/{id}/actions', 'post'>['corrections']>[number];

/**
 * The keys a step writes into its history `payload` (the schema leaves the record open, so the history panel
 * reads it through this view).
 */
export interface HistoryPayload {
  reason?: string;
  corrections?: Correction[];
  suspension?: { kind: string; reason: string; expectedDays: number };
  delivery?: { method: string; carrier?: string; trackingNumber?: string };
  certificate?: { number?: string };
  materialsChanged?: string[];
  /** 预审清单 recorded by the step that closed it. */
  checks?: { materialId: string; name: string; result: 'ok' | 'problem'; problem?: string }[];
  [k: string]: unknown;
}

/** `GET /api/cases/promises` rows. */
export type PromiseListItem = Row<'/api/cases/promises'>;
export type CaseListItem = Row<'/api/cases'>;
export type CreatedCase = Res<'/api/cases', 'post'>;
export type TrackView = Res<'/api/track'>;
/** One in-app message (站内消息). */
export type Message = Row<'/api/messages'>;

/** The material/applicant identity rules the server applies (cases.form.ts). */
export const mustProvide = (m: { required: boolean; source: string; toleranceAllowed: boolean }) =>
  m.required && m.source === 'applicant' && !m.toleranceAllowed;

/**
 * 容缺 at acceptance: required materials of the applicant not in hand and not already promised. The server
 * refuses an acceptance that leaves any of them without a promise, so the accept dialog lists them to begin with.
 */
export function owedTolerable(
  c: Pick<CaseView, 'materials' | 'promises'>,
  item: { materials: { id: string; required: boolean; source: string; toleranceAllowed: boolean }[] },
): string[] {
  const promised = new Set((c.promises ?? []).map((p) => p.materialId));
  const inHand = new Set(
    c.materials.filter((m) => m.status === 'received' || m.status === 'shared').map((m) => m.materialId),
  );
  return item.materials
    .filter((m) => m.required && m.source === 'applicant' && m.toleranceAllowed)
    .filter((m) => !inHand.has(m.id) && !promised.has(m.id))
    .map((m) => m.id);
}

export const TERMINAL_STATUSES = ['completed', 'refused', 'denied', 'withdrawn'];

const downloadQuery = (download: boolean) => (download ? { download: 'true' as const } : {});
export const caseFileUrl = (caseId: string, fileId: string, download = false) =>
  apiUrl('/api/cases/{id}/files/{fileId}', { path: { id: caseId, fileId }, query: downloadQuery(download) });
export const caseDocUrl = (caseId: string, docId: string, download = false) =>
  apiUrl('/api/cases/{id}/documents/{docId}', { path: { id: caseId, docId }, query: downloadQuery(download) });
export const ownFileUrl = (fileId: string) => apiUrl('/api/files/{id}', { path: { id: fileId } });

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The step's payload, read through the keys steps write. */
export const payloadOf = (h: HistoryEntry): HistoryPayload => h.payload as HistoryPayload;

/** An action's answer: the whole case unless the request asked `Prefer: return=minimal` (then what changed). */
export type ActionAnswer = Res<'/api/cases/{id}/actions', 'post'>;
/** The whole case from an action asked without `Prefer: return=minimal`. */
export function wholeCase(a: ActionAnswer): CaseView {
  if ('history' in a) return a;
  throw new Error('expected the whole case, got the minimal answer');
}
export type ActionBody = Body<'/api/cases/{id}/actions', 'post'>;
