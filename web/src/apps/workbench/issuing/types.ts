/** What the issuing API (`/api/issuing/*`) answers; mirrors src/modules/issuing/issuing.schemas.ts. */

export type IssuingStage = 'to_issue' | 'to_deliver';
export const STAGES: IssuingStage[] = ['to_issue', 'to_deliver'];

export interface QueueItem {
  id: string;
  number: string;
  itemCode: string;
  itemName: string;
  departmentCode: string;
  departmentName: string;
  regionCode: string;
  acceptHallId: string | null;
  status: string;
  version: number;
  applicantNameMasked: string | null;
  greenChannel: boolean;
  pickup: { method: 'hall'; hallId: string } | { method: 'post'; address: string } | null;
  pickupLabel: string;
  since: string;
}

export interface BatchItem {
  caseId: string;
  ok: boolean;
  number: string | null;
  documentId: string | null;
  documentNumber: string | null;
  error: { status: number; detail: string } | null;
}

export interface Batch {
  id: string;
  succeeded: number;
  failed: number;
  items: BatchItem[];
  documentIds: string[];
  printUrls: string[];
  listUrl: string;
}

export const CARRIERS = ['EMS', 'SF', 'JD', 'ZTO', 'YTO', 'STO'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const WAYBILL_STATUSES = ['created', 'dispatched', 'delivered', 'returned'] as const;
export type WaybillStatus = (typeof WAYBILL_STATUSES)[number];

export interface Waybill {
  id: string;
  caseId: string;
  caseNumber: string;
  carrier: Carrier;
  carrierLabel: string;
  trackingNumber: string;
  recipient: { name: string; phone: string | null; address: string };
  status: WaybillStatus;
  statusLabel: string;
  feeCents: number;
  free: boolean;
  signedBy: string | null;
  createdAt: string;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  returnedAt: string | null;
}

export type StatsGroup = 'carrier' | 'department' | 'region';
export interface StatsRow {
  key: string;
  label: string;
  count: number;
  freeCount: number;
  deliveredCount: number;
  totalFeeCents: number;
  avgDaysGrantToReceipt: number | null;
}
export interface Stats {
  from: string | null;
  to: string | null;
  groupBy: StatsGroup;
  rows: StatsRow[];
  total: StatsRow;
}
