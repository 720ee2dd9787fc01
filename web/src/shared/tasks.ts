/** 督查督办 tasks and measures: names from the generated API schema, and the helpers the pages share. */
import { useFetch } from './components/hooks';
import { api, apiUrl, type Res, type Row } from './client';

export type TaskProblem = Row<'/api/supervision/tasks'>;
export type Measure = TaskProblem['measures'][number];
export type MeasureStatus = Measure['status'];
export const MEASURE_STATUSES: MeasureStatus[] = ['open', 'overdue', 'done'];
export type TaskProblemDetail = Res<'/api/supervision/tasks/{problemId}'>;
export type MeasureDetail = TaskProblemDetail['measures'][number];
export type MeasureReport = MeasureDetail['reports'][number];
export type ReportFile = MeasureReport['files'][number];
export type Urging = MeasureDetail['urgings'][number];
export type ImportPreview = Res<'/api/supervision/tasks/import/preview', 'post'>;
export type PreviewMeasure = ImportPreview['problems'][number]['measures'][number];
export type ImportResult = Res<'/api/supervision/tasks/import', 'post'>;

/** A report attachment, served through its measure (so supervisors and the other department may read it). */
export const measureFileHref = (measureId: string, fileId: string) =>
  apiUrl('/api/supervision/measures/{id}/files/{fileId}', {
    path: { id: measureId, fileId },
    query: { download: 'true' },
  });

/** Whether a department (by code) leads or co-leads a measure — it may then complete it 办结. */
export const leadsMeasure = (m: Measure, code: string | null | undefined) =>
  !!code && (m.leadDepartmentCode === code || m.coLeadDepartmentCodes.includes(code));

/** The code of the signed-in user's department (the session carries only its id). */
export function useMyDepartmentCode(departmentId: string | null | undefined): string | null {
  const d = useFetch(
    departmentId
      ? (signal) => api.get('/api/departments/{id}', { params: { path: { id: departmentId } }, signal, silent: true })
      : null,
    [departmentId],
  );
  return d.data?.code ?? null;
}
