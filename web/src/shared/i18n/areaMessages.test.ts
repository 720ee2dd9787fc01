import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';
import { accountZh } from './account.zh-CN';
import { adminAreaZh } from './admin.area.zh-CN';
import { hotlineZh } from './hotline.zh-CN';
import { hotlineReportsZh } from './hotlineReports.zh-CN';
import { issuingZh } from './issuing.zh-CN';
import { portalAreaZh } from './portal.area.zh-CN';
import { regulationZh } from './regulation.zh-CN';
import { tasksZh } from './tasks.zh-CN';
import { workbenchAreaZh } from './workbench.area.zh-CN';

/**
 * Chinese texts that are not in the shared dictionary come with the code that reads them (`addMessages`). A file
 * that names one of their keys must add that dictionary itself, or belong to the area whose app adds it; else the
 * page would show the key instead of the text.
 */
const WEB = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const AREA_DICTIONARIES: { name: string; keys: object; addedBy?: string }[] = [
  { name: 'adminAreaZh', keys: adminAreaZh, addedBy: 'apps/admin/' },
  { name: 'workbenchAreaZh', keys: workbenchAreaZh, addedBy: 'apps/workbench/' },
  { name: 'issuingZh', keys: issuingZh, addedBy: 'apps/workbench/' },
  { name: 'hotlineZh', keys: hotlineZh, addedBy: 'apps/hotline/' },
  { name: 'hotlineReportsZh', keys: hotlineReportsZh, addedBy: 'apps/hotline/' },
  { name: 'regulationZh', keys: regulationZh, addedBy: 'apps/regulation/' },
  { name: 'portalAreaZh', keys: portalAreaZh },
  { name: 'tasksZh', keys: tasksZh },
  { name: 'accountZh', keys: accountZh },
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'api-gen' || e.name === 'i18n' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('area dictionaries', () => {
  const files = sources(WEB).map((file) => ({ rel: path.relative(WEB, file), text: fs.readFileSync(file, 'utf8') }));

  it('are added wherever their keys are read', () => {
    const missing: string[] = [];
    for (const d of AREA_DICTIONARIES) {
      const keys = Object.keys(d.keys);
      const prefixes = [...new Set(keys.map((k) => k.slice(0, k.lastIndexOf('.'))))];
      for (const f of files) {
        if (d.addedBy && f.rel.startsWith(d.addedBy)) continue;
        if (new RegExp(`addMessages\\([^)]*\\b${d.name}\\b`).test(f.text)) continue;
        const named = keys.find((k) => f.text.includes(`'${k}'`) || f.text.includes(`\`${k}\``));
        const built = prefixes.find((p) => f.text.includes(`\`${p}.\${`));
        if (named || built) missing.push(`${f.rel}: ${named ?? `${built}.*`} (${d.name})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are not also in the shared dictionary, and English has every key', () => {
    const shared = new Set(Object.keys(zhCN));
    const all = AREA_DICTIONARIES.flatMap((d) => Object.keys(d.keys));
    expect(all.filter((k) => shared.has(k))).toEqual([]);
    expect([...shared, ...all].filter((k) => !(k in enUS))).toEqual([]);
  });
});
