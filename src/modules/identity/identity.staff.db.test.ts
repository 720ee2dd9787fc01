import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { getHall } from '../org/index';
import { listDepartmentStaff } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const usernames = async (f: Parameters<typeof listDepartmentStaff>[1]) =>
  (await listDepartmentStaff(t.db, f)).map((s) => s.username);

describe('listDepartmentStaff 部门人员', () => {
  it('lists the active staff of a department by code, without personal data', async () => {
    const staff = await listDepartmentStaff(t.db, { department: 'PJ-XZSP' });
    expect(staff.map((s) => s.username)).toEqual(['approver-city', 'chief-city']);
    expect(staff[0]).toEqual({
      id: expect.any(String),
      username: 'approver-city',
      name: '王建国',
      roles: ['approver'],
    });
    expect(JSON.stringify(staff)).not.toContain('1390427');
    expect(await usernames({ department: 'XLT-XZSP' })).toEqual(['approver-county']);
  });

  it('narrows by region subtree and hall; an unknown department has nobody', async () => {
    expect(await usernames({ department: 'PJ-XZSP', regionPrefix: '2111' })).toEqual(['approver-city', 'chief-city']);
    expect(await usernames({ department: 'PJ-XZSP', regionPrefix: '211103' })).toEqual([]);
    expect(await usernames({ department: 'PJ-ZWFW' })).toEqual(['admin', 'agent', 'clerk-city']);
    const hall = (await sql<{ hall_id: string }>`select hall_id from users where username = 'clerk-city'`.execute(t.db))
      .rows[0]!.hall_id;
    expect((await getHall(t.db, hall))?.id).toBe(hall);
    expect(await usernames({ department: 'PJ-ZWFW', hallId: hall })).toEqual(['clerk-city']);
    expect(await usernames({ department: 'PJ-NOPE' })).toEqual([]);
  });

  it('leaves out deactivated accounts and applicants', async () => {
    await sql`update users set active = false where username = 'chief-city'`.execute(t.db);
    expect(await usernames({ department: 'PJ-XZSP' })).toEqual(['approver-city']);
    await sql`update users set active = true where username = 'chief-city'`.execute(t.db);
  });
});

describe('GET /api/staff for a supervisor', () => {
  it('reads the roster of the subtree with phones masked, and changes nothing', async () => {
    const supervisor = await t.login('supervisor');
    const roster = await t.app.inject({ url: '/api/staff?role=clerk&pageSize=200', headers: supervisor });
    expect(roster.statusCode, roster.body).toBe(200);
    const items = roster.json().items as { id: string; username: string }[];
    expect(items.map((u) => u.username)).toEqual(expect.arrayContaining(['clerk-city', 'clerk-county']));
    expect(JSON.stringify(roster.json())).not.toContain('13904270003');
    const clerk = items.find((u) => u.username === 'clerk-city')!;
    expect((await t.app.inject({ url: `/api/staff/${clerk.id}`, headers: supervisor })).statusCode).toBe(403);
    const payload = {
      username: 'by-supervisor',
      name: '某某',
      password: 'Window@2026x',
      roles: ['clerk'],
      regionCode: '211100',
    };
    expect((await t.app.inject({ method: 'POST', url: '/api/staff', headers: supervisor, payload })).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: '/api/staff', headers: await t.login('clerk-city') })).statusCode).toBe(403);
  });
});
