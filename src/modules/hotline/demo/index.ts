/** The hotline's part of the demo city: settings, categories, dispatch rules, the knowledge base and some tickets. */
import type { Db } from '../../../platform/db';
import { getRegion } from '../../org/index';
import { DEFAULT_SETTINGS, unitOf } from '../hotline.context';
import { q } from '../hotline.repository';
import { ruleRow } from '../hotline.service';
import { DEMO_CATEGORIES, DEMO_DISPATCH_RULES } from './categories';
import { seedKbDemo } from './kb';
import { seedOpen311Demo } from './open311';
import { seedTicketsDemo } from './tickets';

export async function seedHotlineDemo(db: Db): Promise<void> {
  await q(db)
    .insertInto('hotline_settings')
    .values({
      limits: JSON.stringify(DEFAULT_SETTINGS.limits),
      sign_hours: DEFAULT_SETTINGS.signHours,
      max_reopens: DEFAULT_SETTINGS.maxReopens,
    })
    .execute();
  await q(db)
    .insertInto('hotline_categories')
    .values(DEMO_CATEGORIES.map((c) => ({ code: c.code, name: c.name, parent_code: c.parentCode, sort: c.sort })))
    .execute();
  for (const [category, regionCode, unitCode] of DEMO_DISPATCH_RULES) {
    const region = await getRegion(db, regionCode);
    const unit = await unitOf(db, { kind: /^\d+$/.test(unitCode) ? 'region' : 'department', code: unitCode });
    if (!region || !unit)
      throw new Error(`demo dispatch rule names an unknown region or unit: ${regionCode} ${unitCode}`);
    await q(db)
      .insertInto('hotline_dispatch_rules')
      .values(ruleRow(category, region, unit))
      .execute();
  }
  await seedKbDemo(db);
  await seedOpen311Demo(db);
  await seedTicketsDemo(db, new Date());
}
