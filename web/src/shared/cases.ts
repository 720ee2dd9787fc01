/** Shapes of the case (办件), file, document and message APIs, as the server's schemas define them. */
import type { UploadedFile } from './api';
import type { ItemGuide } from './types';
import { LEVEL_RANK, levelOfCode, type RegionLevel } from './levels';

export type { UploadedFile } from './api';

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

export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
}

/** `GET /api/items/{code}`: the published guide with its form fields. */
export interface ItemDetail extends Omit<ItemGuide, 'formFields'> {
  code: string;
  /** The region whose catalogue holds the item. */
  regionCode: string;
  formFields: FormField[];
  expressDelivery?: boolean;
}

/** Whether an online applicant must name where the item is decided (a county-decided item of the city catalogue, …). */
export function needsCompetentRegion(item: Pick<ItemDetail, 'regionCode' | 'decideLevel'>): boolean {
  const listLevel = levelOfCode(item.regionCode);
  return (LEVEL_RANK[item.decideLevel as RegionLevel] ?? 0) > (listLevel ? LEVEL_RANK[listLevel] : 0);
}

export type DeadlineColour = 'green' | 'yellow' | 'red' | 'grey';
export type DeadlineState = 'not_started' | 'on_time' | 'near' | 'overdue' | 'suspended' | 'finished';
export type Requirement =
  'reason' | 'corrections' | 'suspension' | 'delivery' | 'certificate' | 'comment' | 'materialId' | 'fileIds';

export interface CaseApplicant {
  kind: 'person' | 'company';
  name: string;
  idNumber: string | null;
  creditCode: string | null;
  phone: string | null;
  hasAccount: boolean;
}

export type MaterialStatus = 'received' | 'missing' | 'shared' | 'rejected';

export interface CaseMaterial {
  materialId: string;
  name: string;
  required: boolean;
  status: MaterialStatus;
  statusLabel: string;
  paper: boolean;
  note: string | null;
  files: UploadedFile[];
}

export interface CaseAction {
  action: string;
  label: string;
  requires: Requirement[];
}

export interface CaseDocument {
  id: string;
  kind: string;
  kindLabel: string;
  number: string;
  issuedOn: string;
}

export interface Correction {
  materialId?: string;
  field?: string;
  problem: string;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  on: string;
  actor: { id: string | null; name: string; role: string; roleLabel: string };
  action: string;
  actionLabel: string;
  comment: string | null;
  fromStatus: string | null;
  fromStatusLabel: string | null;
  toStatus: string;
  toStatusLabel: string;
  clock: 'start' | 'stop' | 'resume' | 'end' | null;
  clockLabel: string;
  payload: {
    reason?: string;
    corrections?: Correction[];
    suspension?: { kind: string; reason: string; expectedDays: number };
    delivery?: { method: string; carrier?: string; trackingNumber?: string };
    certificate?: { number?: string };
    materialsChanged?: string[];
    /** 预审清单 recorded by the step that closed it. */
    checks?: { materialId: string; name: string; result: 'ok' | 'problem'; problem?: string }[];
    [k: string]: unknown;
  };
}

export interface CaseView {
  id: string;
  number: string;
  /** 查询码: opens the public progress query with the number (printed on the acceptance notice). */
  trackingCode?: string | null;
  itemCode: string;
  itemName: string;
  itemVersion?: number;
  handlingType?: 'immediate' | 'promised';
  channel?: 'online' | 'window';
  channelLabel?: string;
  status: string;
  statusLabel: string;
  version: number;
  applicant: CaseApplicant;
  form: Record<string, unknown>;
  materials: CaseMaterial[];
  deadlines: {
    acceptedOn?: string | null;
    finishedOn?: string | null;
    promised: string | null;
    statutory: string | null;
    provisional: boolean;
    promisedDays?: number;
    statutoryDays?: number;
    suspendedWorkdays?: number;
  };
  remainingWorkingDays: number | null;
  deadlineState: DeadlineState;
  deadlineStateLabel?: string;
  deadlineColour: DeadlineColour;
  onTime?: boolean | null;
  currentStep?: {
    code: string;
    label: string;
    enteredAt: string;
    limitDays: number | null;
    deadline: string | null;
    overdue: boolean;
  };
  availableActions: CaseAction[];
  readOnly?: boolean;
  documents: CaseDocument[];
  history: HistoryEntry[];
  createdAt?: string;
  submittedAt?: string | null;
  updatedAt?: string;
  /** 四级联动 (present on servers with linkage). */
  acceptingHall?: HallRef | null;
  currentLevel?: Level;
  currentLevelLabel?: string;
  currentRegion?: { code: string; name: string | null; level: Level; levelLabel: string };
  currentHall?: HallRef | null;
  linkage?: LinkageHop[];
  openPromises?: CasePromise[];
  promises?: CasePromise[];
  promiseOverdue?: boolean;
  greenChannel?: boolean;
  pickup?: Pickup | null;
}

export type Level = 'city' | 'county' | 'town' | 'village';
export interface HallRef {
  id: string;
  name: string;
}
export interface LinkageHop {
  level: Level;
  levelLabel: string;
  regionCode: string;
  regionName: string | null;
  current: boolean;
}
export type PromiseState = 'open' | 'overdue' | 'fulfilled';
/** 容缺承诺 of one material. */
export interface CasePromise {
  materialId: string;
  materialName: string;
  dueDate: string;
  state: PromiseState;
  stateLabel: string;
  promiseText: string;
  fulfilledAt: string | null;
}
export type Pickup = { method: 'hall'; hallId: string; hallName: string | null } | { method: 'post'; address: string };

/** `GET /api/cases/promises` rows. */
export interface PromiseListItem {
  id: string;
  caseId: string;
  caseNumber: string;
  itemName: string;
  applicantName: string | null;
  materialId: string;
  materialName: string;
  dueDate: string;
  state: PromiseState;
  stateLabel: string;
  fulfilledAt: string | null;
  acceptRegionCode: string;
  currentRegionCode: string;
}

export interface CaseListItem {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  channel?: 'online' | 'window';
  status: string;
  statusLabel: string;
  version: number;
  applicant: { kind: 'person' | 'company'; name: string; idNumberMasked: string | null; phoneMasked: string | null };
  createdAt: string;
  submittedAt: string | null;
  acceptedOn: string | null;
  promisedDeadline: string | null;
  provisional: boolean;
  remainingWorkingDays: number | null;
  deadlineState: DeadlineState;
  deadlineColour: DeadlineColour;
  greenChannel?: boolean;
  currentRegionCode?: string;
  currentLevel?: Level;
}

export interface CreatedCase {
  id: string;
  number: string;
  status: string;
  trackingCode?: string | null;
}

export interface TrackView {
  number: string;
  itemName: string;
  status: string;
  statusLabel: string;
  submittedOn: string | null;
  acceptedOn: string | null;
  finishedOn: string | null;
  promisedDeadline: string | null;
  steps: { label: string; statusLabel: string; on: string }[];
}

/** One in-app message (站内消息). */
export interface Message {
  id: string;
  kind?: string;
  title: string;
  body: string;
  caseId?: string | null;
  caseNumber?: string | null;
  createdAt: string;
  readAt?: string | null;
  read?: boolean;
}

/** The material/applicant identity rules the server applies (cases.form.ts). */
export const mustProvide = (m: { required: boolean; source: string; toleranceAllowed: boolean }) =>
  m.required && m.source === 'applicant' && !m.toleranceAllowed;

/** Statuses in which nothing happens any more. */
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

export const caseFileUrl = (caseId: string, fileId: string, download = false) =>
  `/api/cases/${caseId}/files/${fileId}${download ? '?download=true' : ''}`;
export const caseDocUrl = (caseId: string, docId: string, download = false) =>
  `/api/cases/${caseId}/documents/${docId}${download ? '?download=true' : ''}`;
export const ownFileUrl = (fileId: string) => `/api/files/${fileId}`;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
