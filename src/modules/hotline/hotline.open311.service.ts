/** Open311 GeoReport v2 use cases, and the keys of its clients kept by the centre. */
import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { listRegionsAt, type Region } from '../org/index';
import * as channels from './hotline.channels.repository';
import { categoriesOf, hotlineCache, type Ctx } from './hotline.context';
import {
  checkPost,
  hashKey,
  isPublic,
  leafCategories,
  newKey,
  publicRequest,
  serviceDefinition,
  serviceOf,
  statesOf,
  titleFrom,
  type Open311Error,
} from './hotline.open311';
import { registerTicket, requirePlace } from './hotline.tickets';

/** An Open311 answer that is an error: its HTTP status and the spec's array of `{code, description}`. */
export class Open311Problem extends Error {
  constructor(
    readonly status: number,
    readonly errors: Open311Error[],
  ) {
    super(errors.map((e) => e.description).join('；'));
  }
}
const open311Error = (status: number, description: string) =>
  new Open311Problem(status, [{ code: status, description }]);

/** The hotline's area: the city the platform serves (its subtree), and the counties in it. */
export const hotlineArea = (db: Db | Tx) =>
  hotlineCache.get(db, 'area', async (): Promise<{ city: Region | undefined; counties: Region[] }> => {
    const [city] = await listRegionsAt(db, '', 'city');
    return { city, counties: city ? await listRegionsAt(db, city.scopePrefix, 'county') : [] };
  });

const leaves = async (db: Db) => leafCategories([...(await categoriesOf(db)).values()]);

export async function listServices(db: Db) {
  return (await leaves(db)).map((l) => serviceOf(l.category, l.top));
}

export async function getServiceDefinition(db: Db, code: string) {
  const leaf = (await leaves(db)).find((l) => l.category.code === code);
  if (!leaf) throw open311Error(404, `service_code ${code} 不存在`);
  return serviceDefinition(leaf.category, (await hotlineArea(db)).counties);
}

export interface RequestsQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

/** At most this many requests in one answer. */
export const MAX_REQUESTS = 200;
/** Without dates, the requests of the last 90 days. */
const DEFAULT_DAYS = 90;

function dateParam(name: string, v: string | undefined): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(v))
    throw open311Error(400, `${name} 应为 W3C 日期时间，例如 2026-11-02T10:00:00+08:00`);
  return d;
}

/** Public requests, newest first (never a 举报, never a person). */
export async function listRequests(db: Db, query: RequestsQuery, now: Date) {
  const names = new Map([...(await categoriesOf(db)).values()].map((c) => [c.code, c.name]));
  const numbers = query.service_request_id
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, MAX_REQUESTS);
  let filter: channels.PublicFilter;
  if (numbers?.length) filter = { numbers, limit: MAX_REQUESTS };
  else {
    const statuses = query.status
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const s of statuses ?? [])
      if (s !== 'open' && s !== 'closed') throw open311Error(400, 'status 应为 open 或 closed');
    let from = dateParam('start_date', query.start_date);
    const to = dateParam('end_date', query.end_date);
    if (!from && !to) from = new Date(now.getTime() - DEFAULT_DAYS * 86_400_000);
    filter = {
      serviceCode: query.service_code || undefined,
      from,
      to,
      states: statuses?.length ? statuses.flatMap((s) => statesOf(s as 'open' | 'closed')) : undefined,
      limit: MAX_REQUESTS,
    };
  }
  const rows = await channels.listPublic(db, filter);
  return rows.filter(isPublic).map((t) => publicRequest(t, names.get(t.category_code) ?? t.category_code));
}

export async function getRequest(db: Db, number: string, now: Date) {
  const [r] = await listRequests(db, { service_request_id: number }, now);
  if (!r) throw open311Error(404, `service_request_id ${number} 不存在`);
  return [r];
}

export async function requestByToken(db: Db, token: string) {
  const row = await channels.numberByToken(db, token);
  if (!row) throw open311Error(404, `token ${token} 不存在`);
  return [{ service_request_id: row.number, token }];
}

/** Files a request as a ticket of the open311 channel: the key first (403), then the fields (400). */
export async function postRequest(db: Db, body: unknown, ctx: { ip?: string; now: Date }) {
  const key = (body as { api_key?: unknown } | null)?.api_key;
  const client =
    typeof key === 'string' && key.length > 0 && key.length <= 200
      ? await channels.clientByKeyHash(db, hashKey(key))
      : undefined;
  if (!client) throw open311Error(403, 'api_key 无效或已停用');
  const p = checkPost(body);
  if (!p.ok) throw new Open311Problem(400, p.errors);
  if (!(await leaves(db)).some((l) => l.category.code === p.serviceCode))
    throw open311Error(400, `service_code ${p.serviceCode} 不存在`);
  const { city } = await hotlineArea(db);
  const regionCode = p.regionCode ?? city?.code ?? '';
  const place = await requirePlace(db, p.serviceCode, regionCode, city?.scopePrefix ?? '').catch(() => {
    throw open311Error(400, `attribute[region] ${regionCode} 不存在或不在本热线受理范围内`);
  });
  const token = randomBytes(12).toString('base64url');
  const anonymous = !p.name && !p.phone && !p.email;
  const audit = { id: client.id, username: `open311:${client.name}` };
  const number = await registerTicket(
    db,
    { id: null, name: `Open311：${client.name}`, audit, ip: ctx.ip, now: ctx.now },
    {
      type: p.type,
      category_code: place.category.code,
      title: titleFrom(p.description),
      content: p.description,
      channel: 'open311',
      urgency: 'normal',
      region_code: place.region.code,
      address: p.address,
      lat: p.lat,
      lon: p.lon,
      caller_name: p.name ?? null,
      caller_phone: p.phone ?? null,
      caller_id_number: null,
      caller_email: p.email ?? null,
      anonymous,
      applicant_id: null,
      case_number: null,
      clerk_id: null,
      open311_token: token,
      open311_client_id: client.id,
      media_url: p.mediaUrl ?? null,
    },
    { then: async (_tx, t) => t.number, audit: { open311Client: client.name } },
  );
  return [
    {
      service_request_id: number,
      token,
      service_notice: `工单已受理，编号 ${number}；热线中心将按规定时限转交承办单位办理`,
      account_id: null,
    },
  ];
}

// --- keys, kept by the centre ------------------------------------------------------------------------

const keyView = (c: channels.Open311ClientRow) => ({
  id: c.id,
  name: c.name,
  keyHint: c.key_hint,
  createdAt: c.created_at.toISOString(),
  revokedAt: c.revoked_at?.toISOString() ?? null,
});

export const listKeys = async (db: Db) => (await channels.listClients(db)).map(keyView);

/** A new client and its key: the key in clear is in this answer only. */
export async function createKey(db: Db, ctx: Ctx, name: string) {
  const k = newKey();
  return db.transaction().execute(async (tx) => {
    const c = await channels.insertClient(tx, {
      name,
      key_hash: k.hash,
      key_hint: k.hint,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      revoked_at: null,
    });
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.open311key.create',
      entityType: 'hotline_open311_client',
      entityId: c.id,
      after: { name, keyHint: k.hint },
    });
    return { ...keyView(c), key: k.key };
  });
}

export async function revokeKey(db: Db, ctx: Ctx, id: string) {
  return db.transaction().execute(async (tx) => {
    const c = await channels.revokeClient(tx, id, ctx.now);
    if (!c) {
      const known = await channels.getClient(tx, id);
      if (known) return keyView(known);
      throw notFound('Open311 接入密钥');
    }
    await recordAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'hotline.open311key.revoke',
      entityType: 'hotline_open311_client',
      entityId: id,
      before: { name: c.name, keyHint: c.key_hint, revokedAt: null },
      after: { revokedAt: ctx.now.toISOString() },
    });
    return keyView(c);
  });
}
