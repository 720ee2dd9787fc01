/**
 * Chinese labels and fixed vocabularies of the workflow engine (办件流程).
 * Labels of the standard path live here so that the defaults, the rules' messages and the UI agree.
 */
import { CASE_ROLES, ROLE_LABELS } from '../../platform/auth';
import { LICENCE_DECISION_WORDS, decisionStatusLabels } from './workflow.words';
import type { ActionRequirement, ClockEffect, Performer, StandardAction, StandardStatus } from './workflow.types';

/** Target of `resume`: the status the case was suspended from (`CaseSnapshot.suspendedFrom`). */
export const PREVIOUS = '@previous';

/** Everyone who may appear in `ActionDefinition.performers`. */
export const PERFORMERS: readonly Performer[] = [...CASE_ROLES, 'owner'];

export const PERFORMER_LABELS = Object.fromEntries(
  PERFORMERS.map((p) => [p, p === 'owner' ? '申请人本人（含其委托的代办人）' : ROLE_LABELS[p]]),
) as Record<Performer, string>;

export const ACTION_REQUIREMENTS = [
  'reason',
  'corrections',
  'suspension',
  'delivery',
  'certificate',
] as const satisfies readonly ActionRequirement[];

export const REQUIREMENT_LABELS: Record<ActionRequirement, string> = {
  reason: '理由',
  corrections: '补正清单',
  suspension: '特别程序信息',
  delivery: '送达信息',
  certificate: '证照信息',
};

export const CLOCK_EFFECTS = ['start', 'stop', 'resume', 'end'] as const satisfies readonly Exclude<
  ClockEffect,
  null
>[];

export const CLOCK_EFFECT_LABELS: Record<Exclude<ClockEffect, null>, string> = {
  start: '开始计时',
  stop: '暂停计时',
  resume: '恢复计时',
  end: '结束计时',
};
export const clockEffectLabel = (c: ClockEffect | undefined): string => (c ? CLOCK_EFFECT_LABELS[c] : '不影响计时');

export const STANDARD_STATUS_LABELS: Record<StandardStatus, string> = {
  draft: '草稿',
  submitted: '已提交，待预审',
  correction_requested: '待补正',
  prereviewed: '预审通过，待受理',
  refused: '不予受理',
  accepted: '已受理，审查中',
  reviewed: '审查通过，待决定',
  // the standard path is worded for a licence; `wordedForType` rewords it for the item's type
  ...decisionStatusLabels(LICENCE_DECISION_WORDS),
  certificate_issued: '已制证，待送达',
  completed: '已办结',
  withdrawn: '已撤回',
  suspended: '特别程序中（暂停计时）',
};

export const STANDARD_ACTION_LABELS: Record<StandardAction, string> = {
  submit: '提交申请',
  'prereview-pass': '预审通过',
  'request-correction': '一次性告知补正',
  resubmit: '补正后重新提交',
  refuse: '不予受理',
  accept: '受理',
  'review-pass': '审查通过',
  return: '退回上一环节',
  ...LICENCE_DECISION_WORDS,
  suspend: '启动特别程序（暂停计时）',
  resume: '结束特别程序（恢复计时）',
  'issue-certificate': '制证',
  deliver: '送达',
  withdraw: '撤回申请',
};
