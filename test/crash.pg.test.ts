/**
 * Crash safety on PostgreSQL: a server killed with SIGKILL in the middle of a burst of online
 * submissions loses no acknowledged case (every 201 is in the database) and leaves no half-written
 * one (every case has all its materials and events). Runs only when TEST_DATABASE_URL is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminQuery, PG_TEMPLATE, serverUrl } from './template';
import { ApiClient, type ItemForm } from './api-client';

const enabled = Boolean(process.env.TEST_DATABASE_URL);
const PORT = 3290 + (process.pid % 50);
const BASE = `http://127.0.0.1:${PORT}`;
const DB = `yiwang_crash_${process.pid}`;
const ITEM = '2111-XK-00002'; // 食品经营许可

function startServer(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: serverUrl(DB), LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
}

async function waitHealthy(ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

describe.skipIf(!enabled)('crash safety (PostgreSQL, SIGKILL during submissions)', () => {
  let server: ChildProcess | undefined;
  let client: pg.Client;

  beforeAll(async () => {
    await adminQuery(`drop database if exists ${DB} with (force)`);
    await adminQuery(`create database ${DB} template ${PG_TEMPLATE}`);
    client = new pg.Client({ connectionString: serverUrl(DB) });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    server?.kill('SIGKILL');
    await client?.end();
    await adminQuery(`drop database if exists ${DB} with (force)`);
  });

  it('keeps every acknowledged case whole and leaves no partial one', async () => {
    server = startServer();
    await waitHealthy();
    const company = await new ApiClient(BASE).signIn('company');
    const fileId = await company.uploadPdf('营业执照.pdf');
    const item = await company.get<ItemForm>(`/api/items/${ITEM}`);
    const body = ApiClient.application(ITEM, item, fileId);

    const before = (await client.query<{ id: string }>('select id from cases')).rows.map((r) => r.id);
    // Check the request is valid before the burst, so the burst measures crashes, not validation.
    const probe = await company.createCase(body);
    expect(probe.status, await probe.clone().text()).toBe(201);
    const probeId = ((await probe.json()) as { id: string }).id;
    // A whole submitted case looks like the probe: the same number of materials and events.
    const shape = await client.query<{ materials: string; events: string; since: Date }>(
      `select (select count(*) from case_materials where case_id = $1) as materials,
              (select count(*) from case_events where case_id = $1) as events, created_at as since
         from cases where id = $1`,
      [probeId],
    );
    const expectedMaterials = Number(shape.rows[0]!.materials);
    const expectedEvents = Number(shape.rows[0]!.events);
    const since = shape.rows[0]!.since;
    expect(expectedMaterials).toBeGreaterThan(0);

    const acknowledged: string[] = [];
    let failed = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        try {
          const res = await company.createCase(body);
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
          else failed += 1;
        } catch {
          failed += 1; // connection reset by the kill
        }
      }
    };
    const workers = Array.from({ length: 12 }, worker);
    // Let the burst run until a good number of cases are in, then kill without warning.
    const until = Date.now() + 20_000;
    while (acknowledged.length < 40 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    server.kill('SIGKILL');
    killed = true;
    await Promise.all(workers);
    expect(acknowledged.length, `${failed} requests cut off by the kill`).toBeGreaterThanOrEqual(40);

    // Every acknowledged case is stored, with all its materials and events.
    const { rows } = await client.query<{ id: string; status: string; events: string; materials: string }>(
      `select c.id, c.status,
              (select count(*) from case_events e where e.case_id = c.id) as events,
              (select count(*) from case_materials m where m.case_id = c.id) as materials
         from cases c where c.id = any($1::uuid[])`,
      [acknowledged],
    );
    expect(rows).toHaveLength(acknowledged.length);
    for (const r of rows) {
      expect(r.status).toBe('submitted');
      expect(Number(r.events)).toBe(expectedEvents);
      expect(Number(r.materials)).toBe(expectedMaterials);
    }

    // And no case of the burst, acknowledged or not, is half-written.
    const partial = await client.query(
      `select c.id from cases c
        where c.created_at >= $1 and c.id <> all($4::uuid[])
          and ((select count(*) from case_events e where e.case_id = c.id) <> $3
               or (select count(*) from case_materials m where m.case_id = c.id) <> $2)`,
      [since, expectedMaterials, expectedEvents, before],
    );
    expect(partial.rows).toEqual([]);

    // The platform comes back and shows the cases.
    server = startServer();
    await waitHealthy();
    const again = await new ApiClient(BASE).signIn('company');
    expect((await again.get<{ id: string }>(`/api/cases/${acknowledged[0]}`)).id).toBe(acknowledged[0]);
    server.kill('SIGTERM');
  }, 120_000);
});
