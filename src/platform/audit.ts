import { createHash } from 'node:crypto';
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Db, Tx } from './db';
import { tables } from './db';
import { insertRows, type RowInsert } from './writes';
import { prefixPattern } from './scope';

/**
 * Audit log 全程留痕: every write appends a row in the writer's own transaction.
 * Rows are chained by a background sealer (hash of the previous hash + the row), so writers
 * never queue behind one chain head; any later edit or deletion breaks the chain.
 */
interface AuditTables {
  audit_log: {
    id: Generated<string>;
    at: Generated<Date>;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    entity_type: string;
    entity_id: string | null;
    before: unknown;
    after: unknown;
    ip: string | null;
    seq: string | null;
    prev_hash: string | null;
    hash: string | null;
  };
}

export interface AuditEntry {
  actor: { id: string; username: string } | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** The audit row of an entry, for a caller that writes it together with its own change (see writes.ts). */
export function auditInsert(e: AuditEntry): RowInsert {
  return {
    table: 'audit_log',
    row: {
      actor_id: e.actor?.id ?? null,
      actor_name: e.actor?.username ?? null,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId ?? null,
      before: e.before ?? null,
      after: e.after ?? null,
      ip: e.ip ?? null,
    },
  };
}

export async function recordAudit(tx: Db | Tx, e: AuditEntry): Promise<void> {
  await insertRows(tx, [auditInsert(e)]);
}

/** Stable JSON: keys sorted, so the hash does not depend on jsonb's key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

type Row = Selectable<AuditTables['audit_log']>;

export function hashAuditRow(prevHash: string, r: Omit<Row, 'prev_hash' | 'hash'>): string {
  const body = canonicalJson({
    seq: String(r.seq),
    id: String(r.id),
    at: r.at,
    actor_id: r.actor_id,
    actor_name: r.actor_name,
    action: r.action,
    entity_type: r.entity_type,
    entity_id: r.entity_id,
    before: r.before,
    after: r.after,
    ip: r.ip,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

const GENESIS = '0'.repeat(64);
const SEAL_LOCK = 7_411_001; // advisory lock key: only one sealer chains at a time

/** Chain every committed unsealed row; returns how many were sealed. */
export async function sealAudit(db: Db, batch = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${SEAL_LOCK})`.execute(tx);
      const q = tables<AuditTables>(tx);
      const head = await q
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .where('seq', 'is not', null)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const rows = await q
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', 'is', null)
        .orderBy('id')
        .limit(batch)
        .execute();
      let seq = head ? Number(head.seq) : 0;
      let prev = head?.hash ?? GENESIS;
      const links = rows.map((r) => {
        seq += 1;
        const hash = hashAuditRow(prev, { ...r, seq: String(seq) });
        const link = { id: String(r.id), seq, prev_hash: prev, hash };
        prev = hash;
        return link;
      });
      // The whole batch in one statement: sealing keeps up with many writers.
      if (links.length) {
        await sql`
          update audit_log set seq = l.seq, prev_hash = l.prev_hash, hash = l.hash
          from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as l(id bigint, seq bigint, prev_hash text, hash text)
          where audit_log.id = l.id`.execute(tx);
      }
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  unsealed: number;
  /** Chain position where the recomputed hash first differs (tampering or deletion). */
  brokenAtSeq?: number;
  brokenId?: string;
}

export async function verifyAudit(db: Db): Promise<AuditVerification> {
  const q = tables<AuditTables>(db);
  let prev = GENESIS;
  let expectedSeq = 1;
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await q
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', String(after))
      .orderBy('seq')
      .limit(2000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectedSeq || r.prev_hash !== prev || hashAuditRow(prev, r) !== r.hash) {
        return { ok: false, checked, unsealed: 0, brokenAtSeq: expectedSeq, brokenId: String(r.id) };
      }
      prev = r.hash!;
      expectedSeq += 1;
      checked += 1;
      after = seq;
    }
  }
  const unsealed = await q
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return { ok: true, checked, unsealed: Number(unsealed.n) };
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listAudit(db: Db, f: AuditQuery) {
  let q = tables<AuditTables>(db).selectFrom('audit_log');
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.action) q = q.where('action', 'like', prefixPattern(f.action));
  if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+08:00`));
  if (f.to) q = q.where('at', '<', sql<Date>`${`${f.to}T00:00:00+08:00`}::timestamptz + interval '1 day'`);
  const { n } = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(n), items: rows };
}

export type AuditDb = Kysely<AuditTables>;

/** The sealed head of the chain (the highest `seq`), or null while nothing is sealed. */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string; at: Date } | null> {
  const r = await tables<AuditTables>(db)
    .selectFrom('audit_log')
    .select(['seq', 'hash', 'at'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { seq: Number(r.seq), hash: r.hash!, at: r.at } : null;
}

/** The stored hash at each of these chain positions (positions with no row are absent). */
export async function auditHashesAt(db: Db, seqs: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const unique = [...new Set(seqs)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await tables<AuditTables>(db)
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where(
        'seq',
        'in',
        unique.slice(i, i + 1000).map((s) => String(s)),
      )
      .execute();
    for (const r of rows) out.set(Number(r.seq), r.hash!);
  }
  return out;
}
