/**
 * Rules of the knowledge base 知识库: the review and publish workflow as data, what an entry is found by,
 * and whether it is in force on a day. Pure; segmentation is the catalog's (one segmenter for all search).
 */
import { indexTokens, queryTokens } from '../catalog/index';
import type { KbState } from './hotline.tables';

export const KB_STATE_LABELS: Record<KbState, string> = {
  draft: '草稿',
  review: '待审核',
  published: '已发布',
  withdrawn: '已下架',
};

export const KB_ACTIONS = {
  submit: { label: '提交审核', from: ['draft'], to: 'review' },
  publish: { label: '审核发布', from: ['review'], to: 'published' },
  return: { label: '退回修改', from: ['review'], to: 'draft' },
  withdraw: { label: '下架', from: ['published'], to: 'withdrawn' },
  restore: { label: '重新上架', from: ['withdrawn'], to: 'published' },
} as const satisfies Record<string, { label: string; from: readonly KbState[]; to: KbState }>;
export type KbAction = keyof typeof KB_ACTIONS;
export const KB_ACTION_NAMES = Object.keys(KB_ACTIONS) as [KbAction, ...KbAction[]];

/** The state an action leads to, or the sentence why it cannot be taken now. */
export function kbTransition(
  state: KbState,
  action: KbAction,
): { ok: true; to: KbState } | { ok: false; message: string } {
  const a = KB_ACTIONS[action];
  if (!(a.from as readonly KbState[]).includes(state))
    return { ok: false, message: `知识条目当前为「${KB_STATE_LABELS[state]}」，不能「${a.label}」` };
  return { ok: true, to: a.to };
}

/** What search matches an entry by: every token of question and answer, and the question's as primary. */
export function entryIndex(question: string, answer: string): { search_terms: string[]; primary_terms: string[] } {
  const primary = indexTokens(question);
  return { search_terms: [...new Set([...primary, ...indexTokens(answer)])], primary_terms: primary };
}

/** Whether an entry is in force on `day` (YYYY-MM-DD): within its validity dates, open ends allowed. */
export const inForce = (e: { valid_from: string | null; valid_to: string | null }, day: string): boolean =>
  (e.valid_from === null || e.valid_from <= day) && (e.valid_to === null || day <= e.valid_to);

/** Filler of a caller's sentence on the phone that would match every "…怎么办？" entry alike. */
const CALLER_FILLER = new Set([
  '怎么办',
  '我的',
  '你好',
  '您好',
  '咨询',
  '一下',
  '问一下',
  '想问',
  '反映',
  '这个',
  '那个',
  '现在',
]);

/** The words of a caller's sentence search goes by: the catalog's query words without phone-call filler. */
export function callerTokens(q: string): string[] {
  const words = queryTokens(q);
  const meaningful = words.filter((w) => !CALLER_FILLER.has(w));
  return meaningful.length ? meaningful : words;
}
