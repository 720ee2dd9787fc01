/**
 * workflow: the case workflow engine 办件流程 (C3). The only import surface of this module.
 *
 * A library module: pure types, data and functions — no tables, no migrations, no routes, no demo
 * data, hence no `Module` object and no entry in `src/modules/index.ts`. The cases module stores a
 * `CaseSnapshot` per case, asks `transition()` what an action does and `computeClock()` where the
 * deadlines are; the catalog stores an item's own `ProcessDefinition` in its guide (`workflow`).
 */
export * from './workflow.types';
export {
  PREVIOUS,
  PERFORMERS,
  PERFORMER_LABELS,
  ACTION_REQUIREMENTS,
  REQUIREMENT_LABELS,
  CLOCK_EFFECTS,
  CLOCK_EFFECT_LABELS,
  clockEffectLabel,
  STANDARD_STATUS_LABELS,
  STANDARD_ACTION_LABELS,
} from './workflow.labels';
export {
  standardDefinition,
  immediateDefinition,
  getProcessDefinition,
  wordedForType,
  standardStepLimits,
  withStepLimits,
  withExtraSteps,
  EXTRA_STEP_PRESETS,
  type ExtraStep,
} from './workflow.defaults';
export {
  decisionWords,
  decisionStatusLabels,
  DECISION_WORDS,
  DEFAULT_DECISION_WORDS,
  ANY_TYPE_DECISION_STATUS_LABELS,
  type DecisionWords,
} from './workflow.words';
export {
  validateDefinition,
  transition,
  availableActions,
  stepOf,
  statusLabel,
  isTerminal,
  STANDARD_ACTION_MEANINGS,
  STEP_CODE_RE,
  ACTION_NAME_RE,
  type DefinitionProblem,
} from './workflow.rules';
export {
  computeClock,
  stepDeadline,
  deadlineColour,
  isNear,
  NEAR_WORKDAYS,
  NEAR_RATIO,
  type DeadlineColour,
} from './workflow.clock';
export {
  ProcessDefinitionSchema,
  StepDefinitionSchema,
  ActionDefinitionSchema,
  PerformerSchema,
} from './workflow.schema';
