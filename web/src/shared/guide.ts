/**
 * What an item's guide may promise online. A guide shows a 支持预约 or 网上缴费 tag only when the platform
 * has that function; until then it says where to book or pay in person, from the item's hall and phone.
 * Pure, so the rule is tested (guide.test.ts) and the portal only renders it.
 */
import type { ItemGuide } from './types';

/** The online functions the platform has today: no booking and no payment yet. */
export const ONLINE_FUNCTIONS = { booking: false, payment: false } as const;
export type OnlineFunctions = { booking: boolean; payment: boolean };

export type ServiceTag = 'acceptAnywhere' | 'expressDelivery' | 'appointment' | 'onlinePayment';

/** Where to go (or call) for what cannot be done online; null parts are unknown. */
export interface OfflinePlace {
  /** 大厅名称，地址 */
  place: string | null;
  hours: string | null;
  phone: string | null;
}

export interface GuideServices {
  tags: ServiceTag[];
  /** Set when the item takes appointments but booking is not online. */
  bookOffline: OfflinePlace | null;
  /** Set when the item charges a fee (or says it is paid online) but payment is not online. */
  payOffline: OfflinePlace | null;
}

type Facts = Pick<
  ItemGuide,
  'acceptAnywhere' | 'expressDelivery' | 'appointment' | 'onlinePayment' | 'fees' | 'hall' | 'contacts'
>;

const text = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

export function offlinePlace(g: Partial<Pick<Facts, 'hall' | 'contacts'>>): OfflinePlace {
  const parts = [text(g.hall?.name), text(g.hall?.address)].filter((s): s is string => !!s);
  return {
    place: parts.length ? parts.join('，') : null,
    hours: text(g.hall?.hours),
    phone: text(g.contacts?.consultPhone),
  };
}

export function guideServices(g: Partial<Facts>, online: OnlineFunctions = ONLINE_FUNCTIONS): GuideServices {
  const tags: ServiceTag[] = [];
  if (g.acceptAnywhere) tags.push('acceptAnywhere');
  if (g.expressDelivery) tags.push('expressDelivery');
  if (g.onlinePayment && online.payment) tags.push('onlinePayment');
  if (g.appointment && online.booking) tags.push('appointment');
  const where = offlinePlace(g);
  const pays = !!g.onlinePayment || (!!g.fees?.charged && (g.fees.items?.length ?? 0) > 0);
  return {
    tags,
    bookOffline: g.appointment && !online.booking ? where : null,
    payOffline: pays && !online.payment ? where : null,
  };
}

/** 有效期 as a guide states it: years, `long` (长期有效) for a certificate without a term, null for other results. */
export function validityOf(
  result: Pick<ItemGuide['result'], 'type' | 'validYears'> | undefined,
): number | 'long' | null {
  if (!result || result.type !== 'certificate') return null;
  return result.validYears ?? 'long';
}
