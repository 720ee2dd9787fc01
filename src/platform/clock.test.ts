import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Time comes from the request or job context (`ctx.now`, a job's `now`). A module may read the wall clock only
 * where the instant is not domain time (a process-local timer, a cache's age, a measured duration), and says so
 * with a comment starting `wall clock:` on the same line or the line above.
 */
const MARKER = /\/\/\s*wall clock:/;
const READS = [/\bnew Date\(\)/, /\bDate\.now\(\)/, /\btodayInShanghai\(\)/];

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'modules');

/** Source files under a directory (tests and demo data aside), with their lines. */
function sources(dir: string): { file: string; lines: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'demo' ? [] : sources(p);
    if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) return [];
    return [{ file: p, lines: readFileSync(p, 'utf8').split('\n') }];
  });
}

/** The lines that read the wall clock without the marker on them or on the line above. */
export function unmarkedClockReads(lines: string[]): number[] {
  return lines.flatMap((line, i) =>
    READS.some((re) => re.test(line)) && !MARKER.test(line) && !(i > 0 && MARKER.test(lines[i - 1]!)) ? [i + 1] : [],
  );
}

describe('time only through the request or job context', () => {
  it('no module reads the wall clock without saying why', () => {
    const found = readdirSync(modulesDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => sources(path.join(modulesDir, e.name)))
      .flatMap(({ file, lines }) =>
        unmarkedClockReads(lines).map((n) => `${path.relative(modulesDir, file)}:${n}: ${lines[n - 1]!.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('the check finds an unmarked read and accepts a marked one', () => {
    expect(unmarkedClockReads(['const at = new Date();'])).toEqual([1]);
    expect(unmarkedClockReads(['if (x.getTime() < Date.now()) throw gone();'])).toEqual([1]);
    expect(unmarkedClockReads(['const today = todayInShanghai();'])).toEqual([1]);
    expect(unmarkedClockReads(['const today = todayInShanghai(ctx.now);', 'new Date(row.at)'])).toEqual([]);
    expect(unmarkedClockReads(['const t0 = Date.now(); // wall clock: measures a duration'])).toEqual([]);
    expect(
      unmarkedClockReads(['// wall clock: a cache entry ages in process time', 'const now = Date.now();']),
    ).toEqual([]);
  });
});
