import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { serializerCompiler as zodSerializer } from 'fastify-type-provider-zod';

type Route = Parameters<typeof zodSerializer>[0];

/** JSON Schema as zod writes it: plain objects and arrays. */
type Json = { [k: string]: unknown } | unknown[];

/**
 * Drops what would make fast-json-stringify differ from zod on the way out: `additionalProperties: false`
 * (fast-json-stringify already writes only the properties a schema names, and the flag would make a
 * branch of a union refuse an object that carries more than it names) and the `$schema` tag.
 */
function forWriting(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) forWriting(n);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  // `X or null` as a nullable type: fast-json-stringify writes it directly, where `anyOf` would test each value against each branch.
  const any = o.anyOf;
  if (Array.isArray(any) && any.length === 2) {
    const isNull = (b: unknown) =>
      !!b && typeof b === 'object' && (b as { type?: unknown }).type === 'null' && Object.keys(b).length === 1;
    const other = (isNull(any[0]) ? any[1] : isNull(any[1]) ? any[0] : null) as Record<string, unknown> | null;
    if (other && typeof other.type === 'string' && !('anyOf' in other) && !('oneOf' in other) && !('allOf' in other)) {
      delete o.anyOf;
      Object.assign(o, other, { type: [other.type, 'null'] });
      // A union is told apart by validating against its branches: an enumeration must then admit null too.
      if (Array.isArray(other.enum)) o.enum = [...(other.enum as unknown[]), null];
      if ('const' in other) {
        delete o.const;
        o.enum = [other.const, null];
      }
    }
  }
  if (o.additionalProperties === false) delete o.additionalProperties;
  delete o.$schema;
  for (const v of Object.values(o)) forWriting(v as Json);
}

function zodSchemaOf(maybe: unknown): z.ZodType | null {
  if (maybe instanceof z.ZodType) return maybe;
  const props = (maybe as { properties?: unknown } | null)?.properties;
  return props instanceof z.ZodType ? props : null;
}

/** fast-json-stringify compiled from a zod schema's JSON Schema, or null when JSON Schema cannot express it. */
export function fastWriter(schema: z.ZodType): ((data: unknown) => string) | null {
  try {
    const json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-7' }) as Json;
    forWriting(json);
    return fastJson(json as unknown as Parameters<typeof fastJson>[0]);
  } catch {
    return null;
  }
}

/**
 * Responses are written by fast-json-stringify, compiled once per route from the JSON Schema of the route's
 * zod response schema: as with zod, only the fields the schema names go out (a stray column or a personal
 * field never leaks), at a fraction of the cost of parsing every answer with zod again (a third of the
 * server's time on a large answer such as an item's guide or a whole case). Refinements are not run again
 * on the way out (they checked the input). A schema that JSON Schema cannot express keeps zod's serializer.
 */
export function serializerCompiler(route: Route): (data: unknown) => string {
  const schema = zodSchemaOf(route.schema);
  return (schema && fastWriter(schema)) ?? zodSerializer(route);
}

/**
 * The writer of one response schema, for a route that answers with one of several shapes and knows which
 * (`reply.serializer(...)`): a union in the route's schema would test every answer against its branches.
 */
export function responseWriter(schema: z.ZodType): (data: unknown) => string {
  return fastWriter(schema) ?? zodSerializer({ schema, method: 'ANY', url: '', httpStatus: '200' } as Route);
}
