/** Pure rules of 统一制发证 / 快递送达: carriers, tracking numbers, waybill state changes. */
import type { WaybillStatus } from './issuing.tables';

export const CARRIERS = ['EMS', 'SF', 'JD', 'ZTO', 'YTO', 'STO'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const CARRIER_LABELS: Record<Carrier, string> = {
  EMS: '中国邮政EMS',
  SF: '顺丰速运',
  JD: '京东物流',
  ZTO: '中通快递',
  YTO: '圆通速递',
  STO: '申通快递',
};

const ALIASES: Record<string, Carrier> = {
  ems: 'EMS',
  邮政: 'EMS',
  中国邮政: 'EMS',
  中国邮政ems: 'EMS',
  sf: 'SF',
  顺丰: 'SF',
  顺丰速运: 'SF',
  jd: 'JD',
  京东: 'JD',
  京东物流: 'JD',
  zto: 'ZTO',
  中通: 'ZTO',
  中通快递: 'ZTO',
  yto: 'YTO',
  圆通: 'YTO',
  圆通速递: 'YTO',
  sto: 'STO',
  申通: 'STO',
  申通快递: 'STO',
};

/** A carrier code from its code or Chinese name (EMS / 顺丰 / 京东 …); undefined when unknown. */
export function carrierOf(input: string): Carrier | undefined {
  return ALIASES[input.trim().toLowerCase().replace(/\s+/g, '')];
}

export const MAX_DAILY_WAYBILLS = 999_999;

/** 快递单号: carrier code + yyyymmdd + 6-digit daily sequence, e.g. `EMS20261123000001`. */
export function formatTrackingNumber(carrier: Carrier, day: string, seq: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`bad day ${day}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_DAILY_WAYBILLS) throw new Error(`sequence out of range: ${seq}`);
  return `${carrier}${day.replaceAll('-', '')}${String(seq).padStart(6, '0')}`;
}

export const WAYBILL_STATUS_LABELS: Record<WaybillStatus, string> = {
  created: '已制单',
  dispatched: '已揽收发出',
  delivered: '已签收',
  returned: '已退回',
};

/** Which statuses a waybill may move to from `from`. */
const NEXT: Record<WaybillStatus, WaybillStatus[]> = {
  created: ['dispatched', 'returned'],
  dispatched: ['delivered', 'returned'],
  delivered: [],
  returned: [],
};

export function canMove(from: WaybillStatus, to: WaybillStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whole days (one decimal) between two instants; null when either is missing. */
export function daysBetween(from: Date | null, to: Date | null): number | null {
  if (!from || !to) return null;
  return Math.round(((to.getTime() - from.getTime()) / 86_400_000) * 10) / 10;
}
