import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every API call goes through the typed client (shared/client.ts): no page calls fetch itself or builds an
// `/api/…` address by hand. A path is written only as a schema path (`'/api/cases/{id}'`), which the client's
// types check against the generated `paths`.
const ROOT = path.dirname(new URL(import.meta.url).pathname);
// early.ts starts, as the app loads, requests the client's first GETs then take (see client.ts).
const ALLOWED = new Set(['shared/client.ts', 'shared/early.ts']);
const SCHEMA = fs.readFileSync(path.join(ROOT, 'shared/api-gen/schema.d.ts'), 'utf8');
const PATHS = new Set([...SCHEMA.matchAll(/^ {4}"(\/api[^"]*)": \{/gm)].map((m) => m[1]));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'api-gen' ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The code without its comments (which may name paths freely). */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('web client', () => {
  const files = sources(ROOT).filter((f) => !ALLOWED.has(path.relative(ROOT, f)));

  it('finds the sources', () => expect(files.length).toBeGreaterThan(50));

  it('leaves fetch to the client', () => {
    const offenders = files.filter((f) => /\bfetch\s*\(/.test(code(fs.readFileSync(f, 'utf8'))));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it('names API addresses only as schema paths', () => {
    const offenders: string[] = [];
    for (const f of files) {
      const text = code(fs.readFileSync(f, 'utf8'));
      // Each /api/ must open a quoted schema path: after a backtick or `${…}` it is an address built by hand,
      // and a quoted string that is no schema path is a prefix to concatenate onto.
      for (const m of text.matchAll(/\/api\//g)) {
        const quote = text[m.index - 1] ?? '';
        const end = text.indexOf(quote, m.index);
        const literal = quote === "'" || quote === '"' ? text.slice(m.index, end) : null;
        if (literal === null || !PATHS.has(literal))
          offenders.push(`${path.relative(ROOT, f)}: ${text.slice(m.index - 1, m.index + 40).split('\n')[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
