/** 好差评 (ratings), rectifications and appeals: names from the generated API schema, and the fixed lists. */
import type { Res, Row } from './client';

/** Indicator codes per channel (labels as the national standards name them; the server checks the codes). */
export const INDICATOR_CODES: Record<RatingChannel, string[]> = {
  online: ['overall', 'efficiency', 'guide_accuracy', 'convenience', 'usability'],
  window: ['overall', 'efficiency', 'competence', 'attitude'],
};

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export const isBadLevel = (level: number) => level <= 2;

export const RECTIFICATION_STATUSES: RectificationStatus[] = [
  'pending_check',
  'invalid_review',
  'rectifying',
  'overdue',
  'closed',
  'closed_invalid',
];

export type RatingView = Res<'/api/ratings/{id}'>;
export type RatingChannel = RatingView['channel'];
export type Indicator = RatingView['indicators'][number];
export type AppealView = NonNullable<RatingView['appeal']>;
export type RectificationView = Row<'/api/rectifications'>;
export type RectificationStatus = RectificationView['status'];
export type RectAction = RectificationView['availableActions'][number];
export type AppealListItem = Row<'/api/rating-appeals'>;
export type DeviceSession = Res<'/api/ratings/device-sessions', 'post'>;
export type DeviceSessionInfo = Res<'/api/ratings/device/{token}'>;
