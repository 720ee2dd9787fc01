import { sql } from 'kysely';
import { accessMatrix } from '../../../test/access-matrix';
import { notify } from './index';

// A message is its addressee's alone; the SMS outbox is for administrators.
accessMatrix('notify', {
  fixtures: async (t) => {
    const { rows } = await sql<{ id: string }>`select id from users where username = 'applicant'`.execute(t.db);
    const sent = await notify(t.db, { userId: rows[0]!.id, kind: 'test.access', title: '测试', body: '测试消息' });
    return { message: sent.messageId };
  },
  rows: [
    [null, 'GET /api/messages', 401],
    ['company', 'POST /api/messages/:message/read', 404],
    ['admin', 'POST /api/messages/:message/read', 404],
    ['applicant', 'POST /api/messages/:message/read', '2xx'],
    ['applicant', 'GET /api/messages/unread-count', 200],
    ['supervisor', 'GET /api/sms-outbox', 403],
    ['admin', 'GET /api/sms-outbox', 200],
  ],
});
