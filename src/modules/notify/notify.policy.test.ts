import { describe, expect, it } from 'vitest';
import { actorWith, applicantActor } from '../../../test/actors';
import { assertReadsSmsOutbox, ownsMessage } from './notify.policy';

describe('notify policy', () => {
  it('messages are their addressee’s alone', () => {
    expect(ownsMessage(applicantActor('zhang'), { user_id: 'zhang' })).toBe(true);
    expect(ownsMessage(actorWith(['admin']), { user_id: 'zhang' })).toBe(false);
  });

  it('the SMS outbox is for administrators', () => {
    expect(() => assertReadsSmsOutbox(actorWith(['admin']))).not.toThrow();
    expect(() => assertReadsSmsOutbox(actorWith(['supervisor']))).toThrow('仅系统管理员可以查看短信发送记录');
  });
});
