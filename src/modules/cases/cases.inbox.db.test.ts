/** Who sees what, the inbox, special procedures 特别程序, bad input, the history and the demo cases. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures, COMPANY_CODE, individualForm, PERSON, foodForm } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { reclockOpenCases } from './cases.reclock';
import { casesClockLog } from './db/migrations/20261206T1600_cases_clock_log';
import { casesTracking } from './db/migrations/20261212T0900_cases_tracking';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => t.pinClock(null));

const { as, get, post, createCase, view, act, actOk, registerIndividual, upload, fileFood, eventCount } = caseFixtures(
  () => t,
);

/** 城乡居民基本养老保险 is decided by the county: an online applicant names it (张明 lives in 兴隆台区). */
const PENSION_COUNTY = '211103';

describe('roles and scopes', () => {
  it('403 when the role may not take the action', async () => {
    const company = await as('company');
    const approver = await as('approver-city');
    const { id } = await fileFood(company);
    expect((await act(id, company, 'accept')).statusCode).toBe(403);
    expect((await act(id, approver, 'accept')).statusCode).toBe(403);
  });

  it('404 outside the scope: a county clerk on a city case, another applicant, a department that does not handle it', async () => {
    const company = await as('company');
    const { id } = await fileFood(company);
    const county = await as('clerk-county');
    const zhang = await as('applicant');
    for (const h of [county, zhang]) {
      expect((await get(`/api/cases/${id}`, h)).statusCode).toBe(404);
      expect((await post(`/api/cases/${id}/actions`, h, { action: 'accept', version: 2 })).statusCode).toBe(404);
    }
    expect(
      (await get('/api/cases?view=all&pageSize=200', county)).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    expect((await get('/api/cases?pageSize=200', zhang)).json().items.map((i: { id: string }) => i.id)).not.toContain(
      id,
    );
    const doc = await get(`/api/cases/${id}/documents/00000000-0000-4000-8000-000000000000`, county);
    expect(doc.statusCode).toBe(404);
    // the city approver is bound to 行政审批服务局: a 市场监管 (SCJG) case is not theirs
    const clerk = await as('clerk-city');
    const reg = await createCase(clerk, {
      itemCode: '2111-XK-00005',
      form: {
        companyName: foodForm.companyName,
        creditCode: COMPANY_CODE,
        legalRepresentative: '王志强',
        contactPhone: '13804275678',
        address: foodForm.address,
      },
      materials: ['m1', 'm2', 'm3'].map((materialId) => ({ materialId, fileIds: [], paper: true })),
      submit: true,
      applicant: { kind: 'company', name: foodForm.companyName, creditCode: COMPANY_CODE },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    expect((await get(`/api/cases/${reg.json().id}`, clerk)).statusCode).toBe(200);
    expect((await get(`/api/cases/${reg.json().id}`, await as('approver-city'))).statusCode).toBe(404);
  });

  it('an unsubmitted draft is private to its applicant', async () => {
    const zhang = await as('applicant');
    const res = await createCase(zhang, {
      itemCode: DEMO_ITEM_CODES.residentPension,
      form: { contributionLevel: '500' },
      materials: [],
      submit: false,
      competentRegionCode: PENSION_COUNTY,
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    expect((await get(`/api/cases/${id}`, await as('clerk-city'))).statusCode).toBe(404);
    expect((await get(`/api/cases/${id}`, await as('supervisor'))).statusCode).toBe(404);
    expect((await view(id, zhang)).status).toBe('draft');
  });

  it('a file of another case or user is not served through this case', async () => {
    const company = await as('company');
    const { id } = await fileFood(company);
    const foreign = await upload(company, 'unrelated.pdf');
    expect((await get(`/api/cases/${id}/files/${foreign}`, company)).statusCode).toBe(404);
  });
});

describe('inbox', () => {
  it('shows each staff member what waits for them, filters, and masks personal data', async () => {
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const company = await as('company');
    const { id, number } = await fileFood(company);
    const clerkTodo = (await get('/api/cases?pageSize=200', clerk)).json();
    const row = clerkTodo.items.find((i: { id: string }) => i.id === id);
    expect(row).toMatchObject({
      number,
      status: 'submitted',
      statusLabel: '已提交，待预审',
      deadlineState: 'not_started',
    });
    expect(row.applicant.idNumberMasked).toBe('912111********2P7J');
    expect(row.applicant.phoneMasked).toBe('138****5678');
    expect(JSON.stringify(clerkTodo)).not.toContain(COMPANY_CODE);
    expect(
      (await get('/api/cases?pageSize=200', approver)).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);

    await actOk(id, clerk, 'accept');
    const approverTodo = (await get('/api/cases?pageSize=200', approver)).json();
    expect(approverTodo.items.map((i: { id: string }) => i.id)).toContain(id);
    // the chief could intervene (suspend) but the next step is the approver's: not in the chief's queue
    expect(
      (await get('/api/cases?pageSize=200', await as('chief-city'))).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(id);
    // the company's own queue holds what waits for it (a correction, a draft), not every open case
    const companyTodo = (await get('/api/cases?view=todo&pageSize=200', company)).json();
    expect(companyTodo.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(companyTodo.items.map((i: { status: string }) => i.status)).toContain('correction_requested');
    expect((await get('/api/cases?pageSize=200', clerk)).json().items.map((i: { id: string }) => i.id)).not.toContain(
      id,
    );

    // the demo's overdue food case is there, and the deadline filter is done in SQL
    const overdue = (await get('/api/cases?deadlineState=overdue&pageSize=200', approver)).json();
    expect(overdue.total).toBeGreaterThan(0);
    expect(
      overdue.items.every(
        (i: { deadlineState: string; deadlineColour: string }) =>
          i.deadlineState === 'overdue' && i.deadlineColour === 'red',
      ),
    ).toBe(true);
    const onTime = (await get('/api/cases?deadlineState=on_time&pageSize=200', approver)).json();
    expect(onTime.items.every((i: { deadlineState: string }) => i.deadlineState === 'on_time')).toBe(true);
    const near = (await get('/api/cases?deadlineState=near&pageSize=200', approver)).json();
    expect(near.items.every((i: { deadlineState: string }) => i.deadlineState === 'near')).toBe(true);
    const all = (await get('/api/cases?pageSize=200', approver)).json();
    expect(overdue.total + onTime.total + near.total).toBeLessThanOrEqual(all.total);

    // sorted by deadline (earliest first) by default
    const deadlines = all.items.map((i: { promisedDeadline: string | null }) => i.promisedDeadline).filter(Boolean);
    expect(deadlines).toEqual([...deadlines].sort());
    // by number, by applicant name, by status and item
    expect(
      (await get(`/api/cases?view=all&q=${number.slice(0, 15)}&pageSize=200`, clerk))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(id);
    expect(
      (await get(`/api/cases?view=all&q=${encodeURIComponent('辽河示范')}&pageSize=200`, clerk)).json().total,
    ).toBeGreaterThan(0);
    const accepted = (
      await get(
        `/api/cases?view=all&status=accepted&itemCode=${DEMO_ITEM_CODES.foodBusiness}&sort=created&pageSize=200`,
        clerk,
      )
    ).json();
    expect(
      accepted.items.every(
        (i: { status: string; itemCode: string }) =>
          i.status === 'accepted' && i.itemCode === DEMO_ITEM_CODES.foodBusiness,
      ),
    ).toBe(true);
    expect(accepted.items[0].id).toBe(id); // newest first
    const today = accepted.items[0].createdAt.slice(0, 10);
    expect((await get(`/api/cases?view=all&from=2000-01-01&to=2000-01-02`, clerk)).json().total).toBe(0);
    expect(today).toMatch(/^\d{4}-/);
  });

  it('lets supervision narrow every case by region, department, hall, window and clerk (监控)', async () => {
    const supervisor = await as('supervisor');
    const clerk = await as('clerk-city');
    const me = (await get('/api/auth/me', clerk)).json().user;
    const { id } = await registerIndividual(clerk);
    const ids = async (query: string, who = supervisor) => {
      const res = await get(`/api/cases?view=all&pageSize=200&${query}`, who);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { id: string }[]).map((i) => i.id);
    };
    const c = await view(id, clerk);
    expect(await ids('regionCode=211100')).toContain(id);
    expect(await ids('regionCode=211102')).not.toContain(id);
    expect(await ids(`departmentCode=${c.departmentCode}`)).toContain(id);
    expect(await ids('departmentCode=NO-SUCH')).toEqual([]);
    expect(await ids(`hallId=${me.scope.hallId}`)).toContain(id);
    expect(await ids('hallId=00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(me.scope.windowId).toBeTruthy();
    expect(await ids(`windowId=${me.scope.windowId}`)).toContain(id);
    expect(await ids('windowId=00000000-0000-4000-8000-000000000000')).toEqual([]);
    expect(await ids(`clerkId=${me.id}`)).toContain(id);
    expect(await ids(`clerkId=${me.id}&regionCode=211102`)).toEqual([]);
    // outside the caller's subtree: 404; malformed: 400 naming the field; applicants may not filter by staff
    expect((await get('/api/cases?view=all&regionCode=211100', await as('clerk-county'))).statusCode).toBe(404);
    const bad = await get('/api/cases?view=all&hallId=x', supervisor);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('hallId');
    expect((await get(`/api/cases?clerkId=${me.id}`, await as('company'))).statusCode).toBe(400);
  });

  it('splits the work into the front desk, the back office and the exit counter (受审分离)', async () => {
    const admin = await as('admin');
    const statuses = async (counter: string) =>
      (
        (await get(`/api/cases?view=all&counter=${counter}&pageSize=100`, admin)).json() as {
          items: { status: string }[];
        }
      ).items.map((i) => i.status);
    const front = await statuses('front');
    const back = await statuses('back');
    const exit = await statuses('exit');
    expect(front.length && back.length).toBeTruthy();
    expect(front.every((s) => ['submitted', 'prereviewed', 'correction_requested'].includes(s))).toBe(true);
    expect(
      back.every(
        (s) =>
          ![
            'draft',
            'submitted',
            'prereviewed',
            'correction_requested',
            'granted',
            'certificate_issued',
            'completed',
            'refused',
            'denied',
            'withdrawn',
          ].includes(s),
      ),
    ).toBe(true);
    expect(exit.every((s) => ['granted', 'certificate_issued'].includes(s))).toBe(true);
    expect((await get('/api/cases?counter=side', admin)).statusCode).toBe(400);
  });

  it('answers bad filters with 400 naming them', async () => {
    const clerk = await as('clerk-city');
    for (const [qs, field] of [
      ['deadlineState=late', 'deadlineState'],
      ['from=2026-02-30', 'from'],
      ['sort=name', 'sort'],
      ['pageSize=1000', 'pageSize'],
    ]) {
      const res = await get(`/api/cases?${qs}`, clerk);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect((await get('/api/cases')).statusCode).toBe(401);
  });
});

describe('special procedures 特别程序', () => {
  it('suspend and resume move the promised deadline by the suspended working days', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const at = (day: string) => () => new Date(`${day}T10:00:00+08:00`);

    t.pinClock(at('2026-11-30')); // Monday
    const { id } = await fileFood(company);
    let c = await actOk(id, clerk, 'accept');
    expect(c.deadlines).toMatchObject({
      acceptedOn: '2026-11-30',
      promised: '2026-12-07',
      statutory: '2026-12-14',
      provisional: false,
    });
    expect((await actOk(id, approver, 'review-pass')).status).toBe('site_inspection');

    t.pinClock(at('2026-12-01'));
    expect((await act(id, approver, 'suspend')).json().errors[0].field).toBe('suspension');
    const unlisted = await act(id, approver, 'suspend', {
      suspension: { kind: 'hearing', reason: '听证', expectedDays: 3 },
    });
    expect(unlisted.statusCode).toBe(422);
    expect(unlisted.json().errors[0].field).toBe('suspension.kind');
    const tooLong = await act(id, approver, 'suspend', {
      suspension: { kind: 'site_inspection', reason: '现场核查', expectedDays: 9 },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().errors[0].field).toBe('suspension.expectedDays');
    c = await actOk(id, approver, 'suspend', {
      suspension: { kind: 'site_inspection', reason: '后厨改造未完工，完工后现场核查', expectedDays: 3 },
    });
    expect(c).toMatchObject({ status: 'suspended', deadlineState: 'suspended', deadlineColour: 'grey' });
    expect(c.availableActions.map((a: { action: string }) => a.action)).toContain('resume');
    const frozen = c.remainingWorkingDays;

    t.pinClock(at('2026-12-03'));
    c = await view(id, approver);
    expect(c.remainingWorkingDays).toBe(frozen); // the clock does not run
    expect(c.deadlines.promised).toBe('2026-12-09');

    t.pinClock(at('2026-12-04')); // Friday: Wed, Thu, Fri suspended
    c = await actOk(id, approver, 'resume', { comment: '现场核查完毕' });
    expect(c.status).toBe('site_inspection');
    expect(c.deadlines).toMatchObject({ promised: '2026-12-10', statutory: '2026-12-17', suspendedWorkdays: 3 });
    expect(c.history.at(-2)).toMatchObject({
      action: 'suspend',
      clock: 'stop',
      payload: { suspension: { kind: 'site_inspection', expectedDays: 3 } },
    });
    expect(c.history.at(-1)).toMatchObject({
      action: 'resume',
      clock: 'resume',
      fromStatus: 'suspended',
      toStatus: 'site_inspection',
    });
    const row = await sql<{
      promised_deadline: string;
      clock_phase: string;
    }>`select promised_deadline, clock_phase from cases where id = ${id}`.execute(t.db);
    expect(row.rows[0]).toEqual({ promised_deadline: '2026-12-10', clock_phase: 'running' });

    t.pinClock(at('2026-12-11')); // the working day after the deadline
    c = await view(id, approver);
    expect(c).toMatchObject({ deadlineState: 'overdue', deadlineColour: 'red', remainingWorkingDays: -1 });
    const overdue = (await get('/api/cases?deadlineState=overdue&pageSize=200', approver)).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('the case row keeps the clock’s log of its history, and a step dates from it', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const approver = await as('approver-city');
    const minimal = { ...approver, prefer: 'return=minimal' };
    const at = (day: string) => () => new Date(`${day}T10:00:00+08:00`);
    t.pinClock(at('2026-11-30'));
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    await actOk(id, approver, 'review-pass');
    t.pinClock(at('2026-12-01'));
    let v = (await view(id, approver)).version;
    const suspension = { kind: 'site_inspection', reason: '现场核查', expectedDays: 3 };
    expect(
      (await post(`/api/cases/${id}/actions`, minimal, { action: 'suspend', version: v, suspension })).statusCode,
    ).toBe(200);
    t.pinClock(at('2026-12-04'));
    expect((await post(`/api/cases/${id}/actions`, minimal, { action: 'resume', version: v + 1 })).statusCode).toBe(
      200,
    );
    v += 2;
    const history = (await view(id, approver)).history as { clock: string | null; at: string }[];
    const row = (
      await sql<{
        clock_log: unknown;
        promised_deadline: string;
      }>`select clock_log, promised_deadline from cases where id = ${id}`.execute(t.db)
    ).rows[0]!;
    expect(row.clock_log).toEqual([
      { on_date: '2026-11-30', clock: 'start' },
      { on_date: '2026-12-01', clock: 'stop' },
      { on_date: '2026-12-04', clock: 'resume' },
    ]);
    expect(history.filter((e) => e.clock).map((e) => e.clock)).toEqual(['start', 'stop', 'resume']);
    // The stored deadline (dated from the log) is the one the case view computes from the whole history.
    expect(row.promised_deadline).toBe('2026-12-10');
    expect((await view(id, approver)).deadlines.promised).toBe('2026-12-10');
    // Steps gathered into one statement append to each row's own log.
    expect(
      (await post(`/api/cases/${id}/actions`, minimal, { action: 'suspend', version: v, suspension })).statusCode,
    ).toBe(200);
    const log = (
      await sql<{ clock_log: { clock: string }[] }>`select clock_log from cases where id = ${id}`.execute(t.db)
    ).rows[0]!.clock_log;
    expect(log.map((e) => e.clock)).toEqual(['start', 'stop', 'resume', 'stop']);
  });

  it('the migration that added the log filled it from each existing case’s history', async () => {
    // the later migration goes and comes back too, so that the columns keep their order (prepared plans read them)
    await casesTracking.down!(t.db);
    await casesClockLog.down!(t.db);
    await casesClockLog.up(t.db);
    await casesTracking.up(t.db);
    const mismatched = await sql<{ id: string }>`
      select c.id from cases c
      where c.clock_log is distinct from coalesce(
        (select jsonb_agg(jsonb_build_object('on_date', e.on_date, 'clock', e.clock) order by e.seq) from case_events e where e.case_id = c.id and e.clock is not null),
        '[]'::jsonb)`.execute(t.db);
    expect(mismatched.rows).toEqual([]);
    const withLog = await sql<{
      n: number;
    }>`select count(*)::int as n from cases where jsonb_array_length(clock_log) > 0`.execute(t.db);
    expect(withLog.rows[0]!.n).toBeGreaterThan(0);
  });

  it('re-dates open cases when the calendar changes (期限重算)', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const admin = await as('admin');
    t.pinClock(() => new Date('2026-11-30T10:00:00+08:00')); // Monday
    await reclockOpenCases(t.db, t.now()); // remembers the calendar the stored deadlines were computed with
    const { id, number } = await fileFood(company);
    expect((await actOk(id, clerk, 'accept')).deadlines.promised).toBe('2026-12-07');
    expect(await reclockOpenCases(t.db, t.now())).toEqual({ calendarChanged: false, checked: 0, updated: 0 });
    const listed = async () => (await get(`/api/cases?view=all&q=${number}`, clerk)).json().items[0];
    const day = (method: 'PUT' | 'DELETE') =>
      t.app.inject({
        method,
        url: '/api/calendar/days/2026-12-02',
        headers: admin,
        ...(method === 'PUT' ? { payload: { kind: 'holiday', name: '临时休假' } } : {}),
      });
    try {
      // a holiday on Wednesday 2 December moves the promised deadline one working day on
      expect((await day('PUT')).statusCode).toBe(200);
      expect((await listed()).promisedDeadline).toBe('2026-12-07'); // stored columns: not yet re-dated
      const r = await reclockOpenCases(t.db, t.now());
      expect(r.calendarChanged).toBe(true);
      expect(r.updated).toBeGreaterThanOrEqual(1);
      expect((await listed()).promisedDeadline).toBe('2026-12-08');
      expect((await view(id, clerk)).deadlines.promised).toBe('2026-12-08');
      expect((await reclockOpenCases(t.db, t.now())).calendarChanged).toBe(false);
    } finally {
      expect((await day('DELETE')).statusCode).toBeLessThan(300);
      await reclockOpenCases(t.db, t.now());
    }
    expect((await listed()).promisedDeadline).toBe('2026-12-07');
  });

  it('marks deadlines in a year without a published calendar as provisional', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    t.pinClock(() => new Date('2026-12-28T10:00:00+08:00'));
    const { id } = await fileFood(company);
    const c = await actOk(id, clerk, 'accept');
    expect(c.deadlines.promised.startsWith('2027-')).toBe(true);
    expect(c.deadlines.provisional).toBe(true);
  });
});

describe('bad input', () => {
  it('names the offending field with a 4xx problem, never a 500', async () => {
    const company = await as('company');
    const zhang = await as('applicant');
    const base = { itemCode: DEMO_ITEM_CODES.foodBusiness, form: foodForm, materials: [], submit: false };
    const cases: [unknown, H, number, string][] = [
      [{ ...base, itemCode: 'NOPE-1' }, company, 400, 'itemCode'],
      [{ ...base, materials: [{ materialId: 'm99', fileIds: [] }] }, company, 400, 'materials.0.materialId'],
      [{ ...base, materials: [{ materialId: 'm1', fileIds: ['not-a-uuid'] }] }, company, 400, 'materials.0.fileIds.0'],
      [
        { ...base, materials: [{ materialId: 'm1', fileIds: ['00000000-0000-4000-8000-000000000009'] }] },
        company,
        400,
        'materials.0.fileIds.0',
      ],
      [{ ...base, form: { ...foodForm, creditCode: '91211103MA0Y8K2P7X' } }, company, 400, 'form.creditCode'],
      [{ ...base, form: { ...foodForm, mainForm: '批发市场' } }, company, 400, 'form.mainForm'],
      [{ ...base, form: { ...foodForm, favouriteColour: 'red' } }, company, 400, 'form.favouriteColour'],
      [{ ...base, form: { ...foodForm, contactPhone: '12345' } }, company, 400, 'form.contactPhone'],
      [{ ...base, submit: true, form: { companyName: 'x' } }, company, 400, 'form.creditCode'],
      [{ ...base, submit: true }, company, 422, 'materials'],
      [{ ...base, submit: 'yes' }, company, 400, 'submit'],
      [{ ...base, applicant: PERSON }, company, 400, 'applicant'],
      [{ ...base, channel: 'window' }, company, 400, 'channel'],
      [{ ...base, itemCode: DEMO_ITEM_CODES.individualBusiness }, company, 400, 'form.companyName'],
      [
        {
          ...base,
          itemCode: DEMO_ITEM_CODES.individualBusiness,
          form: { ...individualForm, idNumber: '110101199003074514' },
        },
        zhang,
        422,
        'form.idNumber',
      ],
    ];
    for (const [body, h, status, field] of cases) {
      const res = await createCase(h, body);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    // somebody else's file
    const foreign = await upload(zhang, 'zhang.pdf');
    const res = await createCase(company, { ...base, materials: [{ materialId: 'm1', fileIds: [foreign] }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('materials.0.fileIds.0');
  });

  it('names unknown actions and missing requirement fields', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    const unknown = await act(id, clerk, 'approve');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('action');
    const noList = await act(id, clerk, 'request-correction');
    expect(noList.statusCode).toBe(400);
    expect(noList.json().errors[0].field).toBe('corrections');
    const badMaterial = await act(id, clerk, 'request-correction', {
      corrections: [{ materialId: 'm42', problem: '缺' }],
    });
    expect(badMaterial.json().errors[0].field).toBe('corrections.0.materialId');
    const noReason = await act(id, clerk, 'refuse', { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const noVersion = await post(`/api/cases/${id}/actions`, clerk, { action: 'accept' });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().errors[0].field).toBe('version');
    const formOnAccept = await act(id, clerk, 'accept', { form: {} });
    expect(formOnAccept.statusCode).toBe(400);
    expect(formOnAccept.json().errors[0].field).toBe('form');
    expect((await get('/api/cases/not-a-uuid', clerk)).statusCode).toBe(400);
    expect((await get('/api/cases/00000000-0000-4000-8000-000000000000', clerk)).statusCode).toBe(404);
    // refusal with a reason ends the case with a refusal notice
    const refused = await actOk(id, clerk, 'refuse', { reason: '申请事项不属于本机关职权范围' });
    expect(refused).toMatchObject({ status: 'refused', availableActions: [] });
    expect(refused.documents.map((d: { kind: string }) => d.kind)).toEqual(['refusal_notice']);
    expect(refused.deadlines.finishedOn).toBeTruthy();
  });
});

describe('history is append-only', () => {
  it('the database refuses to change or delete an event', async () => {
    const company = await as('company');
    const { id } = await fileFood(company);
    await expect(sql`update case_events set comment = 'x' where case_id = ${id}`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from case_events where case_id = ${id}`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await eventCount(id)).toBe(2);
  });

  it('withdrawal before the decision is the applicant’s own, recorded like any step', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const { id } = await fileFood(company);
    await actOk(id, clerk, 'accept');
    expect((await act(id, clerk, 'withdraw')).statusCode).toBe(403);
    const c = await actOk(id, company, 'withdraw', { comment: '经营场所变更，撤回申请' });
    expect(c).toMatchObject({ status: 'withdrawn', deadlineState: 'finished' });
    expect(c.history.at(-1)).toMatchObject({ action: 'withdraw', clock: 'end', comment: '经营场所变更，撤回申请' });
  });
});

describe('API description', () => {
  it('documents the case routes in OpenAPI', async () => {
    const spec = (await get('/api/openapi.json')).json();
    for (const p of [
      '/api/cases',
      '/api/cases/{id}',
      '/api/cases/{id}/actions',
      '/api/cases/{id}/documents/{docId}',
      '/api/cases/{id}/files/{fileId}',
      '/api/track',
    ]) {
      expect(spec.paths[p], p).toBeTruthy();
    }
    expect(spec.paths['/api/cases'].post.tags).toEqual(['cases']);
    expect(spec.paths['/api/track'].get.security).toEqual([]);
  });
});

describe('demo cases', () => {
  it('fill the workbench: the approver has overdue, near and suspended cases; the company sees its own', async () => {
    const approver = await as('approver-city');
    const states = new Set(
      (await get('/api/cases?pageSize=200', approver))
        .json()
        .items.map((i: { deadlineState: string }) => i.deadlineState),
    );
    for (const s of ['overdue', 'near', 'suspended']) expect(states.has(s), s).toBe(true);
    const mine = (await get('/api/cases?pageSize=200', await as('company'))).json();
    expect(mine.items.map((i: { statusLabel: string }) => i.statusLabel)).toEqual(
      expect.arrayContaining(['已办结', '待补正', '特别程序中（暂停计时）']),
    );
  });
});
