/**
 * 查询码: the code that, with the case number, opens the public progress query. It is random (not derived
 * from anything an outsider can learn, such as the tail of an ID number), drawn from letters and digits that
 * cannot be mistaken for one another when read off paper, and printed on the acceptance notice and in the
 * applicant's messages. Failed queries are counted per case number, whoever sends them.
 */
import { randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: what is read aloud or copied from paper comes back as written. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 10;
/** The canonical form of a code (see `normaliseTrackingCode` for what a caller may type). */
export const TRACKING_CODE_RE = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`);

/** Failed queries of one case number allowed within `TRACK_FAILURE_WINDOW_MS`; the next one answers 429. */
export const TRACK_FAILURE_LIMIT = 10;
export const TRACK_FAILURE_WINDOW_MS = 60 * 60_000;

/** A fresh code: 31^10 ≈ 8·10^14 possibilities, from the system's cryptographic generator. */
export function newTrackingCode(): string {
  let s = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) s += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return s;
}

/** The code as typed → its canonical form (upper case, separators dropped). */
export const normaliseTrackingCode = (given: string): string => given.replace(/[\s-]/g, '').toUpperCase();

/** The code printed for people: two groups of five, easier to read and type (a case without a code: null). */
export function formatTrackingCode(code: string): string;
export function formatTrackingCode(code: string | null): string | null;
export function formatTrackingCode(code: string | null): string | null {
  return code ? `${code.slice(0, 5)}-${code.slice(5)}` : null;
}

/** Whether the given code is the case's own (a case without a code matches nothing); constant-time. */
export function trackingCodeMatches(stored: string | null, given: string): boolean {
  if (!stored) return false;
  const a = Buffer.from(stored);
  const b = Buffer.from(normaliseTrackingCode(given));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the failures counted within the window already reach the limit (the query is refused unread). */
export const trackingLocked = (recentFailures: number): boolean => recentFailures >= TRACK_FAILURE_LIMIT;

/** The sentence of a message that hands the applicant the code (nothing for a case without one). */
export const trackingHint = (code: string | null): string =>
  code ? `凭办件编号和查询码 ${formatTrackingCode(code)} 可在一网「办件查询」免登录查看进度。` : '';
