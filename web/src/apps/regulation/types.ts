/** Names for the regulation answers (`/api/regulation/*`, `/api/public/inspections`), from the generated API schema. */
import type { Res, Row } from '../../shared/client';

export type Push = Row<'/api/regulation/pushes'>;
export type PushStatus = Push['status'];
export const PUSH_STATUSES: PushStatus[] = ['unassigned', 'pushed', 'received', 'returned'];
export const SUPERVISION_RESULTS = ['qualified', 'rectify', 'case_filed', 'revoked', 'other'] as const;
export type SupervisionResult = (typeof SUPERVISION_RESULTS)[number];

export type PlanSummary = Row<'/api/regulation/plans'>;
export type PlanStatus = PlanSummary['status'];
export type PlanView = Res<'/api/regulation/plans/{id}'>;
export type PlanTarget = PlanView['targets'][number];

export type Entity = Row<'/api/regulation/entities'>;
export type Inspector = Row<'/api/regulation/inspectors'>;
export type Assignment = Row<'/api/regulation/assignments'>;

export type PublicPlan = Row<'/api/public/inspections'>;
export type PublicPlanView = Res<'/api/public/inspections/{id}'>;
