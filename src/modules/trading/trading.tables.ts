import type { ColumnType, Generated } from 'kysely';
import type { AnnouncementKind, AnnouncementState, ProjectKind, Procedure } from './trading.kinds';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** numeric(16,2) in yuan (platform/db.ts reads numeric as a number). */
type Money = number;
/** A date column, read as 'YYYY-MM-DD' (platform/db.ts). */
type DateColumn = ColumnType<string, string, string>;

export interface TradingTables {
  trading_projects: {
    id: Generated<string>;
    number: string;
    kind: ProjectKind;
    procedure: Procedure;
    title: string;
    region_code: string;
    tenderer_credit_code: string;
    tenderer_name: string;
    agency_credit_code: string | null;
    agency_name: string | null;
    documents_issued_at: Timestamp;
    bid_deadline: Timestamp;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
  };
  trading_lots: {
    id: Generated<string>;
    project_id: string;
    seq: number;
    name: string;
    estimate: Money;
    deposit: Money;
    opened_at: Timestamp | null;
    opened_by: string | null;
  };
  trading_announcements: {
    id: Generated<string>;
    project_id: string;
    kind: AnnouncementKind;
    title: string;
    content: string;
    state: AnnouncementState;
    evaluation_report_on: DateColumn | null;
    publicity_from: Timestamp | null;
    publicity_to: Timestamp | null;
    /** A change announcement's new bid deadline, set on the project when it is published. */
    new_bid_deadline: Timestamp | null;
    submitted_by: string;
    submitted_at: Timestamp;
    published_by: string | null;
    published_at: Timestamp | null;
    feed_seq: number | null;
    version: Generated<number>;
  };
  trading_blacklist: {
    id: Generated<string>;
    credit_code: string;
    name: string;
    source: string;
    reason: string;
    basis: string;
    listed_from: DateColumn;
    listed_to: DateColumn | null;
    created_at: Timestamp;
  };
  trading_registrations: {
    id: Generated<string>;
    lot_id: string;
    firm_id: string;
    credit_code: string;
    firm_name: string;
    registered_at: Timestamp;
  };
  trading_bids: {
    id: Generated<string>;
    lot_id: string;
    registration_id: string;
    credit_code: string;
    algorithm: 'SM4-GCM' | 'AES-256-GCM';
    iv: string;
    ciphertext: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
    hash_algorithm: 'SM3';
    hash: string;
    size: number;
    uploaded_at: Timestamp;
    uploads: Generated<number>;
    version: Generated<number>;
    decrypted_at: Timestamp | null;
    plaintext: ColumnType<Uint8Array | null, Uint8Array | null, Uint8Array | null>;
    plaintext_sm3: string | null;
  };
}
