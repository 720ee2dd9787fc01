/** The assessment 考核 answers: names from the generated API schema, and the groupings offered. */
import type { Res, Row } from '../../shared/client';
export const GROUPS = ['department', 'hall', 'clerk'] as const;
export type AssessmentGroup = (typeof GROUPS)[number];

export type Scores = Res<'/api/assessment/scores'>;
export type ScoreRow = Scores['rows'][number];
export type ScoreItem = ScoreRow['items'][number];
export type UnitDetail = Res<'/api/assessment/scores/{groupBy}/{key}'>;
export type ScoringRule = Res<'/api/assessment/rules'>['items'][number];
export type Bulletin = Row<'/api/assessment/bulletins'>;

/** Points with one decimal and a sign for deductions and bonuses. */
export const signed = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));
