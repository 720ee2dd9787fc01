import type { Generated } from 'kysely';
import type { DayKind } from './calendar.rules';

/** 'builtin' = loaded from the bundled `chinese-days` data; 'manual' = entered by an administrator. */
export type CalendarSource = 'builtin' | 'manual';
/** A year is in force (published) once its State Council notice has been entered; draft while being entered. */
export type YearStatus = 'published' | 'draft';

/** Kysely view of the calendar module's own tables. */
export interface CalendarTables {
  calendar_days: {
    date: string;
    kind: DayKind;
    name: string;
    source: CalendarSource;
    updated_at: Generated<Date>;
  };
  calendar_years: {
    year: number;
    status: YearStatus;
    source: CalendarSource;
    notice: string | null;
    published_at: Date | null;
    updated_at: Generated<Date>;
  };
}
