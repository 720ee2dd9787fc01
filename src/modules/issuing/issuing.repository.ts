import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db, Tx } from '../../platform/db';
import { pageOf } from '../../platform/paging';
import { tables } from '../../platform/db';
import type { IssuingTables, WaybillStatus } from './issuing.tables';
import { containsPattern, regionIn } from '../../platform/scope';

const q = (db: Db | Tx) => tables<IssuingTables>(db);

export type WaybillRow = Selectable<IssuingTables['waybills']>;
export type BatchRow = Selectable<IssuingTables['issuing_batches']>;

/** Next daily sequence for a tracking-number prefix, bumped in the caller's transaction (row lock until commit). */
export async function nextWaybillSeq(tx: Tx, prefix: string, day: string): Promise<number> {
  const r = await sql<{ seq: number }>`
    insert into waybill_counters (prefix, day, seq) values (${prefix}, ${day}, 1)
    on conflict (prefix, day) do update set seq = waybill_counters.seq + 1
    returning seq`.execute(tx);
  return Number(r.rows[0]!.seq);
}

export function insertBatch(tx: Tx, row: Insertable<IssuingTables['issuing_batches']>): Promise<BatchRow> {
  return q(tx).insertInto('issuing_batches').values(row).returningAll().executeTakeFirstOrThrow();
}

export function getBatch(db: Db, id: string): Promise<BatchRow | undefined> {
  return q(db).selectFrom('issuing_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertWaybill(tx: Tx, row: Insertable<IssuingTables['waybills']>): Promise<WaybillRow> {
  return q(tx).insertInto('waybills').values(row).returningAll().executeTakeFirstOrThrow();
}

export function getWaybill(db: Db | Tx, id: string): Promise<WaybillRow | undefined> {
  return q(db).selectFrom('waybills').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Moves a waybill on only if it is still in `from` (undefined when someone else moved it first). */
export function moveWaybill(
  tx: Tx,
  id: string,
  from: WaybillStatus,
  patch: {
    status: WaybillStatus;
    dispatched_at?: Date;
    delivered_at?: Date;
    signed_by?: string;
    returned_at?: Date;
    return_reason?: string;
  },
): Promise<WaybillRow | undefined> {
  return q(tx)
    .updateTable('waybills')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
}

export interface WaybillFilter {
  regionPrefix: string;
  /** Case number, tracking number or recipient name, contained. */
  q?: string;
  status?: WaybillStatus;
  carrier?: string;
  fromAt?: Date;
  toAt?: Date;
}

function filtered(db: Db, f: WaybillFilter) {
  let b = q(db)
    .selectFrom('waybills')
    .where((eb) => regionIn(eb, ['accept_region_code', 'current_region_code'], f.regionPrefix));
  if (f.status) b = b.where('status', '=', f.status);
  if (f.carrier) b = b.where('carrier', '=', f.carrier);
  if (f.q) {
    const pattern = containsPattern(f.q);
    b = b.where((eb) =>
      eb.or([
        eb('case_number', 'like', pattern),
        eb('tracking_number', 'ilike', pattern),
        eb(sql<string>`recipient->>'name'`, 'like', pattern),
      ]),
    );
  }
  if (f.fromAt) b = b.where('created_at', '>=', f.fromAt);
  if (f.toAt) b = b.where('created_at', '<', f.toAt);
  return b;
}

export async function listWaybills(db: Db, f: WaybillFilter, page: number, pageSize: number) {
  const { total, items } = await pageOf(
    filtered(db, f),
    (qb) => qb.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'),
    { page, pageSize },
  );
  return { total, rows: items };
}

export interface StatsRowDb {
  key: string;
  n: number;
  free_n: number;
  delivered_n: number;
  fee: number;
  avg_days: number | null;
  timed_n: number;
}

const GROUP_COLUMN = { carrier: 'carrier', department: 'department_code', region: 'region_code' } as const;

export async function waybillStats(
  db: Db,
  f: WaybillFilter,
  groupBy: keyof typeof GROUP_COLUMN,
): Promise<StatsRowDb[]> {
  const col = sql.ref(GROUP_COLUMN[groupBy]);
  const rows = await filtered(db, f)
    .select([
      sql<string>`${col}`.as('key'),
      sql<number>`count(*)::int`.as('n'),
      sql<number>`(count(*) filter (where free))::int`.as('free_n'),
      sql<number>`(count(*) filter (where status = 'delivered'))::int`.as('delivered_n'),
      sql<number>`coalesce(sum(fee_cents), 0)::bigint`.as('fee'),
      sql<number>`(count(*) filter (where delivered_at is not null and granted_at is not null))::int`.as('timed_n'),
      sql<
        number | null
      >`(avg(extract(epoch from (delivered_at - granted_at))) filter (where delivered_at is not null and granted_at is not null))::float8 / 86400`.as(
        'avg_days',
      ),
    ])
    .groupBy(col)
    .orderBy(col)
    .execute();
  return rows.map((r) => ({
    ...r,
    n: Number(r.n),
    free_n: Number(r.free_n),
    delivered_n: Number(r.delivered_n),
    timed_n: Number(r.timed_n),
    fee: Number(r.fee),
    avg_days: r.avg_days === null ? null : Number(r.avg_days),
  }));
}
