import type { Generated } from 'kysely';

export type SmsStatus = 'pending' | 'logged' | 'sent' | 'failed';

/** Kysely view of the notify module's own tables. */
export interface NotifyTables {
  /** In-app messages 站内消息, one per recipient. */
  messages: {
    id: Generated<string>;
    user_id: string;
    case_id: string | null;
    /** Dotted code of what happened, e.g. `case.accepted`. */
    kind: string;
    title: string;
    body: string;
    created_at: Generated<Date>;
    read_at: Date | null;
    /** Insertion order, for messages with the same `created_at`. */
    seq: Generated<number>;
  };
  /** Every text message handed to the SMS channel (an outbox: real channels send after commit). */
  sms_outbox: {
    id: Generated<string>;
    message_id: string | null;
    phone: string;
    text: string;
    /** logged = demo channel, recorded only; pending = waiting for the dispatcher; sent; failed. */
    status: SmsStatus;
    channel: string;
    attempts: Generated<number>;
    error: string | null;
    created_at: Generated<Date>;
    sent_at: Date | null;
  };
}
