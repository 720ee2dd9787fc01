import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { api, createTestApp, type TestApp } from '../../../test/harness';
import { sweepWarnings } from './index';
import { notifyRaisedWarnings } from './supervision.notices';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, post } = api(() => t);

const messages = async (kind: string) =>
  (
    await sql<{ username: string; case_id: string; title: string; body: string }>`
    select u.username, m.case_id, m.title, m.body from messages m join users u on u.id = m.user_id where m.kind = ${kind} order by u.username, m.title`.execute(
      t.db,
    )
  ).rows;

interface Msg {
  kind: string;
  title: string;
  caseId: string | null;
}

describe('warnings reach the responsible unit 通知责任单位', () => {
  it('a sweep tells the department staff of each new card once; later sweeps tell nobody again', async () => {
    const first = await sweepWarnings(t.db, new Date());
    expect(first.raised).toBeGreaterThan(0);
    // Expected: one message per open warning per active staff member of its department.
    const expected = (
      await sql<{ n: number }>`
        select count(*)::int as n from warnings w
        join departments d on d.code = w.department_code
        join users u on u.department_id = d.id and u.kind = 'staff' and u.active
        where w.state = 'open'`.execute(t.db)
    ).rows[0]!.n;
    expect(expected).toBeGreaterThan(0);
    expect(first.notified).toBe(expected);
    const raised = await messages('supervision.warning.raised');
    expect(raised).toHaveLength(expected);
    // Only department staff are told: never the supervisor, an applicant or another county.
    expect(new Set(raised.map((m) => m.username))).not.toContain('supervisor');
    expect(new Set(raised.map((m) => m.username))).not.toContain('applicant');
    const notices = (
      await sql<{ n: number }>`select count(*)::int as n from warning_notices where event = 'raised'`.execute(t.db)
    ).rows[0]!.n;
    expect(notices).toBe(first.raised);

    const again = await sweepWarnings(t.db, new Date(), { pageSize: 1 });
    expect(again.notified).toBe(0);
    expect(await messages('supervision.warning.raised')).toHaveLength(expected);

    // The approver sees the card in the inbox, linked to the case, naming the explanation deadline.
    const approver = await as('approver-city');
    const inbox = (await get('/api/messages?pageSize=100', approver)).json().items as Msg[];
    const card = inbox.find((m) => m.kind === 'supervision.warning.raised')!;
    expect(card).toBeTruthy();
    expect(card.title).toMatch(/^【(黄牌|红牌)】/);
    const w = (
      await sql<{
        department_code: string;
      }>`select department_code from warnings where case_id = ${card.caseId}::uuid limit 1`.execute(t.db)
    ).rows[0]!;
    expect(w.department_code).toBe('PJ-XZSP');
  });

  it('a warning left un-notified (a failed pass) is told by the next sweep, only that one', async () => {
    const w = (
      await sql<{
        id: string;
      }>`select id from warnings where state = 'open' and department_code = 'PJ-XZSP' order by id limit 1`.execute(t.db)
    ).rows[0]!;
    await sql`delete from warning_notices where warning_id = ${w.id}::uuid`.execute(t.db);
    const before = (await messages('supervision.warning.raised')).length;
    const r = await sweepWarnings(t.db, new Date());
    expect(r.raised).toBe(0);
    expect(r.notified).toBe(2); // approver-city and chief-city
    expect((await messages('supervision.warning.raised')).length).toBe(before + 2);
  });

  it('many new cards for one department come as one digest per person', async () => {
    const open = (
      await sql<{
        id: string;
        case_number: string;
      }>`select id, case_number from warnings where state = 'open' and department_code = 'PJ-XZSP'`.execute(t.db)
    ).rows;
    expect(open.length).toBeGreaterThan(1);
    await sql`delete from warning_notices where event = 'raised' and warning_id = any(${open.map((w) => w.id)}::uuid[])`.execute(
      t.db,
    );
    const sent = await notifyRaisedWarnings(t.db, { digestOver: 1 });
    expect(sent).toBe(2);
    const digests = await messages('supervision.warning.digest');
    expect(digests.map((m) => m.username)).toEqual(['approver-city', 'chief-city']);
    expect(digests[0]!.title).toMatch(new RegExp(`^【预警】新增 ${open.length} 条（红牌 \\d+ 条，黄牌 \\d+ 条）$`));
    expect(digests[0]!.case_id).toBeNull();
    expect(digests[0]!.body).toContain(`等 ${open.length} 条预警待说明`);
    expect(open.some((w) => digests[0]!.body.includes(w.case_number))).toBe(true);
    // Claimed: the next pass tells nobody.
    expect(await notifyRaisedWarnings(t.db, { digestOver: 1 })).toBe(0);
  });

  it('a decision tells the department staff and whoever explained, once, but not the deciding supervisor', async () => {
    const sup = await as('supervisor');
    const approver = await as('approver-city');
    const open = (await get('/api/supervision/warnings?state=open&pageSize=200', approver)).json().items as {
      id: string;
      caseNumber: string;
    }[];
    const w = open[0]!;
    expect(
      (await post(`/api/supervision/warnings/${w.id}/explain`, approver, { text: '申请人补正材料延误，已办结' }))
        .statusCode,
    ).toBe(200);
    const decided = await post(`/api/supervision/warnings/${w.id}/decide`, sup, {
      decision: 'revoke',
      comment: '理由成立',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const told = await messages('supervision.warning.decided');
    expect(told.map((m) => m.username)).toEqual(['approver-city', 'chief-city']);
    expect(told[0]!.title).toBe(`预警已撤销：${w.caseNumber} ${decided.json().ruleName}`);
    expect(told[0]!.body).toContain('已由效能监察员赵监察撤销，意见：理由成立');
    expect(
      (await post(`/api/supervision/warnings/${w.id}/decide`, sup, { decision: 'confirm', comment: '' })).statusCode,
    ).toBe(409);
    await sweepWarnings(t.db, new Date());
    expect(await messages('supervision.warning.decided')).toHaveLength(2);
    const notice = (
      await sql<{
        recipients: number;
      }>`select recipients from warning_notices where warning_id = ${w.id}::uuid and event = 'decided'`.execute(t.db)
    ).rows[0]!;
    expect(notice.recipients).toBe(2);
  });
});
