import { describe, expect, it } from 'vitest';
import { getProcessDefinition, transition, validateDefinition } from '../../workflow/index';
import { ItemGuide } from '../catalog.schemas';
import { buildGuide } from './build';
import { DEMO_ITEMS } from './seed';

const guide = (name: string) => buildGuide(DEMO_ITEMS.find((s) => s.name === name)!);

describe('demo items and their process definitions', () => {
  it('食品经营许可 and 建筑工程施工许可证核发 carry their own definition with 现场踏勘', () => {
    for (const [name, limit] of [
      ['食品经营许可', 2],
      ['建筑工程施工许可证核发', 1],
    ] as const) {
      const g = guide(name);
      expect(g.workflow, name).toBeDefined();
      expect(ItemGuide.parse(g).workflow, name).toEqual(g.workflow);
      expect(
        g.workflow!.steps.find((s) => s.code === 'site_inspection'),
        name,
      ).toEqual({ code: 'site_inspection', label: '现场踏勘', limitDays: limit });
      expect(
        g.process.map((p) => p.step),
        name,
      ).toContain('现场踏勘');
      const def = getProcessDefinition(g);
      expect(def, name).toBe(g.workflow);
      const r = transition(def, { status: 'accepted', suspendedFrom: null }, 'review-pass', {
        performers: ['approver'],
      });
      expect(r, name).toMatchObject({ ok: true, status: 'site_inspection' });
    }
  });

  it('items without a definition keep the default of their handling type, and every one is valid', () => {
    const plain = DEMO_ITEMS.filter((s) => !s.workflow);
    expect(plain.length).toBeGreaterThanOrEqual(DEMO_ITEMS.length - 2);
    expect(getProcessDefinition(guide('个体工商户设立登记')).key).toBe('immediate');
    expect(getProcessDefinition(guide('最低生活保障审批')).key).toBe('standard');
    for (const s of DEMO_ITEMS) {
      const g = buildGuide(s);
      if (!s.workflow) expect('workflow' in g, s.name).toBe(false);
      expect(validateDefinition(getProcessDefinition(g)), s.name).toEqual([]);
    }
  });

  it('ItemGuide rejects an invalid definition, naming the field inside the guide', () => {
    const g = guide('食品经营许可');
    const actions = g.workflow!.actions.map((a) => (a.action === 'inspection-pass' ? { ...a, to: 'inspected' } : a));
    const r = ItemGuide.safeParse({ ...g, workflow: { ...g.workflow!, actions } });
    const i = actions.findIndex((a) => a.action === 'inspection-pass');
    expect(r.error!.issues.map((x) => [x.path.join('.'), x.message])).toContainEqual([
      `workflow.actions.${i}.to`,
      '操作「踏勘通过」的目标环节「inspected」不存在',
    ]);
  });
});
