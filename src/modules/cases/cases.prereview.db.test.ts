import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type Headers as H, type TestApp } from '../../../test/harness';
import { caseFixtures, foodForm } from '../../../test/cases-fixtures';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { extractPdfText } from '../documents/documents.pdftext';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { as, get, createCase, view, act, actOk, upload } = caseFixtures(() => t, 'prereview');
const put = (url: string, h: H, payload: unknown) =>
  t.app.inject({ method: 'PUT', url, headers: h, payload: payload as Record<string, unknown> });
const audits = async (id: string, action: string) =>
  (
    await sql<{
      after: Record<string, unknown>;
    }>`select after from audit_log where entity_id = ${id} and action = ${action} order by id`.execute(t.db)
  ).rows.map((r) => r.after);

const LAYOUT_PROBLEM = '平面布局图未标明各功能区域，请补充标注';

describe('the pre-review checklist is kept on the server and recorded by the step that closes it', () => {
  it('saves each verdict, refuses 符合 for a material never handed in, and feeds the correction notice', async () => {
    const company = await as('company');
    const clerk = await as('clerk-city');
    const materials = await Promise.all(
      ['m1', 'm3', 'm4', 'm5'].map(async (materialId) => ({ materialId, fileIds: [await upload(company)] })),
    );
    const res = await createCase(company, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials,
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const checks = `/api/cases/${id}/checks`;
    expect((await get(checks, clerk)).json()).toEqual({ checks: [] });

    expect((await put(`${checks}/m1`, clerk, { result: 'ok' })).statusCode).toBe(200);
    // m7 (授权委托书, optional) was never handed in: it cannot be 符合
    const never = await put(`${checks}/m7`, clerk, { result: 'ok' });
    expect(never.statusCode).toBe(422);
    expect(never.json().detail).toContain('未提交');
    expect((await put(`${checks}/m42`, clerk, { result: 'ok' })).json().errors[0].field).toBe('materialId');
    expect((await put(`${checks}/m1`, clerk, { result: 'fine' })).json().errors[0].field).toBe('result');
    expect((await put(`${checks}/m3`, clerk, { result: 'problem', problem: LAYOUT_PROBLEM })).statusCode).toBe(200);
    // the applicant neither reads nor writes it
    expect((await get(checks, company)).statusCode).toBe(403);
    expect((await put(`${checks}/m1`, company, { result: 'ok' })).statusCode).toBe(403);

    // another sign-in (another browser) finds the checklist as it was left
    const elsewhere = await as('clerk-city');
    const kept = (await get(checks, elsewhere)).json().checks;
    expect(
      kept.map((c: { materialId: string; result: string; problem: string | null }) => [
        c.materialId,
        c.result,
        c.problem,
      ]),
    ).toEqual([
      ['m1', 'ok', null],
      ['m3', 'problem', LAYOUT_PROBLEM],
    ]);
    expect(kept[1]).toMatchObject({ resultLabel: '有问题', checkedBy: expect.any(String) });

    // a pre-review cannot pass with a problem found, nor with materials unchecked
    const early = await act(id, clerk, 'prereview-pass');
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('checklist_incomplete');
    expect(early.json().detail).toContain('一次性告知');

    // the one-time notice lists the checklist's problem in the clerk's words, once, with what the clerk adds
    const c = await actOk(id, elsewhere, 'request-correction', {
      corrections: [{ field: 'foodSafetyOfficer', problem: '请填写持证的食品安全管理人员' }],
    });
    expect(c.status).toBe('correction_requested');
    expect(c.materials.find((m: { materialId: string }) => m.materialId === 'm3')).toMatchObject({
      status: 'rejected',
      note: LAYOUT_PROBLEM,
    });
    const event = c.history.at(-1);
    expect(event.payload.checks).toEqual([
      { materialId: 'm1', name: '食品经营许可申请书', result: 'ok' },
      { materialId: 'm3', name: expect.stringContaining('经营布局'), result: 'problem', problem: LAYOUT_PROBLEM },
    ]);
    expect(event.payload.corrections).toHaveLength(2);
    const [audit] = await audits(id, 'cases.case.request-correction');
    expect(audit!.checks).toEqual(event.payload.checks);
    expect((await audits(id, 'cases.case.check')).map((a) => [a.materialId, a.result])).toEqual([
      ['m1', 'ok'],
      ['m3', 'problem'],
    ]);
    const doc = c.documents.find((d: { kind: string }) => d.kind === 'correction_notice');
    const text = extractPdfText((await get(`/api/cases/${id}/documents/${doc.id}`, company)).rawPayload).text.replace(
      /\s+/g,
      '',
    );
    expect(text).toContain(
      `${c.materials.find((m: { materialId: string }) => m.materialId === 'm3').name}：${LAYOUT_PROBLEM}`.replace(
        /\s+/g,
        '',
      ),
    );
    expect(text.split(LAYOUT_PROBLEM).length).toBe(2);
    expect(text).not.toContain('不符合要求，请补正');
    // the step closed the checklist
    expect((await get(checks, clerk)).json().checks).toEqual([]);

    // resubmitted; the clerk passes the pre-review with the whole checklist in the step itself
    const before = await view(id, company);
    const resubmitted: { materialId: string; fileIds: string[] }[] = [];
    for (const m of before.materials as { materialId: string; files: { id: string }[] }[]) {
      if (!m.files.length) continue;
      const fileIds = m.materialId === 'm3' ? [await upload(company, '布局图-修改.pdf')] : m.files.map((f) => f.id);
      resubmitted.push({ materialId: m.materialId, fileIds });
    }
    await actOk(id, company, 'resubmit', {
      form: { ...foodForm, foodSafetyOfficer: '李娜（证书 A123）' },
      materials: resubmitted,
    });
    const all = ['m1', 'm3', 'm4', 'm5'].map((materialId) => ({ materialId, result: 'ok' }));
    const notSubmitted = await act(id, clerk, 'prereview-pass', {
      checks: [...all, { materialId: 'm7', result: 'ok' }],
    });
    expect(notSubmitted.statusCode).toBe(422);
    expect(notSubmitted.json().errors[0].field).toBe('checks.4.result');
    const passed = await actOk(id, clerk, 'prereview-pass', { checks: all });
    expect(passed.status).toBe('prereviewed');
    expect(passed.history.at(-1).payload.checks.map((x: { materialId: string }) => x.materialId)).toEqual([
      'm1',
      'm3',
      'm4',
      'm5',
    ]);
    expect((await audits(id, 'cases.case.prereview-pass'))[0]!.checks).toHaveLength(4);
  });
});
