import type { Problem } from './client';

/**
 * The reason a request was refused, in the words meant for people: the first field message (without the
 * field's key, which is for programs), else the detail with any leading `key：` removed.
 */
export function refusalText(p: Pick<Problem, 'detail' | 'errors'>): string {
  const m = p.errors?.find((e) => e.message.trim())?.message;
  return m ?? p.detail.replace(/^[A-Za-z][\w.-]*：\s*/, '');
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 文书核验 by the id in a QR code: whether the id can be one at all (a malformed one is not sent to the server). */
export const verifiableId = (id: string) => UUID_RE.test(id.trim());

/** What the verify page says when a document cannot be verified by its id (an i18n key). */
export function verifyFailureKey(status: number | null): 'verify.malformed' | 'verify.notFound' | 'verify.failed' {
  if (status === null || status === 400) return 'verify.malformed';
  return status === 404 ? 'verify.notFound' : 'verify.failed';
}
