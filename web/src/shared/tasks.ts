/** 督查督办 tasks as the API answers them (`/api/supervision/tasks`, `/api/supervision/measures`). */
import { useFetch } from './components/hooks';
import { api } from './api';

export type MeasureStatus = 'open' | 'done' | 'overdue';
export const MEASURE_STATUSES: MeasureStatus[] = ['open', 'overdue', 'done'];

export interface Measure {
  id: string;
  problemId: string;
  number: number;
  content: string;
  leadUnits: string;
  leadDepartmentCode: string | null;
  coLeadDepartmentCodes: string[];
  assistingUnits: string;
  assistingDepartmentCodes: string[];
  unmatchedUnits: string[];
  deadlineText: string;
  deadline: string | null;
  longTerm: boolean;
  status: MeasureStatus;
  overdueOn: string | null;
  doneAt: string | null;
  urgeCount: number;
  accountability: { note: string; byName: string | null; at: string } | null;
}

export interface ReportFile {
  id: string;
  name: string;
  size: number;
  mediaType: string;
}

export interface MeasureReport {
  id: string;
  reportedByName: string;
  departmentCode: string | null;
  reportedAt: string;
  content: string;
  fileIds: string[];
  files: ReportFile[];
  final: boolean;
}

export interface Urging {
  id: string;
  byName: string;
  at: string;
  note: string;
}

export interface MeasureDetail extends Measure {
  reports: MeasureReport[];
  urgings: Urging[];
}

interface ProblemBase {
  id: string;
  number: number;
  category: string | null;
  title: string;
  description: string;
  source: string;
  regionCode: string;
  createdAt: string;
}
export interface TaskProblem extends ProblemBase {
  measures: Measure[];
}
export interface TaskProblemDetail extends ProblemBase {
  measures: MeasureDetail[];
}

export interface PreviewMeasure {
  row: number;
  content: string;
  leadUnits: string;
  leadDepartmentCodes: string[];
  assistingUnits: string;
  assistingDepartmentCodes: string[];
  unmatchedUnits: string[];
  deadlineText: string;
  deadline: string | null;
  longTerm: boolean;
}
export interface ImportPreview {
  rows: number;
  measures: number;
  problems: { title: string; measures: PreviewMeasure[] }[];
  errors: { row: number; column: string; field: string; message: string }[];
}
export interface ImportResult {
  problems: number;
  measures: number;
  unmatchedUnits: { row: number; name: string }[];
  problemIds: string[];
}

/** A report attachment, served through its measure (so supervisors and the other department may read it). */
export const measureFileHref = (measureId: string, fileId: string) =>
  `/api/supervision/measures/${measureId}/files/${fileId}?download=true`;

/** Whether a department (by code) leads or co-leads a measure — it may then complete it 办结. */
export const leadsMeasure = (m: Measure, code: string | null | undefined) =>
  !!code && (m.leadDepartmentCode === code || m.coLeadDepartmentCodes.includes(code));

/** The code of the signed-in user's department (the session carries only its id). */
export function useMyDepartmentCode(departmentId: string | null | undefined): string | null {
  const d = useFetch<{ code: string }>(
    departmentId
      ? (signal) => api.get<{ code: string }>(`/api/departments/${departmentId}`, { signal, silent: true })
      : null,
    [departmentId],
  );
  return d.data?.code ?? null;
}
