/** Names for the issuing answers (`/api/issuing/*`), from the generated API schema, and the fixed lists. */
import type { Res, Row } from '../../../shared/client';

export type IssuingStage = 'to_issue' | 'to_deliver';
export const STAGES: IssuingStage[] = ['to_issue', 'to_deliver'];

export const CARRIERS = ['EMS', 'SF', 'JD', 'ZTO', 'YTO', 'STO'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const WAYBILL_STATUSES = ['created', 'dispatched', 'delivered', 'returned'] as const;
export type WaybillStatus = (typeof WAYBILL_STATUSES)[number];

export type QueueItem = Row<'/api/issuing/queue'>;
export type Batch = Res<'/api/issuing/batches', 'post'>;
export type BatchItem = Batch['items'][number];
export type Waybill = Row<'/api/issuing/waybills'>;
export type Stats = Res<'/api/issuing/stats'>;
export type StatsGroup = Stats['groupBy'];
export type StatsRow = Stats['rows'][number];
