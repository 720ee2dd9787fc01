import type { ColumnType, Generated } from 'kysely';

export const TICKET_TYPES = ['consult', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TYPE_LABELS: Record<TicketType, string> = {
  consult: '咨询',
  help: '求助',
  complaint: '投诉',
  report: '举报',
  suggestion: '建议',
  praise: '表扬',
};

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = { normal: '一般', urgent: '紧急' };

export const CHANNELS = ['phone', 'web', 'mobile', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A handling unit 承办单位: a department (by its code) or a region's government (by the region code). */
export type UnitKind = 'department' | 'region';

export const KB_STATES = ['draft', 'review', 'published', 'withdrawn'] as const;
export type KbState = (typeof KB_STATES)[number];

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface HotlineTables {
  hotline_categories: {
    code: string;
    name: string;
    parent_code: string | null;
    sort: Generated<number>;
    active: Generated<boolean>;
  };
  hotline_settings: {
    id: Generated<number>;
    /** Time limits 办理时限 by urgency then type: `{ normal: { consult: { workdays: 2 } }, urgent: { … { hours: 24 } } }`. */
    limits: ColumnType<unknown, string, string>;
    sign_hours: number;
    max_reopens: number;
    updated_at: Generated<Date>;
  };
  hotline_tickets: {
    id: Generated<string>;
    number: string;
    type: TicketType;
    category_code: string;
    title: string;
    content: string;
    channel: Channel;
    urgency: Urgency;
    region_code: string;
    address: string;
    lat: number | null;
    lon: number | null;
    caller_name: string | null;
    caller_phone: string | null;
    caller_id_number: string | null;
    anonymous: boolean;
    applicant_id: string | null;
    case_number: string | null;
    clerk_id: string | null;
    state: string;
    previous_state: string | null;
    unit_kind: UnitKind | null;
    unit_code: string | null;
    unit_name: string | null;
    unit_region_code: string | null;
    /** The first unit the ticket reached: it coordinates joint handling (首接负责). */
    first_unit_code: string | null;
    sign_due_at: Date | null;
    signed_at: Date | null;
    /** The sign-for time the sign-for job found past (recorded once per dispatch). */
    sign_overdue_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
    reply_text: string | null;
    reply_file_ids: Generated<string[]>;
    replied_at: Date | null;
    satisfaction: string | null;
    solved: boolean | null;
    reopen_count: Generated<number>;
    merged_into: string | null;
    answered_at_once: Generated<boolean>;
    kb_entry_id: string | null;
    /** Keywords of title and content for the hot-topic reports, taken at registration. */
    keywords: Generated<string[]>;
    /** The 2·20 clock: the limit (in working days or hours), its start, pauses and extensions. */
    limit_unit: 'workdays' | 'hours';
    limit_amount: number;
    extension_amount: Generated<number>;
    pending_extension: number | null;
    clock_started_at: Timestamp;
    paused_since: Date | null;
    paused_workdays: Generated<number>;
    paused_ms: ColumnType<number, number | undefined, number>;
    due_at: Date | null;
    finished_at: Date | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    version: Generated<number>;
    /** Open311 and the portal (20261214T0910): the request's token, its client, e-mail, media and attachments. */
    open311_token: ColumnType<string | null, string | null | undefined, string | null>;
    open311_client_id: ColumnType<string | null, string | null | undefined, string | null>;
    caller_email: ColumnType<string | null, string | null | undefined, string | null>;
    media_url: ColumnType<string | null, string | null | undefined, string | null>;
    file_ids: Generated<string[]>;
  };
  hotline_open311_clients: {
    id: Generated<string>;
    name: string;
    key_hash: string;
    key_hint: string;
    created_by: string | null;
    created_at: Timestamp;
    revoked_at: Date | null;
  };
  hotline_ticket_events: {
    id: Generated<string>;
    /** Order of recording (several events may share an instant). */
    seq: ColumnType<string, never, never>;
    ticket_id: string;
    action: string;
    from_state: string | null;
    to_state: string;
    actor_id: string | null;
    actor_name: string;
    unit_code: string | null;
    unit_name: string | null;
    note: string | null;
    data: ColumnType<unknown, string | undefined, string>;
    at: Timestamp;
  };
  hotline_dispatch_rules: {
    id: Generated<string>;
    category_code: string;
    region_code: string;
    region_prefix: string;
    unit_kind: UnitKind;
    unit_code: string;
    unit_name: string;
    unit_region_code: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  hotline_calls: {
    id: Generated<string>;
    caller_phone: string;
    started_at: Date;
    ended_at: Date | null;
    recording_ref: string | null;
    ticket_id: string | null;
    received_at: Timestamp;
  };
  hotline_kb_entries: {
    id: Generated<string>;
    question: string;
    answer: string;
    category_code: string | null;
    source_department: string;
    valid_from: ColumnType<string | null, string | null | undefined, string | null>;
    valid_to: ColumnType<string | null, string | null | undefined, string | null>;
    state: KbState;
    version: Generated<number>;
    use_count: Generated<number>;
    not_helpful_count: Generated<number>;
    search_terms: string[];
    primary_terms: string[];
    origin: string | null;
    created_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  hotline_kb_versions: {
    entry_id: string;
    version: number;
    question: string;
    answer: string;
    category_code: string | null;
    source_department: string;
    valid_from: ColumnType<string | null, string | null | undefined, string | null>;
    valid_to: ColumnType<string | null, string | null | undefined, string | null>;
    state: KbState;
    by_name: string;
    at: Timestamp;
  };
}
