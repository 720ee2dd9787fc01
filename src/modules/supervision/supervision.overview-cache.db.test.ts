import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { api, createTestApp, type TestApp } from '../../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => vi.restoreAllMocks());

const { as, get } = api(() => t);
const realNow = Date.now.bind(Date);
const later = (ms: number) => vi.spyOn(Date, 'now').mockImplementation(() => realNow() + ms);

/** One more open case (a copy of an open demo case). */
async function addOpenCase(n: number) {
  await sql`
    insert into cases
    select (jsonb_populate_record(null::cases, to_jsonb(c) || jsonb_build_object(
      'id', gen_random_uuid(), 'number', '2111ZZ-20000102-' || lpad(${n}::text, 6, '0'), 'idempotency_key', 'overview-cache-' || ${n}))).*
    from (select * from cases where clock_phase = 'running' order by number limit 1) c`.execute(t.db);
}

interface Overview {
  generatedAt: string;
  cases: { total: number };
}

describe('monitoring overview cache 总览缓存', () => {
  it('answers a few seconds old overview at once while counting the next; past that, counts before answering', async () => {
    const sup = await as('supervisor');
    const first = (await get('/api/supervision/overview', sup)).json() as Overview;
    await addOpenCase(1);
    // within the few seconds: the same overview
    expect(((await get('/api/supervision/overview', sup)).json() as Overview).generatedAt).toBe(first.generatedAt);

    later(4000);
    const stale = (await get('/api/supervision/overview', sup)).json() as Overview;
    expect(stale).toMatchObject({ generatedAt: first.generatedAt, cases: { total: first.cases.total } });
    await vi.waitFor(async () => {
      const next = (await get('/api/supervision/overview', sup)).json() as Overview;
      expect(next.generatedAt).not.toBe(first.generatedAt);
      expect(next.cases.total).toBe(first.cases.total + 1);
    });

    await addOpenCase(2);
    later(60_000);
    const fresh = (await get('/api/supervision/overview', sup)).json() as Overview;
    expect(fresh.cases.total).toBe(first.cases.total + 2);
  });
});
