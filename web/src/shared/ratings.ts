/** Shapes of the 好差评 (ratings), rectification and appeal APIs, as `ratings.schemas.ts` defines them. */

export type RatingChannel = 'online' | 'window';

export interface Indicator {
  code: string;
  label: string;
}

/** Indicator codes per channel (labels as the national standards name them; the server checks the codes). */
export const INDICATOR_CODES: Record<RatingChannel, string[]> = {
  online: ['overall', 'efficiency', 'guide_accuracy', 'convenience', 'usability'],
  window: ['overall', 'efficiency', 'competence', 'attitude'],
};

export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export const isBadLevel = (level: number) => level <= 2;

export type RectificationStatus =
  'pending_check' | 'invalid_review' | 'rectifying' | 'overdue' | 'closed' | 'closed_invalid';
export const RECTIFICATION_STATUSES: RectificationStatus[] = [
  'pending_check',
  'invalid_review',
  'rectifying',
  'overdue',
  'closed',
  'closed_invalid',
];
export type RectAction = 'check' | 'review' | 'extend' | 'callback';

export interface AppealView {
  id: string;
  ratingId: string;
  status: 'pending' | 'upheld' | 'rejected';
  statusLabel: string;
  reason: string;
  evidence: string;
  filedBy: string;
  filedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
}

export interface RatingView {
  id: string;
  caseId: string;
  caseNumber: string;
  itemCode: string;
  itemName: string;
  channel: RatingChannel;
  channelLabel: string;
  level: number;
  levelLabel: string;
  bad: boolean;
  indicators: Indicator[];
  comment: string | null;
  departmentCode: string;
  departmentName: string | null;
  viaDevice: boolean;
  ratedOn: string;
  createdAt: string;
  excluded: boolean;
  rectification: { id: string; status: RectificationStatus; statusLabel: string; deadline: string | null } | null;
  appeal: AppealView | null;
}

export interface RectificationView {
  id: string;
  version: number;
  status: RectificationStatus;
  statusLabel: string;
  rating: Omit<RatingView, 'rectification'>;
  departmentCode: string;
  departmentName: string | null;
  check: { valid: boolean; reason: string | null; by: string; at: string } | null;
  review: { confirmInvalid: boolean; comment: string | null; by: string; at: string } | null;
  startedOn: string | null;
  deadline: string | null;
  deadlineProvisional: boolean;
  extension: { reason: string; days: number } | null;
  measures: string | null;
  callback: { by: string; at: string; method: string; result: string; applicantSatisfied: boolean } | null;
  wasOverdue: boolean;
  overdueOn: string | null;
  closedAt: string | null;
  createdAt: string;
  availableActions: RectAction[];
}

export type AppealListItem = AppealView & { rating: Omit<RatingView, 'rectification' | 'appeal'> };

export interface DeviceSession {
  token: string;
  expiresAt: string;
  caseNumber: string;
  itemName: string;
}

export interface DeviceSessionInfo {
  caseNumber: string;
  itemName: string;
  applicantName: string;
  indicators: Indicator[];
  levels: { level: number; label: string }[];
}
