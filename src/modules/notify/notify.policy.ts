/**
 * Who reads which messages 消息 — pure rules, tested beside this file.
 *
 * - Every signed-in account reads and marks its own messages; a message of someone else is 404.
 * - The SMS outbox 短信发送记录 (phone numbers masked) is for administrators.
 */
import type { Actor } from '../../platform/auth';
import { anyRole, guard } from '../../platform/policy';

export const canReadSmsOutbox = anyRole('admin');
export const assertReadsSmsOutbox = guard(canReadSmsOutbox, '仅系统管理员可以查看短信发送记录');

/** A message is its addressee's alone. */
export const ownsMessage = (actor: Pick<Actor, 'id'>, message: { user_id: string }) => message.user_id === actor.id;
