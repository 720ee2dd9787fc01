import type { ColumnType, Generated } from 'kysely';

type Numeric = ColumnType<string, number, number>;

/** Kysely view of the assessment module's own tables. */
export interface AssessmentTables {
  assessment_rules: {
    code: string;
    name: string;
    kind: 'base' | 'deduction' | 'bonus';
    /** numeric(6,1): read as a string by both drivers. */
    points: Numeric;
    cap: ColumnType<string | null, number | null, number | null>;
    sort: number;
    version: Generated<number>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
    updated_by_name: string | null;
  };
  assessment_bulletins: {
    id: Generated<string>;
    region_prefix: string;
    region_name: string;
    week_from: ColumnType<string, string, string>;
    week_to: ColumnType<string, string, string>;
    title: string;
    summary: ColumnType<BulletinSummary, string, string>;
    pdf: Buffer;
    generated_at: ColumnType<Date, Date | undefined, Date>;
    generated_by: string | null;
    generated_by_name: string;
  };
}

/** Headline counts of a bulletin, kept beside the PDF for the list. */
export interface BulletinSummary {
  units: number;
  redCards: number;
  overdueCases: number;
  badRatings: number;
  overdueMeasures: number;
}
