/**
 * Open311 GeoReport v2 as the hotline speaks it — pure mappings, tested beside this file.
 *
 * Services are the leaf categories 工单分类 (group: the top category); a request is a ticket, its
 * `service_request_id` the ticket number. What goes out never names a person: the description is the
 * ticket's title with phone numbers, ID numbers and e-mail addresses masked, the status notes are the
 * state in plain words, and 举报 are never listed. Errors are an array of `{code, description}`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { STATE_LABELS, type TicketState } from './hotline.process';
import { TICKET_TYPES, TYPE_LABELS, type TicketType } from './hotline.tables';

export interface Open311Error {
  code: number;
  description: string;
}

/** A category as the mapping needs it. */
export interface CategoryFacts {
  code: string;
  name: string;
  parent_code: string | null;
  active: boolean;
}

/** The leaf categories in force, in the order given, each with its top category. */
export function leafCategories(categories: readonly CategoryFacts[]) {
  const byCode = new Map(categories.map((c) => [c.code, c]));
  const parents = new Set(categories.map((c) => c.parent_code).filter((p): p is string => p !== null));
  const topOf = (c: CategoryFacts) => {
    let at = c;
    for (let i = 0; at.parent_code && i < 10; i++) at = byCode.get(at.parent_code) ?? at;
    return at;
  };
  return categories.filter((c) => c.active && !parents.has(c.code)).map((c) => ({ category: c, top: topOf(c) }));
}

export function serviceOf(category: CategoryFacts, top: CategoryFacts) {
  const group = top.code === category.code ? category.name : top.name;
  return {
    service_code: category.code,
    service_name: category.name,
    description: group === category.name ? category.name : `${group} · ${category.name}`,
    metadata: true,
    type: 'realtime' as const,
    keywords: [...new Set([category.name, group])].join(','),
    group,
  };
}

/** The type a request takes when the client names none: a citizen reporting a problem asks for help. */
export const DEFAULT_TYPE: TicketType = 'help';

export function serviceDefinition(category: CategoryFacts, regions: readonly { code: string; name: string }[]) {
  return {
    service_code: category.code,
    attributes: [
      {
        variable: true,
        code: 'type',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: `诉求类型，默认 ${TYPE_LABELS[DEFAULT_TYPE]}`,
        order: 1,
        description: '诉求类型',
        values: TICKET_TYPES.map((t) => ({ key: t, name: TYPE_LABELS[t] })),
      },
      {
        variable: true,
        code: 'region',
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: '问题所在的县区，不填则由热线中心确定',
        order: 2,
        description: '所在县区',
        values: regions.map((r) => ({ key: r.code, name: r.name })),
      },
    ],
  };
}

const field = (max: number, what: string) =>
  z
    .string({ error: `${what}应为文本` })
    .trim()
    .max(max, `${what}最多 ${max} 字`)
    .optional()
    .transform((v) => (v ? v : undefined));
const coordinate = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `${what}应为数字` })
    .min(min, `${what}应在 ${min} 至 ${max} 之间`)
    .max(max, `${what}应在 ${min} 至 ${max} 之间`)
    .optional();

/** The fields of a POST to requests.json, once form fields `attribute[x]` are gathered into `attribute`. */
export const PostRequest = z.object({
  api_key: field(200, 'api_key'),
  service_code: field(40, 'service_code'),
  lat: coordinate(-90, 90, 'lat'),
  long: coordinate(-180, 180, 'long'),
  address_string: field(300, 'address_string'),
  address_id: field(100, 'address_id'),
  description: field(5000, 'description'),
  first_name: field(50, 'first_name'),
  last_name: field(50, 'last_name'),
  phone: z
    .string({ error: 'phone 应为文本' })
    .trim()
    .regex(/^[0-9+\- ]{3,20}$/, 'phone 格式有误')
    .optional(),
  email: z.email({ error: 'email 格式有误' }).max(200, 'email 最多 200 字').optional(),
  media_url: z
    .url({ protocol: /^https?$/, error: 'media_url 应为 http 或 https 地址' })
    .max(500, 'media_url 最多 500 字')
    .optional(),
  attribute: z.record(z.string(), z.string()).default({}),
});
export type PostRequest = z.infer<typeof PostRequest>;

/**
 * Gathers `attribute[code]` fields (a form) into `attribute`, keeps the last value of a repeated field and
 * drops empty ones (a form sends what the user left blank as "").
 */
export function gatherFields(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, unknown> = {};
  const attribute: Record<string, string> = {};
  for (const [k, raw] of Object.entries(body as Record<string, unknown>)) {
    const v: unknown = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (v === '' || v === null || v === undefined) continue;
    const m = /^attribute\[([^\]]{1,40})\]$/.exec(k);
    if (m) attribute[m[1]!] = String(v);
    else if (k === 'attribute' && v && typeof v === 'object') {
      for (const [ak, av] of Object.entries(v as Record<string, unknown>)) attribute[ak] = String(av);
    } else out[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
  }
  out.attribute = attribute;
  return out;
}

export type CheckedPost =
  | {
      ok: true;
      apiKey: string | undefined;
      serviceCode: string;
      type: TicketType;
      regionCode: string | undefined;
      lat: number | null;
      lon: number | null;
      address: string;
      description: string;
      name: string | undefined;
      phone: string | undefined;
      email: string | undefined;
      mediaUrl: string | undefined;
    }
  | { ok: false; errors: Open311Error[] };

const bad = (description: string): Open311Error => ({ code: 400, description });

/** Checks a POST's fields (the key is checked by the caller, first): what is missing or malformed is a 400 each. */
export function checkPost(body: unknown): CheckedPost {
  const parsed = PostRequest.safeParse(gatherFields(body));
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => bad(i.message)) };
  const p = parsed.data;
  const errors: Open311Error[] = [];
  if (!p.service_code) errors.push(bad('service_code 必填'));
  if (!p.description) errors.push(bad('description 必填：请描述诉求'));
  if ((p.lat === undefined) !== (p.long === undefined)) errors.push(bad('lat 与 long 应同时提供'));
  if (p.lat === undefined && !p.address_string && !p.address_id)
    errors.push(bad('请提供位置：lat 和 long，或 address_string，或 address_id'));
  const type = p.attribute.type ?? DEFAULT_TYPE;
  if (!(TICKET_TYPES as readonly string[]).includes(type))
    errors.push(bad(`attribute[type] 应为 ${TICKET_TYPES.join('、')} 之一`));
  const region = p.attribute.region;
  if (region !== undefined && !/^\d{6}(\d{6})?$/.test(region))
    errors.push(bad('attribute[region] 应为 6 位或 12 位区划代码'));
  if (errors.length) return { ok: false, errors };
  const name = [p.last_name, p.first_name].filter(Boolean).join('') || undefined;
  return {
    ok: true,
    apiKey: p.api_key,
    serviceCode: p.service_code!,
    type: type as TicketType,
    regionCode: region,
    lat: p.lat ?? null,
    lon: p.long ?? null,
    address: [p.address_string, p.address_id && !p.address_string ? `地址编号 ${p.address_id}` : undefined]
      .filter(Boolean)
      .join(' ')
      .slice(0, 300),
    description: p.description!,
    name,
    phone: p.phone,
    email: p.email,
    mediaUrl: p.media_url,
  };
}

/** A ticket's title from what a citizen wrote: its first sentence, at most 30 characters, without contact data. */
export function titleFrom(description: string): string {
  const text = scrubPersonal(description);
  const first = text.split(/[。！？!?\n]/)[0]!.trim() || text.trim();
  return first.length > 30 ? `${first.slice(0, 29)}…` : first;
}

/** Masks what would name a person in free text: phone numbers, ID numbers and e-mail addresses. */
export function scrubPersonal(text: string): string {
  return text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '***@***')
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, (m) => `${m.slice(0, 6)}********${m.slice(-4)}`)
    .replace(/(?<!\d)1\d{10}(?!\d)/g, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`)
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (m) => `${m.slice(0, 4)}****`);
}

/** Open311's status of a ticket. */
export const statusOf = (state: string): 'open' | 'closed' =>
  state === 'closed' || state === 'merged' ? 'closed' : 'open';

/** The states a status filter stands for. */
export const statesOf = (status: 'open' | 'closed'): TicketState[] =>
  (Object.keys(STATE_LABELS) as TicketState[]).filter((s) => statusOf(s) === status);

/** An instant as W3C date-time in Shanghai time (`2026-11-02T10:00:00+08:00`). */
export function w3c(d: Date | null): string | null {
  if (!d) return null;
  const local = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

/** The ticket facts a public request shows. */
export interface PublicTicketFacts {
  number: string;
  type: string;
  state: string;
  category_code: string;
  title: string;
  unit_name: string | null;
  address: string;
  lat: number | null;
  lon: number | null;
  media_url: string | null;
  created_at: Date;
  updated_at: Date;
  due_at: Date | null;
}

/** A ticket as a public Open311 request: nothing that names a person. */
export function publicRequest(t: PublicTicketFacts, serviceName: string) {
  return {
    service_request_id: t.number,
    status: statusOf(t.state),
    status_notes: STATE_LABELS[t.state as TicketState] ?? t.state,
    service_name: serviceName,
    service_code: t.category_code,
    description: scrubPersonal(t.title),
    agency_responsible: t.unit_name ?? '12345 热线中心',
    service_notice: '',
    requested_datetime: w3c(t.created_at)!,
    updated_datetime: w3c(t.updated_at)!,
    expected_datetime: t.state === 'closed' || t.state === 'merged' ? null : w3c(t.due_at),
    address: t.address,
    address_id: '',
    zipcode: '',
    lat: t.lat,
    long: t.lon,
    media_url: t.media_url ?? '',
  };
}

/** Whether a ticket may ever appear in a public answer: a 举报 never does. */
export const isPublic = (t: { type: string }) => t.type !== 'report';

// --- API keys --------------------------------------------------------------------------------------

/** The stored form of a key: its SHA-256 (keys are random, 192 bits: a slow hash adds nothing). */
export const hashKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key, shown once; what is kept is its hash and a hint (its first characters). */
export function newKey(): { key: string; hash: string; hint: string } {
  const key = `o311_${randomBytes(24).toString('base64url')}`;
  return { key, hash: hashKey(key), hint: `${key.slice(0, 9)}…` };
}

// --- XML -------------------------------------------------------------------------------------------

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
// Characters XML 1.0 does not allow, even escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** The element name of an item of a list, by the list's name (GeoReport's plurals). */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
};

function element(name: string, v: unknown): string {
  if (v === null || v === undefined) return `<${name}/>`;
  if (Array.isArray(v)) return `<${name}>${v.map((x) => element(ITEM_NAMES[name] ?? 'item', x)).join('')}</${name}>`;
  if (typeof v === 'object')
    return `<${name}>${Object.entries(v)
      .map(([k, x]) => element(k, x))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(v).replace(INVALID_XML, ''))}</${name}>`;
}

/** A GeoReport XML document: `<root>` holding the list's items, or the object's fields. */
export const toXml = (root: string, value: unknown) => `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
