import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { act, COUNTY, register, TOWN } from './hotline.fixtures';
import { hotlineModule } from './index';
import { recordSignOverdue } from './hotline.jobs';
import type { TicketView } from './hotline.schemas';

let t: TestApp;
// Monday 2026-11-02, 10:00 in Shanghai; dispatched now, a ticket is due to be signed for by Tuesday 10:00.
const MONDAY = new Date('2026-11-02T02:00:00Z');
const at = (iso: string) => new Date(iso);
beforeAll(async () => {
  t = await createTestApp();
  t.pinClock(() => MONDAY);
});
afterAll(async () => t?.close());

const events = async (id: string) =>
  (
    await sql<{ action: string; note: string | null; actor_name: string; at: Date }>`
      select action, note, actor_name, at from hotline_ticket_events where ticket_id = ${id} and action = 'sign-overdue' order by seq`.execute(
      t.db,
    )
  ).rows;

const view = async (id: string) =>
  (await t.get(`/api/hotline/tickets/${id}`, await t.as('hotline-chief'))).json() as TicketView;

describe('the sign-for job 签收超时巡检', () => {
  it('is one of the module jobs and runs with the job’s now', async () => {
    const job = hotlineModule.jobs?.find((j) => j.name === 'hotline.sign-overdue');
    expect(job).toBeDefined();
    expect(await job!.run(t.db, { now: MONDAY })).toBeTypeOf('number');
  });

  it('records a dispatched ticket not signed for in time, once', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    expect(v.signDueAt).toBe('2026-11-03T02:00:00.000Z');

    await recordSignOverdue(t.db, at('2026-11-03T01:59:00Z'));
    expect(await events(v.id)).toEqual([]);

    expect(await recordSignOverdue(t.db, at('2026-11-03T02:30:00Z'))).toBeGreaterThanOrEqual(1);
    const [e] = await events(v.id);
    expect(e).toMatchObject({ actor_name: '系统', note: '兴隆台区超过签收时限（2026-11-03 10:00）未签收' });
    expect(e!.at.toISOString()).toBe('2026-11-03T02:30:00.000Z');

    // Idempotent: a later run, or the same one again, records nothing more for it.
    await recordSignOverdue(t.db, at('2026-11-03T02:30:00Z'));
    await recordSignOverdue(t.db, at('2026-11-04T02:00:00Z'));
    expect(await events(v.id)).toHaveLength(1);

    // The history shows it; the version the operators act on is untouched.
    const seen = await view(v.id);
    expect(seen.history.map((h) => h.label)).toEqual(['登记', '派单', '超时未签收']);
    expect(seen.version).toBe(v.version);
  });

  it('leaves tickets signed in time alone and records a new dispatch again', async () => {
    let v = await register(t);
    v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
    v = await act(t, 'unit-county', v, 'sign');
    await recordSignOverdue(t.db, at('2026-11-05T02:00:00Z'));
    expect(await events(v.id)).toEqual([]);

    // Passed on to the street office on Wednesday: its own sign-for time runs from then.
    t.pinClock(() => at('2026-11-04T02:00:00Z'));
    v = await act(t, 'unit-county', v, 'redispatch', { unit: TOWN });
    t.pinClock(() => MONDAY);
    expect(v.signDueAt).toBe('2026-11-05T02:00:00.000Z');
    await recordSignOverdue(t.db, at('2026-11-05T01:00:00Z'));
    expect(await events(v.id)).toEqual([]);
    await recordSignOverdue(t.db, at('2026-11-05T03:00:00Z'));
    expect((await events(v.id)).map((e) => e.note)).toEqual(['振兴街道超过签收时限（2026-11-05 10:00）未签收']);
  });
});
