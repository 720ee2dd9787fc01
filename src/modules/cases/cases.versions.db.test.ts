/** Steps against each other: versions, conflicts, the one-statement and gathered writes of the step writer. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { caseFixtures } from '../../../test/cases-fixtures';
import * as repo from './cases.repository';
import { lastWrittenCase, writeCaseStep } from './cases.stepwriter';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => t.pinClock(null));

const { as, get, post, view, act, actOk, fileFood, eventCount } = caseFixtures(() => t);

/** A pre-review checklist with every material of `fileFood` 符合. */
const FOOD_CHECKS = ['m1', 'm3', 'm4', 'm5'].map((materialId) => ({ materialId, result: 'ok' }));

describe('concurrency and versions', () => {
  it('two clerks acting at once: one 200, one 409, exactly one new event', async () => {
    const company = await as('company');
    const admin = await as('admin');
    const hall = (await get('/api/auth/me', await as('clerk-city'))).json().user.scope.hallId;
    const created2 = await post('/api/staff', admin, {
      username: 'clerk-city-2',
      name: '赵晓东',
      password: 'Window@2026x',
      roles: ['clerk'],
      regionCode: '211100',
      hallId: hall,
    });
    expect(created2.statusCode, created2.body).toBe(201);
    const clerk1 = await as('clerk-city');
    const clerk2 = await t.login('clerk-city-2', 'Window@2026x');
    const { id } = await fileFood(company);
    const v = (await view(id, clerk1)).version;
    const events = await eventCount(id);
    const [a, b] = await Promise.all([
      post(`/api/cases/${id}/actions`, clerk1, { action: 'accept', version: v }),
      post(`/api/cases/${id}/actions`, clerk2, { action: 'prereview-pass', version: v, checks: FOOD_CHECKS }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).headers['content-type']).toContain('application/problem+json');
    expect(await eventCount(id)).toBe(events + 1);
    expect((await view(id, clerk1)).version).toBe(v + 1);
  });

  it('two approvers suspending at once (a one-statement step): one wins; the loser leaves no event, message or audit row', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const chief = await as('chief-city');
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    const v = (await view(id, approver)).version;
    const counts = async () =>
      (
        await sql<{ events: number; audits: number; messages: number; texts: number }>`
          select (select count(*)::int from case_events where case_id = ${id}) as events,
                 (select count(*)::int from audit_log where entity_type = 'case' and entity_id = ${id}) as audits,
                 (select count(*)::int from messages where case_id = ${id}) as messages,
                 (select count(*)::int from sms_outbox s join messages m on m.id = s.message_id where m.case_id = ${id}) as texts`.execute(
          t.db,
        )
      ).rows[0]!;
    const before = await counts();
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    const [a, b] = await Promise.all([
      post(`/api/cases/${id}/actions`, approver, { action: 'suspend', version: v, suspension }),
      post(`/api/cases/${id}/actions`, chief, { action: 'suspend', version: v, suspension }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    // A stale version when both read the case first; a case already suspended when one read it after the other wrote.
    expect(['urn:yiwang:problem:stale_version', 'urn:yiwang:problem:invalid_state']).toContain(
      (a.statusCode === 409 ? a : b).json().type,
    );
    const after = await counts();
    expect(after).toEqual({
      events: before.events + 1,
      audits: before.audits + 1,
      messages: before.messages + 1,
      texts: before.texts + 1,
    });
    const [audit] = (
      await sql<{ action: string; after: { version: number; notified: { messageId: string; smsId: string } } }>`
        select action, after from audit_log where entity_type = 'case' and entity_id = ${id} order by id desc limit 1`.execute(
        t.db,
      )
    ).rows;
    expect(audit!.action).toBe('cases.case.suspend');
    expect(audit!.after.version).toBe(v + 1);
    const told = await sql<{
      id: string;
    }>`select s.id from sms_outbox s join messages m on m.id = s.message_id where m.id = ${audit!.after.notified.messageId}`.execute(
      t.db,
    );
    expect(told.rows.map((r) => r.id)).toEqual([audit!.after.notified.smsId]);
  });

  it('steps on many cases at once all land, each with exactly its own event, message, text and audit row', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await fileFood(company);
      await actOk(id, clerk, 'accept');
      ids.push(id);
    }
    const before = await Promise.all(ids.map((id) => view(id, approver)));
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    const res = await Promise.all(
      ids.map((id, i) =>
        post(`/api/cases/${id}/actions`, approver, { action: 'suspend', version: before[i].version, suspension }),
      ),
    );
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const [i, id] of ids.entries()) {
      const c = await view(id, approver);
      expect(c).toMatchObject({ status: 'suspended', version: before[i].version + 1, deadlineState: 'suspended' });
      expect(c.history.at(-1)).toMatchObject({
        action: 'suspend',
        clock: 'stop',
        fromStatus: 'accepted',
        toStatus: 'suspended',
      });
      const n = (
        await sql<{ events: number; audits: number; messages: number }>`
          select (select count(*)::int from case_events where case_id = ${id} and action = 'suspend') as events,
                 (select count(*)::int from audit_log where entity_id = ${id} and action = 'cases.case.suspend') as audits,
                 (select count(*)::int from messages where case_id = ${id} and kind = 'case.suspended') as messages`.execute(
          t.db,
        )
      ).rows[0]!;
      expect(n).toEqual({ events: 1, audits: 1, messages: 1 });
    }
  });

  it('steps written together in one statement: each by its own version (a stale one writes nothing), JSON columns as JSON', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const rows: repo.CaseRow[] = [];
    for (let i = 0; i < 6; i++) {
      const { id } = await fileFood(company);
      await actOk(id, clerk, 'accept');
      rows.push((await repo.getCase(t.db, id))!);
    }
    const clerkId = (await get('/api/auth/me', clerk)).json().user.id as string;
    const chain = JSON.stringify([{ level: 'city', regionCode: '211100', hallId: null }]);
    // The first write goes alone; the five that come while it runs go together in one statement.
    const warn = vi.spyOn(console, 'warn');
    const written = await Promise.all(
      rows.map((r, i) =>
        writeCaseStep(
          t.db,
          i === 4 ? { ...r, version: r.version - 1 } : r,
          { status: 'reviewed', actionable: ['chief'], linkage_chain: chain },
          {
            at: new Date('2026-12-07T02:00:00Z'),
            on_date: '2026-12-07',
            actor_id: clerkId,
            actor_name: '测试',
            actor_role: 'approver',
            action: 'review-pass',
            from_status: 'accepted',
            to_status: 'reviewed',
            clock: null,
            comment: `第${i}件`,
            payload: JSON.stringify({ n: i }),
          },
          [
            {
              table: 'messages',
              row: { user_id: clerkId, case_id: r.id, kind: 'test.batch', title: '测试', body: `第${i}件` },
            },
          ],
        ),
      ),
    );
    expect(warn).not.toHaveBeenCalled(); // the statement of five ran: nothing fell back to single writes
    warn.mockRestore();
    expect(written.map((w) => (w ? w.row.version : null))).toEqual(
      rows.map((r, i) => (i === 4 ? null : r.version + 1)),
    );
    for (const [i, r] of rows.entries()) {
      const db = (
        await sql<{
          status: string;
          actionable: string[];
          chain: unknown;
          events: number;
          messages: number;
          payload: unknown;
        }>`
          select status, actionable, linkage_chain as chain,
                 (select count(*)::int from case_events where case_id = c.id and action = 'review-pass') as events,
                 (select count(*)::int from messages where case_id = c.id and kind = 'test.batch') as messages,
                 (select payload from case_events where case_id = c.id and action = 'review-pass') as payload
          from cases c where id = ${r.id}`.execute(t.db)
      ).rows[0]!;
      if (i === 4) expect(db).toMatchObject({ status: 'accepted', events: 0, messages: 0 });
      else {
        expect(db).toEqual({
          status: 'reviewed',
          actionable: ['chief'],
          chain: [{ level: 'city', regionCode: '211100', hallId: null }],
          events: 1,
          messages: 1,
          payload: { n: i },
        });
        expect(written[i]!.event).toMatchObject({
          case_id: r.id,
          seq: r.version + 1,
          action: 'review-pass',
          comment: `第${i}件`,
        });
        // The row and the event as the step wrote them are those the database now holds.
        expect(written[i]!.row).toEqual(await repo.getCase(t.db, r.id));
        expect(written[i]!.event).toEqual((await repo.listEvents(t.db, r.id)).at(-1));
      }
    }
  });

  it('a step written in a transaction answers with the row and event the database holds, every kind of column included', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    const before = (await repo.getCase(t.db, id))!;
    const clerkId = (await get('/api/auth/me', clerk)).json().user.id as string;
    const patch = {
      status: 'suspended',
      suspended_from: before.status,
      actionable: ['approver', 'chief'],
      form: JSON.stringify({ ...before.form, note: '补充说明', n: 2 }),
      applicant: JSON.stringify({ ...before.applicant, phone: '13900000000' }),
      pickup: JSON.stringify({ method: 'post', address: '盘锦市兴隆台区' }),
      linkage_chain: JSON.stringify([{ level: 'city', regionCode: '211100', hallId: null }]),
      promised_deadline: '2027-01-15',
      near_on: null,
      clock_phase: 'suspended' as const,
      deadline_provisional: true,
      step_entered_at: new Date('2026-12-07T03:04:05.678Z'),
    };
    const event = {
      at: new Date('2026-12-07T02:00:00Z'),
      on_date: '2026-12-07',
      actor_id: clerkId,
      actor_name: '测试',
      actor_role: 'approver',
      action: 'suspend',
      from_status: before.status,
      to_status: 'suspended',
      clock: 'stop' as const,
      comment: null,
      payload: JSON.stringify({ kind: 'site_inspection', days: 3 }),
    };
    const written = await t.db.transaction().execute((tx) => writeCaseStep(tx, before, patch, event));
    expect(written).toBeDefined();
    expect(written!.row).toEqual(await repo.getCase(t.db, id));
    expect(written!.row.clock_log.at(-1)).toEqual({ on_date: '2026-12-07', clock: 'stop' });
    expect(written!.event).toEqual((await repo.listEvents(t.db, id)).at(-1));
    // From a row that is no longer current, nothing is written.
    expect(await t.db.transaction().execute((tx) => writeCaseStep(tx, before, patch, event))).toBeUndefined();
  });

  // PGlite has one connection: a transaction holding a lock would hold up every other statement.
  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'a step on a case a transaction holds locked is written apart; steps on other cases go on meanwhile',
    async () => {
      const company = await as('company');
      const clerk = await as('clerk-city');
      const approver = { ...(await as('approver-city')), prefer: 'return=minimal' };
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const { id } = await fileFood(company);
        await actOk(id, clerk, 'accept');
        ids.push(id);
      }
      const versions = await Promise.all(ids.map(async (id) => (await view(id, clerk)).version as number));
      const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
      const suspend = (i: number) =>
        post(`/api/cases/${ids[i]}/actions`, approver, { action: 'suspend', version: versions[i], suspension });
      let lockedDone = false;
      let locked!: ReturnType<typeof suspend>;
      await t.db.transaction().execute(async (tx) => {
        await sql`select 1 from cases where id = ${ids[0]} for update`.execute(tx);
        locked = suspend(0);
        void locked.then(() => (lockedDone = true));
        const others = await Promise.all([suspend(1), suspend(2)]);
        expect(others.map((r) => r.statusCode)).toEqual([200, 200]);
        await new Promise((r) => setTimeout(r, 100));
        expect(lockedDone).toBe(false); // it waits for the lock, apart from the others
      });
      const res = await locked;
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ version: versions[0]! + 1, status: 'suspended' });
      expect(await eventCount(ids[0]!)).toBe(versions[0]! + 1);
    },
  );

  it('case reads that come together go in one statement; an id that is no UUID finds nothing and fails no other read', async () => {
    const ids = (await sql<{ id: string }>`select id from cases order by created_at limit 5`.execute(t.db)).rows.map(
      (r) => r.id,
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    const found = await Promise.all([...ids, 'not-a-uuid', missing, ids[0]!].map((id) => repo.getCase(t.db, id)));
    expect(found.map((r) => r?.id ?? null)).toEqual([...ids, null, null, ids[0]]);
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    const v = (await view(id, clerk)).version;
    await actOk(id, clerk, 'prereview-pass', { checks: FOOD_CHECKS });
    const stale = await post(`/api/cases/${id}/actions`, clerk, { action: 'accept', version: v });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      type: 'urn:yiwang:problem:stale_version',
      code: 'stale_version',
      instance: `/api/cases/${id}/actions`,
    });
    expect((await view(id, clerk)).status).toBe('prereviewed');
  });

  it('answers with the new version only when asked (Prefer: return=minimal), and audits the action and its message once', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id, number } = await fileFood(company);
    const v = (await view(id, clerk)).version;
    const res = await post(
      `/api/cases/${id}/actions`,
      { ...clerk, prefer: 'return=minimal' },
      { action: 'accept', version: v },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['preference-applied']).toBe('return=minimal');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      id,
      number,
      version: v + 1,
      status: 'accepted',
      statusLabel: expect.any(String),
      documentNumber: expect.stringMatching(/\S/),
    });
    const after = await view(id, clerk);
    expect(after).toMatchObject({ version: v + 1, status: 'accepted' });
    expect(after.history.at(-1).action).toBe('accept');
    expect(after.documents.map((d: { number: string }) => d.number)).toContain(res.json().documentNumber);
    // The applicant's message and text are recorded inside the action's own audit entry.
    const audit = await sql<{ action: string; after: { notified: { messageId: string; smsId: string | null } } }>`
      select action, after from audit_log where entity_id = ${id} and action = 'cases.case.accept'`.execute(t.db);
    expect(audit.rows).toHaveLength(1);
    const { messageId } = audit.rows[0]!.after.notified;
    const msg = await sql<{ case_id: string }>`select case_id from messages where id = ${messageId}`.execute(t.db);
    expect(msg.rows[0]?.case_id).toBe(id);
    expect((await sql`select 1 from audit_log where entity_id = ${messageId}`.execute(t.db)).rows).toHaveLength(0);
    // Without the preference the whole case comes back, built from what the action read and wrote.
    const approver = await as('approver-city');
    const full = await post(`/api/cases/${id}/actions`, approver, {
      action: 'review-pass',
      version: v + 1,
      comment: '材料齐全',
    });
    expect(full.statusCode, full.body).toBe(200);
    expect(full.headers['preference-applied']).toBeUndefined();
    expect(full.headers['content-type']).toMatch(/^application\/json/); // browsers read the answer by its type
    const fresh = await view(id, approver);
    expect({ ...full.json(), remainingWorkingDays: 0 }).toEqual({ ...fresh, remainingWorkingDays: 0 });
  });

  it('a minimal step begins from the row this server wrote last; a row changed elsewhere since is read afresh', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = { ...(await as('approver-city')), prefer: 'return=minimal' };
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    const step = (action: string, version: number) =>
      post(`/api/cases/${id}/actions`, approver, { action, version, ...(action === 'suspend' ? { suspension } : {}) });
    const v = (await view(id, clerk)).version;
    const suspended = await step('suspend', v);
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(lastWrittenCase(t.db, id, v + 1)).toMatchObject({ id, version: v + 1, status: 'suspended' });
    expect(lastWrittenCase(t.db, id, v)).toBeUndefined();
    // Another server resumes the case (a versioned step this one did not see), then a client that saw the
    // suspension asks to resume: the kept row says it may; the write finds another version and writes nothing,
    // and the fresh read answers that the case is no longer suspended.
    await sql`update cases set version = version + 1, status = 'site_inspection', suspended_from = null where id = ${id}`.execute(
      t.db,
    );
    const events = await eventCount(id);
    const late = await step('resume', v + 1);
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe('urn:yiwang:problem:invalid_state');
    expect(await eventCount(id)).toBe(events);
    // A client that saw the other server's version acts from a fresh read.
    const again = await step('suspend', v + 2);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ version: v + 3, status: 'suspended' });
    // A refusal is given only after a fresh read: the kept row is at v + 3 and a second suspend is not allowed.
    const twice = await step('suspend', v + 3);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().type).toBe('urn:yiwang:problem:invalid_state');
  });

  it('an action the state does not allow is a 409', async () => {
    const company = await as('company');
    const chief = await as('chief-city');
    const { id } = await fileFood(company);
    const res = await act(id, chief, 'grant');
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toBe('urn:yiwang:problem:invalid_state');
  });
});
