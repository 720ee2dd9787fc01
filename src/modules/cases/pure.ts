/**
 * cases: the pure rules other modules' pure rules may import (no database, no module wiring), so that a rule
 * file elsewhere stays pure. Everything here is also exported by `index.ts`, the module's import surface for
 * services and routes.
 */
export { isOverdueOn, storedDeadlineState, type StoredClock } from './cases.deadline';
export type { ClockPhase } from './cases.tables';
