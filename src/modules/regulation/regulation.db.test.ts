import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { chasePushes, collectGrants } from './index';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, post, put, delete: del, actOk, registerIndividual, auditCount } = caseFixtures(() => t, 'regulation');
type Push = {
  id: string;
  caseId: string;
  status: string;
  version: number;
  itemCode: string;
  entityName: string;
  overdue: boolean;
  result: string | null;
  resultLabel: string | null;
  dueOn: string | null;
};
type Target = { id: string; entityName: string; regionCode: string; inspectors: { accountId: string; name: string }[] };

/** clerk-city grants 张明's 个体工商户设立登记 (即办件); the push job picks it up. */
async function grantedIndividual(clerk: H): Promise<string> {
  const id = (await registerIndividual(clerk)).id;
  await actOk(id, clerk, 'accept');
  expect((await actOk(id, clerk, 'grant')).status).toBe('granted');
  return id;
}
const pushOf = async (caseId: string) =>
  (
    await sql<{
      id: string;
      status: string;
      version: number;
    }>`select id, status, version from regulation_pushes where case_id = ${caseId}`.execute(t.db)
  ).rows[0];

describe('双推送', () => {
  let clerk: H, regulator: H, inspectorA: H, chief: H, countyApprover: H, admin: H, supervisor: H;
  beforeAll(async () => {
    clerk = await as('clerk-city');
    regulator = await as('regulator-city');
    inspectorA = await as('inspector-a');
    chief = await as('chief-city');
    countyApprover = await as('approver-county');
    admin = await as('admin');
    supervisor = await as('supervisor');
  });

  it('the demo city has an answered push and an overdue one in the 市场监管局 inbox', async () => {
    const res = await get('/api/regulation/pushes?box=inbox', regulator);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Push[];
    const food = items.find((p) => p.itemCode === DEMO_ITEM_CODES.foodBusiness)!;
    expect(food).toMatchObject({
      status: 'returned',
      result: 'qualified',
      resultLabel: '检查合格',
      entityName: '盘锦辽河示范科技有限公司',
    });
    const person = items.find((p) => p.itemCode === DEMO_ITEM_CODES.individualBusiness)!;
    expect(person).toMatchObject({ status: 'pushed', overdue: true, entityName: '张*' });
    const overdue = (await get('/api/regulation/pushes?box=inbox&overdue=true', regulator)).json();
    expect(overdue.items.map((p: Push) => p.id)).toEqual([person.id]);
    // the same list as an Excel ledger
    const xlsx = await get('/api/regulation/pushes.xlsx?box=inbox&overdue=true', regulator);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('推送台账')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(3).getCell(2).value).toBe('张*');
    expect(String(ws.getRow(3).getCell(8).value)).toContain('逾期');
  });

  it('pushes a newly granted case once, to the regulator configured for the item', async () => {
    const caseId = await grantedIndividual(clerk);
    const first = await collectGrants(t.db, new Date());
    expect(first.pushed).toBeGreaterThanOrEqual(1);
    const again = await collectGrants(t.db, new Date());
    expect(again.pushed).toBe(0);
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from regulation_pushes where case_id = ${caseId}`.execute(t.db);
    expect(rows.rows[0]!.n).toBe(1);
    const p = (await pushOf(caseId))!;
    const view = (await get(`/api/regulation/pushes/${p.id}`, regulator)).json();
    expect(view).toMatchObject({
      status: 'pushed',
      statusLabel: '已推送待签收',
      regulatorDepartmentName: '盘锦市市场监督管理局',
      overdue: false,
    });
    expect(view.dueOn > view.grantedOn).toBe(true);
    // the directory of approved entities has it too
    const dir = (
      await get(`/api/regulation/entities?itemCode=${DEMO_ITEM_CODES.individualBusiness}&pageSize=200`, regulator)
    ).json();
    expect(dir.items.some((e: { name: string; source: string }) => e.name === '张*' && e.source === 'grant')).toBe(
      true,
    );
  });

  it('the regulator confirms, then returns its result; the approving department sees it; others get 404', async () => {
    const caseId = await grantedIndividual(clerk);
    await collectGrants(t.db, new Date());
    const p = (await pushOf(caseId))!;
    // outside the regulator and outside the approving side's scope
    expect((await get(`/api/regulation/pushes/${p.id}`, countyApprover)).statusCode).toBe(404);
    expect((await post(`/api/regulation/pushes/${p.id}/receive`, chief, { version: p.version })).statusCode).toBe(404);
    // result before receipt
    const early = await post(`/api/regulation/pushes/${p.id}/result`, regulator, {
      version: p.version,
      result: 'qualified',
      text: '合格',
      resultOn: '2026-01-05',
    });
    expect(early.statusCode).toBe(422);
    expect(
      (await post(`/api/regulation/pushes/${p.id}/receive`, regulator, { version: p.version + 1 })).statusCode,
    ).toBe(409);
    const before = await auditCount('regulation.push.receive');
    const rec = await post(`/api/regulation/pushes/${p.id}/receive`, inspectorA, { version: p.version });
    expect(rec.statusCode, rec.body).toBe(200);
    expect(rec.json()).toMatchObject({ status: 'received', receivedByName: '冯志强' });
    expect(await auditCount('regulation.push.receive')).toBe(before + 1);
    expect(
      (await post(`/api/regulation/pushes/${p.id}/receive`, regulator, { version: rec.json().version })).statusCode,
    ).toBe(422);

    const bad = await post(`/api/regulation/pushes/${p.id}/result`, regulator, {
      version: rec.json().version,
      result: 'fine',
      text: '',
      resultOn: '2099-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['result', 'text']),
    );
    const future = await post(`/api/regulation/pushes/${p.id}/result`, regulator, {
      version: rec.json().version,
      result: 'rectify',
      text: '责令整改',
      resultOn: '2099-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].field).toBe('resultOn');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await post(`/api/regulation/pushes/${p.id}/result`, regulator, {
      version: rec.json().version,
      result: 'rectify',
      text: '经营场所与登记不符，责令整改',
      resultOn: today,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', resultLabel: '责令整改' });
    expect(await auditCount('regulation.push.result')).toBeGreaterThanOrEqual(1);

    // 审批部门: the city sees the result; the county approver (other region) does not see the push
    const out = (await get('/api/regulation/pushes?box=outbox&status=returned&pageSize=200', supervisor)).json();
    expect(out.items.find((x: Push) => x.id === p.id)).toMatchObject({ result: 'rectify', resultLabel: '责令整改' });
    const county = (await get('/api/regulation/pushes?box=outbox&pageSize=200', countyApprover)).json();
    expect(county.items.find((x: Push) => x.id === p.id)).toBeUndefined();
    // a clerk is not on the approving side
    expect((await get('/api/regulation/pushes?box=outbox', clerk)).statusCode).toBe(403);
    expect((await get('/api/regulation/pushes?box=elsewhere', regulator)).statusCode).toBe(400);
  });

  it('holds a grant without a regulator and pushes it when the mapping is configured', async () => {
    const list = (await get(`/api/regulation/assignments?q=${encodeURIComponent('个体工商户')}`, admin)).json();
    const mapping = list.items.find((a: { regionCode: string }) => a.regionCode === '211100');
    expect(mapping.departmentCode).toBe('PJ-SCJG');
    expect((await del(`/api/regulation/assignments/${mapping.id}`, regulator)).statusCode).toBe(403);
    expect((await del(`/api/regulation/assignments/${mapping.id}`, admin)).statusCode).toBe(200);

    const caseId = await grantedIndividual(clerk);
    const r = await collectGrants(t.db, new Date());
    expect(r.unassigned).toBe(1);
    expect((await pushOf(caseId))!.status).toBe('unassigned');

    const bad = await post('/api/regulation/assignments', admin, {
      itemCode: 'NOPE-1',
      regionCode: '211100',
      departmentCode: 'PJ-SCJG',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('itemCode');
    const created = await post('/api/regulation/assignments', admin, {
      itemCode: DEMO_ITEM_CODES.individualBusiness,
      regionCode: '211100',
      departmentCode: 'PJ-SCJG',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().assignedPushes).toBe(1);
    expect((await pushOf(caseId))!.status).toBe('pushed');
    const dup = await post('/api/regulation/assignments', admin, {
      itemCode: DEMO_ITEM_CODES.individualBusiness,
      regionCode: '211100',
      departmentCode: 'PJ-SCJG',
    });
    expect(dup.statusCode).toBe(409);
    const stale = await put(`/api/regulation/assignments/${created.json().id}`, admin, {
      departmentCode: 'PJ-ZJ',
      version: 9,
    });
    expect(stale.statusCode).toBe(409);
    expect(await auditCount('regulation.assignment.create')).toBeGreaterThanOrEqual(1);
  });

  it('chases an unconfirmed push once per working day, reminding the regulator roster', async () => {
    const caseId = await grantedIndividual(clerk);
    await collectGrants(t.db, new Date());
    await sql`update regulation_pushes set due_on = '2026-11-18', reminded_on = null where case_id = ${caseId}`.execute(
      t.db,
    );
    const messages = async () =>
      Number(
        (
          await sql<{
            n: number;
          }>`select count(*)::int as n from messages where kind = 'regulation.push.overdue'`.execute(t.db)
        ).rows[0]!.n,
      );
    const before = await messages();
    expect(await chasePushes(t.db, new Date('2026-11-24T02:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await messages()).toBeGreaterThanOrEqual(before + 5); // five people on the 市场监管局 roster
    expect(await chasePushes(t.db, new Date('2026-11-24T02:00:00Z'))).toBe(0);
    expect(await chasePushes(t.db, new Date('2026-11-28T02:00:00Z'))).toBe(0); // a Saturday
    const row = (
      await sql<{
        reminders: number;
        version: number;
      }>`select reminders, version from regulation_pushes where case_id = ${caseId}`.execute(t.db)
    ).rows[0]!;
    expect(row.reminders).toBe(1);
    // a reminder does not make the regulator's open page stale
    expect(row.version).toBe(1);
  });

  it('a run reads only new grants, and fills in a licence issued after the grant', async () => {
    const caseId = await grantedIndividual(clerk);
    expect(await collectGrants(t.db, new Date())).toMatchObject({ pushed: 1, unassigned: 0, licensed: 0 });
    expect(await collectGrants(t.db, new Date())).toMatchObject({ pushed: 0, unassigned: 0, licensed: 0 });
    const licenceOf = async (id: string) =>
      (
        await sql<{ push: string | null; entity: string | null }>`
        select p.licence_number as push, e.licence_number as entity
          from regulation_pushes p join regulation_entities e on e.case_id = p.case_id where p.case_id = ${id}`.execute(
          t.db,
        )
      ).rows[0]!;
    expect(await licenceOf(caseId)).toEqual({ push: null, entity: null });
    const certificateNumber = async (id: string) =>
      ((await get(`/api/cases/${id}`, clerk)).json().documents as { kind: string; number: string }[])
        .filter((d) => d.kind === 'certificate')
        .at(-1)!.number;

    // 制证 after the push: the next run fills the number in, once.
    await actOk(caseId, clerk, 'issue-certificate');
    const number = await certificateNumber(caseId);
    expect(number).toMatch(/字〔\d{4}〕第\d{6}号$/);
    expect(await collectGrants(t.db, new Date())).toMatchObject({ pushed: 0, licensed: 1 });
    expect(await licenceOf(caseId)).toEqual({ push: number, entity: number });
    expect(await collectGrants(t.db, new Date())).toMatchObject({ pushed: 0, licensed: 0 });

    // Granted and certified between two runs: pushed with its licence in one run.
    const both = await grantedIndividual(clerk);
    await actOk(both, clerk, 'issue-certificate');
    expect(await collectGrants(t.db, new Date())).toMatchObject({ pushed: 1, licensed: 1 });
    expect(await licenceOf(both)).toEqual({
      push: await certificateNumber(both),
      entity: await certificateNumber(both),
    });

    // Its certificate read before the grant had a push (a grant committed late): the grant pass looks the number up itself.
    const late = await grantedIndividual(clerk);
    await actOk(late, clerk, 'issue-certificate');
    await sql`update regulation_cursor set after_updated_at = now() + interval '1 hour' where name = 'certificate-events'`.execute(
      t.db,
    );
    expect(await collectGrants(t.db, new Date())).toMatchObject({ pushed: 1, licensed: 0 });
    expect((await licenceOf(late)).push).toBe(await certificateNumber(late));

    // Without its cursors the job reads the whole history again and still records nothing twice.
    await sql`delete from regulation_cursor`.execute(t.db);
    const replay = await collectGrants(t.db, new Date());
    expect(replay.seen).toBeGreaterThanOrEqual(5);
    expect(replay).toMatchObject({ pushed: 0, unassigned: 0, licensed: 0 });
    const dups = await sql<{
      n: number;
    }>`select count(*)::int as n from (select case_id from regulation_pushes group by case_id having count(*) > 1) d`.execute(
      t.db,
    );
    expect(dups.rows[0]!.n).toBe(0);
  });
});

describe('名录库', () => {
  it('adds staff of a department to the inspector roster, validating account and certificate', async () => {
    const admin = await as('admin');
    const bad = await post('/api/regulation/inspectors', admin, { username: 'nobody', certificateNumber: '12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('certificateNumber');
    const missing = await post('/api/regulation/inspectors', admin, {
      username: 'nobody',
      certificateNumber: '21110020990001',
    });
    expect(missing.json().errors[0].field).toBe('username');
    const applicant = await post('/api/regulation/inspectors', admin, {
      username: 'applicant',
      certificateNumber: '21110020990001',
    });
    expect(applicant.statusCode).toBe(400);
    const dup = await post('/api/regulation/inspectors', admin, {
      username: 'inspector-a',
      certificateNumber: '21110020990001',
    });
    expect(dup.statusCode).toBe(409);
    const regulator = await as('regulator-city');
    expect(
      (
        await post('/api/regulation/inspectors', regulator, {
          username: 'approver-city',
          certificateNumber: '21110020990001',
        })
      ).statusCode,
    ).toBe(403);
    const list = (await get('/api/regulation/inspectors', regulator)).json();
    expect(list.items.map((i: { username: string }) => i.username).sort()).toEqual([
      'inspector-a',
      'inspector-b',
      'inspector-c',
      'inspector-d',
      'regulator-city',
    ]);
    const a = list.items.find((i: { username: string }) => i.username === 'inspector-a');
    const upd = await put(`/api/regulation/inspectors/${a.accountId}`, admin, {
      certificateNumber: a.certificateNumber,
      residenceRegionCode: '999999',
      conflicts: [],
      active: true,
      version: a.version,
    });
    expect(upd.json().errors[0].field).toBe('residenceRegionCode');
  });
});

describe('双随机、一公开', () => {
  let regulator: H;
  let planId: string;
  let targets: Target[];
  let version: number;
  beforeAll(async () => {
    regulator = await as('regulator-city');
  });

  it('the demo plan is published on the portal without login, names masked', async () => {
    const list = await get('/api/public/inspections');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(1);
    const plan = list.json().items[0];
    expect(plan.problems).toBe(1);
    const detail = (await get(`/api/public/inspections/${plan.id}`)).json();
    expect(detail.targets).toHaveLength(3);
    for (const tg of detail.targets) for (const n of tg.inspectors) expect(n).toMatch(/^.\*+$/);
    expect(detail.targets.map((x: { result: string }) => x.result)).toContain('发现问题');
  });

  it('creates a plan and draws reproducibly, avoiding conflicts', async () => {
    const bad = await post('/api/regulation/plans', regulator, {
      name: '',
      targetRegionCode: '211100',
      targetCount: 0,
      inspectorsPerTarget: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['name', 'targetCount', 'inspectorsPerTarget']),
    );
    const res = await post('/api/regulation/plans', regulator, {
      name: '食品经营者专项抽查',
      targetRegionCode: '211100',
      itemCodes: [DEMO_ITEM_CODES.foodBusiness],
      targetCount: 7,
      inspectorsPerTarget: 2,
    });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    // another department's staff cannot see it
    expect((await get(`/api/regulation/plans/${planId}`, await as('approver-county'))).statusCode).toBe(404);

    const before = await auditCount('regulation.plan.draw');
    const drawn = await post(`/api/regulation/plans/${planId}/draw`, regulator, { version: res.json().version });
    expect(drawn.statusCode, drawn.body).toBe(200);
    const plan = drawn.json();
    expect(plan.status).toBe('drawn');
    expect(plan.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(await auditCount('regulation.plan.draw')).toBe(before + 1);
    targets = plan.targets;
    version = plan.version;
    expect(targets).toHaveLength(7);
    const names = Object.fromEntries(
      (await get('/api/regulation/inspectors', regulator))
        .json()
        .items.map((i: { accountId: string; username: string }) => [i.username, i.accountId]),
    );
    for (const tg of targets) {
      expect(tg.inspectors).toHaveLength(2);
      const ids = tg.inspectors.map((i) => i.accountId);
      if (tg.regionCode.startsWith('211103')) expect(ids).not.toContain(names['inspector-a']);
      if (tg.regionCode.startsWith('211104')) expect(ids).not.toContain(names['inspector-c']);
      if (tg.entityName === '盘锦辽河示范科技有限公司') expect(ids).not.toContain(names['inspector-b']);
    }
    const verify = (await get(`/api/regulation/plans/${planId}/verify`, regulator)).json();
    expect(verify).toMatchObject({ reproducible: true, targets: 7, seed: plan.seed });
    // immutable
    expect((await post(`/api/regulation/plans/${planId}/draw`, regulator, { version })).statusCode).toBe(422);
  });

  it('a draw with too few candidates is refused and nothing is recorded', async () => {
    const res = await post('/api/regulation/plans', regulator, {
      name: '超额抽查',
      targetRegionCode: '211100',
      targetCount: 400,
      inspectorsPerTarget: 2,
    });
    const r = await post(`/api/regulation/plans/${res.json().id}/draw`, regulator, { version: res.json().version });
    expect(r.statusCode).toBe(422);
    expect(r.json().detail).toContain('少于计划抽取的 400 个');
    expect((await get(`/api/regulation/plans/${res.json().id}`, regulator)).json()).toMatchObject({
      status: 'draft',
      seed: null,
      targets: [],
    });
  });

  it('records results and publishes only when every target has one', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const noText = await post(`/api/regulation/plans/${planId}/targets/${targets[0]!.id}/result`, regulator, {
      result: 'problem',
      resultOn: today,
    });
    expect(noText.statusCode).toBe(400);
    expect(noText.json().errors[0].field).toBe('text');
    expect((await post(`/api/regulation/plans/${planId}/publish`, regulator, { version })).statusCode).toBe(422);
    for (const [i, tg] of targets.entries()) {
      const r = await post(
        `/api/regulation/plans/${planId}/targets/${tg.id}/result`,
        regulator,
        i === 0
          ? { result: 'problem', text: '未公示许可证', resultOn: today }
          : { result: 'qualified', resultOn: today },
      );
      expect(r.statusCode, r.body).toBe(200);
    }
    const pub = await post(`/api/regulation/plans/${planId}/publish`, regulator, { version });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().status).toBe('published');
    const again = await post(`/api/regulation/plans/${planId}/targets/${targets[0]!.id}/result`, regulator, {
      result: 'qualified',
      resultOn: today,
    });
    expect(again.statusCode).toBe(422);
    const pubDetail = (await get(`/api/public/inspections/${planId}`)).json();
    expect(pubDetail).toMatchObject({ name: '食品经营者专项抽查', problems: 1, targetCount: 7 });
    expect(pubDetail.targets[0]).toMatchObject({ result: '发现问题', resultText: '未公示许可证' });
    expect((await get('/api/public/inspections/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
