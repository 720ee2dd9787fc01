import type { ColumnType, Generated } from 'kysely';

export type MeasureStatus = 'open' | 'done' | 'overdue';

export interface SupervisionProblemsTable {
  id: Generated<string>;
  number: number;
  category: string | null;
  title: string;
  description: Generated<string>;
  source: Generated<string>;
  region_code: string;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface SupervisionMeasuresTable {
  id: Generated<string>;
  problem_id: string;
  number: number;
  content: string;
  lead_department_code: string | null;
  lead_department_name: string;
  co_lead_department_codes: Generated<string[]>;
  assisting_department_codes: Generated<string[]>;
  assisting_department_names: Generated<string>;
  unmatched_department_names: Generated<string[]>;
  deadline_text: Generated<string>;
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  long_term: Generated<boolean>;
  status: Generated<MeasureStatus>;
  overdue_on: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: Date | null;
  accountability_note: string | null;
  accountability_by: string | null;
  accountability_by_name: string | null;
  accountability_at: Date | null;
  urge_count: Generated<number>;
  created_at: ColumnType<Date, never, never>;
}

export interface MeasureReportsTable {
  id: Generated<string>;
  measure_id: string;
  reported_by: string;
  reported_by_name: string;
  department_code: string | null;
  reported_at: ColumnType<Date, never, never>;
  content: string;
  file_ids: string[];
  final: Generated<boolean>;
}

export interface MeasureUrgingsTable {
  id: Generated<string>;
  measure_id: string;
  by: string;
  by_name: string;
  at: ColumnType<Date, never, never>;
  note: string;
}

export interface TasksTables {
  supervision_problems: SupervisionProblemsTable;
  supervision_measures: SupervisionMeasuresTable;
  measure_reports: MeasureReportsTable;
  measure_urgings: MeasureUrgingsTable;
}
