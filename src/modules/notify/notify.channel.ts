/**
 * SMS channels. The platform never talks to an SMS gateway by itself: the default channel only
 * records each text in `sms_outbox` (status `logged`), which is what the demo city runs with.
 * A deployment plugs in its operator's gateway with `setSmsChannel()` before the app starts; texts
 * are then queued as `pending` in the caller's transaction and sent after commit by the dispatcher.
 */
export interface SmsChannel {
  /** Short name stored with each text, e.g. `log`, `aliyun`. */
  readonly name: string;
  /** Delivers one text; throws when the gateway refuses it. */
  send(phone: string, text: string): Promise<void>;
}

/** Records only: nothing leaves the server. */
export class LoggingSmsChannel implements SmsChannel {
  readonly name = 'log';
  async send(_phone: string, _text: string): Promise<void> {
    // Deliberately nothing: the row in sms_outbox (status `logged`) is the record.
  }
}

let current: SmsChannel = new LoggingSmsChannel();

/** Replaces the SMS channel (deployments); returns the previous one. */
export function setSmsChannel(channel: SmsChannel): SmsChannel {
  const previous = current;
  current = channel;
  return previous;
}

export function getSmsChannel(): SmsChannel {
  return current;
}

export const isLogOnly = (channel: SmsChannel) => channel instanceof LoggingSmsChannel;
