import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Actor } from './auth';
import {
  containsPattern,
  escapeLike,
  isInScope,
  prefixPattern,
  regionIn,
  scopeOf,
  scopeSql,
  whereInScope,
  whereRegionIn,
  type Scope,
} from './scope';

interface T {
  rows: {
    id: string;
    region_code: string;
    accept_region_code: string;
    department_code: string;
    hall_id: string | null;
    owner_id: string;
  };
}
const db = new Kysely<T>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const scope = (s: Partial<Scope>): Scope => ({
  regionPrefix: '2111',
  departmentCodes: null,
  hallId: null,
  ownerId: null,
  ...s,
});

describe('LIKE patterns', () => {
  it('escapes the metacharacters % _ and \\', () => {
    expect(escapeLike('a%b_c\\d')).toBe('a\\%b\\_c\\\\d');
    expect(prefixPattern('2111')).toBe('2111%');
    expect(prefixPattern('21_%')).toBe('21\\_\\%%');
    expect(containsPattern('50%')).toBe('%50\\%%');
  });
});

describe('scopeOf', () => {
  const actor = {
    id: 'u1',
    scope: { regionCode: '211103', regionPrefix: '211103', departmentId: 'd1', hallId: 'h1', windowId: null },
  } as Pick<Actor, 'id' | 'scope'>;
  it('takes the region subtree and only what is asked for', () => {
    expect(scopeOf(actor)).toEqual({ regionPrefix: '211103', departmentCodes: null, hallId: null, ownerId: null });
    expect(scopeOf(actor, { departmentCodes: ['A'], hall: true, own: true })).toEqual({
      regionPrefix: '211103',
      departmentCodes: ['A'],
      hallId: 'h1',
      ownerId: 'u1',
    });
  });
});

describe('isInScope', () => {
  const row = { regionCodes: ['211103001000', null], departmentCode: 'A', hallIds: ['h1'], ownerIds: ['u9'] };
  it('tests the region subtree on any of the codes', () => {
    expect(isInScope(scope({}), row)).toBe(true);
    expect(isInScope(scope({ regionPrefix: '211104' }), row)).toBe(false);
    expect(isInScope(scope({ regionPrefix: '211104' }), { ...row, regionCodes: ['211100', '211104001000'] })).toBe(
      true,
    );
  });
  it('narrows to the departments and the hall; an empty department list covers nothing', () => {
    expect(isInScope(scope({ departmentCodes: ['A', 'B'] }), row)).toBe(true);
    expect(isInScope(scope({ departmentCodes: ['B'] }), row)).toBe(false);
    expect(isInScope(scope({ departmentCodes: [] }), row)).toBe(false);
    expect(isInScope(scope({ hallId: 'h2' }), row)).toBe(false);
  });
  it('own records are in scope wherever they are', () => {
    expect(isInScope(scope({ regionPrefix: '9999', ownerId: 'u9' }), row)).toBe(true);
    expect(isInScope(scope({ regionPrefix: '9999', ownerId: 'u8' }), row)).toBe(false);
  });
});

describe('query helpers', () => {
  it('regionIn tests any of the columns with an escaped prefix', () => {
    const q = db
      .selectFrom('rows')
      .select('id')
      .where((eb) => regionIn(eb, ['region_code', 'accept_region_code'], '21_1'))
      .compile();
    expect(q.sql).toBe('select "id" from "rows" where ("region_code" like $1 or "accept_region_code" like $2)');
    expect(q.parameters).toEqual(['21\\_1%', '21\\_1%']);
  });

  it('whereInScope: (region and department and hall) or own', () => {
    const q = whereInScope(
      db.selectFrom('rows').select('id'),
      scope({ departmentCodes: ['A', 'B'], hallId: 'h1', ownerId: 'u1' }),
      { region: 'region_code', department: 'department_code', hall: 'hall_id', owner: 'owner_id' },
    ).compile();
    expect(q.sql).toBe(
      'select "id" from "rows" where (("region_code" like $1 and "department_code" in ($2, $3) and "hall_id" = $4) or "owner_id" = $5)',
    );
    expect(q.parameters).toEqual(['2111%', 'A', 'B', 'h1', 'u1']);
  });

  it('whereInScope: an empty department list matches nothing; unrestricted parts are left out', () => {
    const none = whereInScope(db.selectFrom('rows').select('id'), scope({ departmentCodes: [] }), {
      region: 'region_code',
      department: 'department_code',
    }).compile();
    expect(none.sql).toBe('select "id" from "rows" where ("region_code" like $1 and false)');
    const region = whereRegionIn(db.updateTable('rows').set({ hall_id: null }), 'region_code', '2111').compile();
    expect(region.sql).toBe('update "rows" set "hall_id" = $1 where "region_code" like $2');
  });

  it('scopeSql writes the same rule for hand-written statements', () => {
    const q = sql`select 1 from rows r where ${scopeSql(scope({ departmentCodes: ['A'], hallId: 'h1' }), {
      region: sql.ref('r.region_code'),
      department: sql.ref('r.department_code'),
      hall: sql.ref('r.hall_id'),
    })}`.compile(db);
    expect(q.sql).toBe(
      'select 1 from rows r where ("r"."region_code" like $1 and "r"."department_code" in ($2) and "r"."hall_id" = $3::uuid)',
    );
    expect(q.parameters).toEqual(['2111%', 'A', 'h1']);
  });
});

/** Source files of src/ (tests, migrations and demo data aside), with their lines. */
function sources(dir: string): { file: string; lines: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' || e.name === 'demo' ? [] : sources(p);
    if (!e.name.endsWith('.ts') || e.name.endsWith('.test.ts')) return [];
    return [{ file: p, lines: readFileSync(p, 'utf8').split('\n') }];
  });
}

describe('no hand-written LIKE pattern outside the scope layer', () => {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  /** A pattern built by hand (`${x}%`), a prefix read from a column (`like col || '%'`), or a literal `like 'x%'`. */
  const handWritten = [/\$\{[^`]*\}%`/, /\blike\b[^;\n]*\|\|\s*'%'/i, /\blike\s+'[^']*%'/i];

  it('every LIKE pattern comes from prefixPattern, containsPattern, regionIn or scopeSql', () => {
    const found = sources(src)
      .filter(({ file }) => path.basename(file) !== 'scope.ts')
      .flatMap(({ file, lines }) =>
        lines.flatMap((line, i) =>
          handWritten.some((re) => re.test(line)) && !/^\s*(\*|\/\/)/.test(line)
            ? [`${path.relative(src, file)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
      );
    expect(found).toEqual([]);
  });

  it('the check finds a hand-written region filter', () => {
    const line = ".where('region_code', 'like', `${f.regionPrefix}%`)";
    expect(handWritten.some((re) => re.test(line))).toBe(true);
    expect(handWritten.some((re) => re.test('where p.region_code like ${`${prefix}%`}'))).toBe(true);
    expect(handWritten.some((re) => re.test("where ${code} like region_prefix || '%'"))).toBe(true);
  });
});
