import type { ColumnType, Generated } from 'kysely';

export type WaybillStatus = 'created' | 'dispatched' | 'delivered' | 'returned';
export interface Recipient {
  name: string;
  phone: string;
  address: string;
}
export interface BatchItem {
  caseId: string;
  ok: boolean;
  number: string | null;
  status: string | null;
  version: number | null;
  documentId: string | null;
  documentNumber: string | null;
  error: { status: number; detail: string } | null;
}

type Json<T> = ColumnType<T, string, string>;

/** Kysely view of the issuing module's own tables. */
export interface IssuingTables {
  issuing_batches: {
    id: Generated<string>;
    created_by: string;
    created_by_name: string;
    region_code: string;
    hall_id: string | null;
    items: Json<BatchItem[]>;
    succeeded: number;
    failed: number;
    created_at: ColumnType<Date, Date | undefined, never>;
  };
  waybills: {
    id: Generated<string>;
    case_id: string;
    case_number: string;
    department_code: string;
    region_code: string;
    accept_region_code: string;
    current_region_code: string;
    carrier: string;
    tracking_number: string;
    recipient: Json<Recipient>;
    status: ColumnType<WaybillStatus, WaybillStatus | undefined, WaybillStatus>;
    fee_cents: number;
    free: boolean;
    granted_at: Date | null;
    signed_by: string | null;
    created_by: string;
    created_at: ColumnType<Date, Date | undefined, never>;
    dispatched_at: Date | null;
    delivered_at: Date | null;
    returned_at: Date | null;
    return_reason: string | null;
  };
  waybill_counters: {
    prefix: string;
    day: ColumnType<string, string, string>;
    seq: number;
  };
}
