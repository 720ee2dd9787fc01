/** What the regulation API (`/api/regulation/*`, `/api/public/inspections`) answers; mirrors src/modules/regulation/regulation.schemas.ts. */

export type PushStatus = 'unassigned' | 'pushed' | 'received' | 'returned';
export const PUSH_STATUSES: PushStatus[] = ['unassigned', 'pushed', 'received', 'returned'];
export const SUPERVISION_RESULTS = ['qualified', 'rectify', 'case_filed', 'revoked', 'other'] as const;
export type SupervisionResult = (typeof SUPERVISION_RESULTS)[number];

export interface Push {
  id: string;
  caseId: string;
  caseNumber: string;
  itemCode: string;
  itemName: string;
  regionCode: string;
  entityName: string;
  entityKind: 'person' | 'company';
  creditCode: string | null;
  licenceNumber: string | null;
  grantedOn: string;
  status: PushStatus;
  statusLabel: string;
  regulatorDepartmentName: string | null;
  dueOn: string | null;
  overdue: boolean;
  reminders: number;
  receivedAt: string | null;
  receivedByName: string | null;
  result: SupervisionResult | null;
  resultLabel: string | null;
  resultText: string | null;
  resultOn: string | null;
  version: number;
}

export type PlanStatus = 'draft' | 'drawn' | 'published';
export interface PlanSummary {
  id: string;
  departmentName: string;
  name: string;
  targetRegionCode: string;
  itemCodes: string[];
  targetCount: number;
  inspectorsPerTarget: number;
  status: PlanStatus;
  statusLabel: string;
  seed: string | null;
  drawnAt: string | null;
  drawnByName: string | null;
  publishedAt: string | null;
  createdByName: string;
  createdAt: string;
  version: number;
}
export interface PlanTarget {
  id: string;
  seq: number;
  entityName: string;
  creditCode: string | null;
  itemName: string;
  regionCode: string;
  inspectors: { accountId: string; name: string; certificateNumber: string }[];
  result: 'qualified' | 'problem' | null;
  resultLabel: string | null;
  resultText: string | null;
  resultOn: string | null;
}
export interface PlanView extends PlanSummary {
  targets: PlanTarget[];
}

export interface Entity {
  id: string;
  name: string;
  creditCode: string | null;
  itemName: string;
  licenceNumber: string | null;
  regionCode: string;
  source: 'grant' | 'register';
  createdAt: string;
}
export interface Inspector {
  accountId: string;
  username: string;
  name: string;
  departmentName: string;
  certificateNumber: string;
  residenceRegionCode: string | null;
  conflicts: string[];
  active: boolean;
  version: number;
}
export interface Assignment {
  id: string;
  itemCode: string;
  itemName: string;
  regionCode: string;
  departmentCode: string;
  departmentName: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

export interface PublicPlan {
  id: string;
  name: string;
  departmentName: string;
  targetCount: number;
  problems: number;
  seed: string;
  drawnAt: string;
  publishedAt: string;
}
export interface PublicPlanView extends PublicPlan {
  targets: {
    seq: number;
    entityName: string;
    creditCode: string | null;
    itemName: string;
    regionCode: string;
    inspectors: string[];
    result: string;
    resultCode: 'qualified' | 'problem';
    resultText: string | null;
    resultOn: string | null;
  }[];
}
