/** Types of the assessment API 考核 (src/modules/assessment/assessment.schemas.ts). */
export const GROUPS = ['department', 'hall', 'clerk'] as const;
export type AssessmentGroup = (typeof GROUPS)[number];

export interface ScoreItem {
  code: string;
  name: string;
  kind: 'deduction' | 'bonus';
  count: number;
  pointsEach: number;
  points: number;
  capped: boolean;
}

export interface ScoreRow {
  key: string;
  label: string;
  rank: number;
  score: number;
  deductions: number;
  bonuses: number;
  completed: number;
  pendingCards: number;
  items: ScoreItem[];
}

export interface Scores {
  month: string;
  from: string;
  to: string;
  groupBy: AssessmentGroup;
  base: number;
  rows: ScoreRow[];
}

export interface UnitDetail extends ScoreRow {
  month: string;
  groupBy: AssessmentGroup;
  base: number;
  of: number;
  lines: { item: string; itemName: string; on: string; caseNumber: string | null; text: string }[];
}

export interface ScoringRule {
  code: string;
  name: string;
  kind: 'base' | 'deduction' | 'bonus';
  points: number;
  cap: number | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface Bulletin {
  id: string;
  regionPrefix: string;
  regionName: string;
  weekFrom: string;
  weekTo: string;
  title: string;
  summary: { units: number; redCards: number; overdueCases: number; badRatings: number; overdueMeasures: number };
  generatedAt: string;
  generatedBy: string;
}

/** Points with one decimal and a sign for deductions and bonuses. */
export const signed = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));
