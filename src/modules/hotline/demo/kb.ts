/** The demo knowledge base: the catalog's item guides as entries, and the hand-written FAQ, all published. */
import type { Db } from '../../../platform/db';
import { getPublishedItem, listItems, type ItemDetail } from '../../catalog/index';
import { entryIndex } from '../hotline.kb.rules';
import { q } from '../hotline.repository';
import { DEMO_FAQ } from './faq';

/** What a caller asks about an item, answered from its guide: conditions, materials, time, place, phone. */
export function guideEntry(g: ItemDetail) {
  const lines = [
    g.acceptanceConditions.length ? `办理条件：${g.acceptanceConditions.join('；')}` : '',
    g.materials.length ? `所需材料：${g.materials.map((m) => m.name).join('、')}` : '',
    `承诺时限：${g.promisedLimit.days ? `${g.promisedLimit.days} 个工作日` : '即办'}；法定时限：${g.statutoryLimit.days} 个工作日`,
    `办理地点：${g.hall.name}（${g.hall.address}），${g.hall.hours}`,
    `咨询电话：${g.contacts.consultPhone}`,
  ].filter(Boolean);
  return {
    question: `如何办理${g.name}？`,
    answer: lines.join('\n'),
    source_department: g.departmentName ?? g.implementingBody.name,
    origin: `catalog:${g.code}`,
  };
}

export async function seedKbDemo(db: Db): Promise<number> {
  const guides = (await Promise.all((await listItems(db)).map((i) => getPublishedItem(db, i.code)))).filter(
    (g): g is ItemDetail => !!g,
  );
  const rows = [
    ...guides.map((g) => ({ ...guideEntry(g), category_code: 'ZWFW-ZC' })),
    ...DEMO_FAQ.map(([category, question, answer, source]) => ({
      question,
      answer,
      source_department: source,
      origin: 'faq',
      category_code: category,
    })),
  ].map((r) => ({ ...r, ...entryIndex(r.question, r.answer), state: 'published' as const }));
  const entries = await q(db).insertInto('hotline_kb_entries').values(rows).returningAll().execute();
  await q(db)
    .insertInto('hotline_kb_versions')
    .values(
      entries.map((e) => ({
        entry_id: e.id,
        version: 1,
        question: e.question,
        answer: e.answer,
        category_code: e.category_code,
        source_department: e.source_department,
        state: e.state,
        by_name: '系统导入',
      })),
    )
    .execute();
  return entries.length;
}
