import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';
import { fastWriter, serializerCompiler } from './serialize';

const route = (schema: z.ZodType) =>
  ({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as Parameters<typeof serializerCompiler>[0];

/** What the fast serializer writes and what zod's would, both parsed back. */
function both(schema: z.ZodType, data: unknown) {
  return {
    fast: JSON.parse(serializerCompiler(route(schema))(data)) as unknown,
    zod: JSON.parse(zodSerializer(route(schema))(data)) as unknown,
  };
}

const Case = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['submitted', 'accepted']),
  comment: z.string().nullable(),
  note: z.string().optional(),
  at: z.date(),
  due: z.string().nullable(),
  tags: z.array(z.string()),
  applicant: z.object({ name: z.string(), idNumber: z.string().nullable() }),
  payload: z.record(z.string(), z.unknown()),
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('grant'), certificate: z.string() }),
    z.object({ kind: z.literal('deny'), reason: z.string() }),
  ]),
  extra: z.union([z.number(), z.string()]).nullable(),
});

const data = {
  id: 'c1',
  version: 3,
  status: 'accepted',
  comment: null,
  at: new Date('2026-12-06T01:02:03.004Z'),
  due: '2026-12-31',
  tags: ['容缺受理', '并联审批'],
  applicant: { name: '张明', idNumber: null, phone: '13800000000' },
  payload: { anything: { nested: [1, 2] } },
  outcome: { kind: 'deny', reason: '材料不全', secret: 'x' },
  extra: 'text',
  password_hash: 'must never leave',
};

describe('the response serializer', () => {
  it('compiles these schemas to fast-json-stringify (not zod again)', () => {
    expect(fastWriter(Case)).toBeTypeOf('function');
  });

  it('writes what zod writes: nulls, optionals, dates, enums, records, unions', () => {
    const { fast, zod } = both(Case, data);
    expect(fast).toEqual(zod);
    expect(fast).toMatchObject({
      at: '2026-12-06T01:02:03.004Z',
      comment: null,
      outcome: { kind: 'deny', reason: '材料不全' },
    });
  });

  it('writes only the fields the schema names, at every depth', () => {
    const { fast } = both(Case, data);
    const text = JSON.stringify(fast);
    expect(text).not.toContain('password_hash');
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('secret');
    expect(fast).not.toHaveProperty('note');
  });

  it('refuses an answer that lacks a required field instead of writing half of it', () => {
    const { id: _id, ...missing } = data;
    expect(() => serializerCompiler(route(Case))(missing)).toThrow();
  });

  it('tells the branches of a union apart when a branch has nullable enumerations and objects', () => {
    const Minimal = z.object({ id: z.string(), version: z.number(), documentNumber: z.string().nullable() });
    const Answer = z.union([
      Case.extend({
        kindOrNull: z.enum(['a', 'b']).nullable(),
        fixed: z.literal('x').nullable(),
        owner: z.object({ name: z.string() }).nullable(),
      }),
      Minimal,
    ]);
    const whole = { ...data, kindOrNull: null, fixed: null, owner: null };
    expect(fastWriter(Answer)).toBeTypeOf('function');
    expect(both(Answer, whole).fast).toEqual(both(Answer, whole).zod);
    expect(both(Answer, { ...whole, kindOrNull: 'b', fixed: 'x', owner: { name: '李娜', id: 'hidden' } }).fast).toEqual(
      both(Answer, { ...whole, kindOrNull: 'b', fixed: 'x', owner: { name: '李娜', id: 'hidden' } }).zod,
    );
    expect(both(Answer, { id: 'c', version: 2, documentNumber: null }).fast).toEqual({
      id: 'c',
      version: 2,
      documentNumber: null,
    });
  });

  it('writes arrays of objects and pages as zod does', () => {
    const Page = z.object({ total: z.number(), items: z.array(Case) });
    const page = {
      total: 2,
      items: [data, { ...data, id: 'c2', outcome: { kind: 'grant', certificate: 'No.1' }, extra: null, note: '备注' }],
    };
    const { fast, zod } = both(Page, page);
    expect(fast).toEqual(zod);
  });
});
