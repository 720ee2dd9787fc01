import { api } from './client';

/** Tells the header bell to re-read the unread count (after marking messages read). */
export const MESSAGES_CHANGED = 'yw:messages-changed';
export const notifyMessagesChanged = () => window.dispatchEvent(new Event(MESSAGES_CHANGED));

/** `GET /api/messages/unread-count`. */
export async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
  const r = await api.get('/api/messages/unread-count', { signal, silent: true, noAuthRedirect: true });
  return r.count;
}
