import { api } from './api';

/** Tells the header bell to re-read the unread count (after marking messages read). */
export const MESSAGES_CHANGED = 'yw:messages-changed';
export const notifyMessagesChanged = () => window.dispatchEvent(new Event(MESSAGES_CHANGED));

/** `GET /api/messages/unread-count`: `{count}` (or `{unread}`, or a bare number). */
export async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
  const r = await api.get<number | { count?: number; unread?: number }>('/api/messages/unread-count', {
    signal,
    silent: true,
    noAuthRedirect: true,
  });
  if (typeof r === 'number') return r;
  return r?.count ?? r?.unread ?? 0;
}
