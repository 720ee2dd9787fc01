import type { ColumnType, Generated } from 'kysely';

export type Channel = 'online' | 'window';
/** Where the case's clock stands, kept on the row so the inbox can filter by deadline state in SQL. */
export type ClockPhase = 'not_started' | 'running' | 'suspended' | 'suspended_overdue' | 'finished';
export type MaterialStatus = 'received' | 'missing' | 'shared' | 'rejected';
export type Level = 'city' | 'county' | 'town' | 'village';
/** One hop of the four-level linkage 四级联动: accepting hall → pre-review levels → deciding level. */
export interface LinkageHop {
  level: Level;
  regionCode: string;
  hallId: string | null;
}
/** Where the applicant collects the result 领取方式. */
export type Pickup = { method: 'hall'; hallId: string } | { method: 'post'; address: string };
export type PromiseStatus = 'open' | 'fulfilled' | 'overdue';

/** Who the case is for: a natural person (ID number) or a legal person (credit code). */
export interface ApplicantInfo {
  kind: 'person' | 'company';
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
}

/** A clock event of the history as the row's clock log keeps it (see `clock_log`). */
export type ClockKind = 'start' | 'stop' | 'resume' | 'end';
export interface ClockLogEntry {
  on_date: string;
  clock: ClockKind;
}

type Json<T> = ColumnType<T, string, string>;
type DateCol = ColumnType<string, string, string>;

/** Kysely view of the cases module's own tables. */
export interface CasesTables {
  cases: {
    id: Generated<string>;
    number: string;
    item_code: string;
    item_version: number;
    item_name: string;
    department_code: string;
    process_key: string;
    region_code: string;
    accept_region_code: string;
    accept_hall_id: string | null;
    channel: Channel;
    applicant_id: string | null;
    applicant: Json<ApplicantInfo>;
    applicant_name: string;
    applicant_id_tail: string | null;
    /** 查询码 of the public progress query (absent on cases filed before codes existed). */
    tracking_code: ColumnType<string | null, string | null | undefined, never>;
    created_by: string;
    idempotency_key: string;
    request_hash: string;
    status: string;
    suspended_from: string | null;
    version: Generated<number>;
    actionable: string[];
    form: Json<Record<string, unknown>>;
    handling_type: 'immediate' | 'promised';
    promised_days: number;
    statutory_days: number;
    accepted_on: DateCol | null;
    promised_deadline: DateCol | null;
    statutory_deadline: DateCol | null;
    near_on: DateCol | null;
    overdue_on: DateCol | null;
    deadline_provisional: Generated<boolean>;
    clock_phase: ColumnType<ClockPhase, ClockPhase | undefined, ClockPhase>;
    finished_on: DateCol | null;
    step_entered_at: ColumnType<Date, Date | undefined, Date>;
    submitted_at: Date | null;
    created_at: ColumnType<Date, Date | undefined, never>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
    /** The holder now 当前办理层级 (work queues follow it). */
    current_region_code: string;
    current_level: Level;
    current_hall_id: string | null;
    linkage_chain: ColumnType<LinkageHop[], string | undefined, string>;
    pickup: ColumnType<Pickup | null, string | null | undefined, string | null>;
    green_channel: ColumnType<boolean, boolean | undefined, boolean>;
    /** The clock's events of the history, in order; appended by the statement that writes such an event. */
    clock_log: ColumnType<ClockLogEntry[], never, never>;
  };
  case_promises: {
    id: Generated<string>;
    case_id: string;
    material_id: string;
    material_name: string;
    due_date: DateCol;
    status: ColumnType<PromiseStatus, PromiseStatus | undefined, PromiseStatus>;
    promise_text: string;
    created_by: string;
    created_at: ColumnType<Date, Date | undefined, never>;
    fulfilled_at: Date | null;
    fulfilled_by: string | null;
    reminded_on: DateCol | null;
  };
  case_materials: {
    case_id: string;
    material_id: string;
    name: string;
    required: boolean;
    file_ids: string[];
    paper: boolean;
    status: MaterialStatus;
    note: string | null;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  case_events: {
    id: Generated<number>;
    case_id: string;
    seq: number;
    at: ColumnType<Date, Date | undefined, never>;
    on_date: DateCol;
    actor_id: string | null;
    actor_name: string;
    actor_role: string;
    action: string;
    from_status: string | null;
    to_status: string;
    clock: ClockKind | null;
    comment: string | null;
    payload: Json<Record<string, unknown>>;
  };
  case_checks: {
    case_id: string;
    material_id: string;
    result: 'ok' | 'problem';
    problem: string | null;
    checked_by: string;
    checked_by_name: string;
    checked_at: Date;
  };
  case_track_failures: {
    number: string;
    failed_at: Date;
  };
  case_number_counters: {
    prefix: string;
    day: DateCol;
    seq: number;
  };
}
