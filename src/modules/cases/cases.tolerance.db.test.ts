import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/harness';
import { caseFixtures, foodForm } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { extractPdfText } from '../documents/documents.pdftext';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, createCase, view, act, actOk, upload } = caseFixtures(() => t, 'tolerance');
const auditsOf = async (id: string, action: string) =>
  Number(
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from audit_log where entity_id = ${id} and action = ${action}`.execute(t.db)
    ).rows[0]!.n,
  );

type Doc = { id: string; kind: string };

describe('容缺 is recorded whenever a required material is missing at acceptance', () => {
  it('refuses an acceptance that names no promise; the promise, reminders, notice and certificate follow one record', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const chief = await as('chief-city');
    // the company leaves out m4 and m5, both required and tolerable
    const res = await createCase(company, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials: [
        { materialId: 'm1', fileIds: [await upload(company, '申请书.pdf')] },
        { materialId: 'm3', fileIds: [await upload(company, '布局图.pdf')] },
      ],
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const before = await view(id, clerk);

    // accepted without naming them: 422 naming both; nothing written, no notice issued
    const silent = await act(id, clerk, 'accept');
    expect(silent.statusCode).toBe(422);
    const problem = silent.json();
    expect(problem.code).toBe('deferral_required');
    expect(problem.detail).toContain('m4');
    expect(problem.detail).toContain('m5');
    expect(problem.detail).toContain('约定补交日期');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(['deferredMaterials', 'deferredMaterials']);
    const still = await view(id, clerk);
    expect(still).toMatchObject({ status: 'submitted', version: before.version });
    expect(still.documents).toEqual([]);
    expect(await auditsOf(id, 'cases.case.accept')).toBe(0);

    // naming one of the two still leaves the other owed
    const half = await act(id, clerk, 'accept', { deferredMaterials: [{ materialId: 'm4', dueDate: '2099-06-30' }] });
    expect(half.statusCode).toBe(422);
    expect(half.json().detail).toContain('m5');
    expect(half.json().detail).not.toContain('m4');

    // named with their dates: the case holds two open promises, listed for the clerks
    const c = await actOk(id, clerk, 'accept', {
      deferredMaterials: [
        { materialId: 'm4', dueDate: '2099-06-30' },
        { materialId: 'm5', dueDate: '2099-07-15' },
      ],
    });
    expect(c.status).toBe('accepted');
    expect(c.openPromises.map((p: { materialId: string; dueDate: string }) => [p.materialId, p.dueDate])).toEqual([
      ['m4', '2099-06-30'],
      ['m5', '2099-07-15'],
    ]);
    const open = (await get('/api/cases/promises?state=open&pageSize=100', clerk)).json();
    expect(open.items.filter((p: { caseId: string }) => p.caseId === id)).toHaveLength(2);

    // the acceptance notice lists exactly those materials, each with its own promised date
    const notice = c.documents.find((d: Doc) => d.kind === 'acceptance_notice');
    const pdf = await get(`/api/cases/${id}/documents/${notice.id}`, clerk);
    const text = extractPdfText(pdf.rawPayload).text.replace(/\s+/g, '');
    expect(text).toContain('容缺受理');
    expect(text).toMatch(/规章制度目录（2099年0?6月30日前补齐）/);
    expect(text).toMatch(/培训合格证明（2099年0?7月15日前补齐）/);

    // the licence is decided but not issued while the promises are open
    await actOk(id, await as('approver-city'), 'review-pass');
    await actOk(id, await as('approver-city'), 'inspection-pass');
    await actOk(id, chief, 'grant');
    const blocked = await act(id, clerk, 'issue-certificate');
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().code).toBe('promise_open');
  });
});
