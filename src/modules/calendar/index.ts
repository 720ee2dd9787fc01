/** calendar: working days, official holidays and swapped workdays (调休). The only import surface of this module. */
import type { Module } from '../../platform/module';
import { calendarInit } from './db/migrations/20261123T0200_calendar_init';
import { registerCalendarRoutes } from './calendar.routes';
import { seedCalendar } from './calendar.service';

/** Facade for other modules: dates are 'YYYY-MM-DD', Asia/Shanghai civil days. */
export { addWorkdays, countWorkdays, isWorkday, loadCalendar } from './calendar.service';
export type { CalendarData, DayKind, WorkdayCount, WorkdayResult } from './calendar.rules';
export { todayInShanghai, isValidDate, addDays, toDayNumber, MAX_WORKDAYS } from './calendar.rules';
/** The same arithmetic over an already loaded `CalendarData`, for pure rules elsewhere (e.g. the case clock). */
export {
  addWorkdays as addWorkdaysIn,
  countWorkdays as countWorkdaysIn,
  isWorkday as isWorkdayIn,
} from './calendar.rules';

export const calendarModule: Module = {
  name: 'calendar',
  migrations: { '20261123T0200_calendar_init': calendarInit },
  routes: (app, ctx) => registerCalendarRoutes(app, ctx),
  seedDemo: seedCalendar,
};
