import { decisionWords } from '../workflow/index';
import type { ApplicantKind, DocumentKind } from './documents.kinds';
import { DOCUMENT_KIND_LABELS } from './documents.kinds';

/**
 * What the item's type changes in its documents. Only a licence 行政许可 has a general law of
 * procedure (《中华人民共和国行政许可法》): its notices and decisions cite the articles that govern
 * them. A benefit, a confirmation, a public service … has none, so their documents cite no general
 * article; a decision names the item's own legal basis (the laws of the catalog entry) instead.
 */
export interface TypeWording {
  /** 准予许可 / 准予给付 / 予以确认 … (the workflow's decision words). */
  grant: string;
  deny: string;
  grantTitle: string;
  denyTitle: string;
  /** Label of the decision's content row: 许可内容, 给付内容 … */
  contentLabel: string;
  /** The kind words of the decisions' numbers: 兴民**给**字〔2026〕第000001号. */
  grantWord: string;
  denyWord: string;
  /** 法定形式 / 法定条件、标准 for a licence; 规定 … otherwise. */
  formal: string;
  conditions: string;
  /** The general articles cited (licences only). */
  law?: { accept: string; correct: string; grant: string; deny: string };
  /** Who may review the decision: administrative review and lawsuit, or a complaint for a service. */
  remedy: 'review' | 'feedback';
}

const LICENCE_LAW = '《中华人民共和国行政许可法》';

const TYPES: Record<string, Omit<TypeWording, 'grant' | 'deny'>> = {
  licence: {
    grantTitle: '准予行政许可决定书',
    denyTitle: '不予行政许可决定书',
    contentLabel: '许可内容',
    grantWord: '许',
    denyWord: '不许',
    formal: '法定形式',
    conditions: '法定条件、标准',
    law: {
      accept: `${LICENCE_LAW}第三十二条第一款第（五）项`,
      correct: `${LICENCE_LAW}第三十二条第一款第（四）项`,
      grant: `${LICENCE_LAW}第三十八条第一款`,
      deny: `${LICENCE_LAW}第三十八条第二款`,
    },
    remedy: 'review',
  },
  benefit: {
    grantTitle: '准予给付决定书',
    denyTitle: '不予给付决定书',
    contentLabel: '给付内容',
    grantWord: '给',
    denyWord: '不给',
    formal: '规定形式',
    conditions: '规定条件',
    remedy: 'review',
  },
  confirmation: {
    grantTitle: '确认决定书',
    denyTitle: '不予确认决定书',
    contentLabel: '确认内容',
    grantWord: '确',
    denyWord: '不确',
    formal: '规定形式',
    conditions: '规定条件',
    remedy: 'review',
  },
  filing: {
    grantTitle: '备案通知书',
    denyTitle: '不予备案通知书',
    contentLabel: '备案内容',
    grantWord: '备',
    denyWord: '不备',
    formal: '规定形式',
    conditions: '规定条件',
    remedy: 'review',
  },
  reward: {
    grantTitle: '奖励决定书',
    denyTitle: '不予奖励决定书',
    contentLabel: '奖励内容',
    grantWord: '奖',
    denyWord: '不奖',
    formal: '规定形式',
    conditions: '规定条件',
    remedy: 'review',
  },
  adjudication: {
    grantTitle: '行政裁决书',
    denyTitle: '驳回申请决定书',
    contentLabel: '裁决内容',
    grantWord: '裁',
    denyWord: '驳',
    formal: '规定形式',
    conditions: '规定条件',
    remedy: 'review',
  },
  public_service: {
    grantTitle: '办理结果通知书',
    denyTitle: '不予办理通知书',
    contentLabel: '办理结果',
    grantWord: '办',
    denyWord: '不办',
    formal: '规定形式',
    conditions: '办理条件',
    remedy: 'feedback',
  },
};
const OTHER: Omit<TypeWording, 'grant' | 'deny'> = {
  grantTitle: '准予办理决定书',
  denyTitle: '不予办理决定书',
  contentLabel: '决定内容',
  grantWord: '准',
  denyWord: '不准',
  formal: '规定形式',
  conditions: '规定条件',
  remedy: 'review',
};

/** The wording of an item type's documents; no type is a licence (the documents' first and general case). */
export function typeWording(itemType: string | undefined): TypeWording {
  const type = itemType ?? 'licence';
  const own = Object.hasOwn(TYPES, type) ? TYPES[type]! : OTHER;
  return { ...decisionWords(type), ...own };
}

/** The title a document of this kind carries for an item of this type (a certificate carries its own name). */
export function documentTitle(kind: DocumentKind, itemType: string | undefined): string {
  if (kind === 'grant_decision') return typeWording(itemType).grantTitle;
  if (kind === 'deny_decision') return typeWording(itemType).denyTitle;
  return DOCUMENT_KIND_LABELS[kind];
}

const KIND_WORDS: Record<Exclude<DocumentKind, 'grant_decision' | 'deny_decision'>, string> = {
  acceptance_notice: '受',
  correction_notice: '补',
  refusal_notice: '不受',
  certificate: '证',
};

/** The word of the document number (文号) that tells the kind: 盘审**受**字, 兴民**给**字 … */
export function kindWord(kind: DocumentKind, itemType: string | undefined): string {
  if (kind === 'grant_decision') return typeWording(itemType).grantWord;
  if (kind === 'deny_decision') return typeWording(itemType).denyWord;
  return KIND_WORDS[kind];
}

/** How the document addresses the applicant: 你 (a person), 你单位 (an organisation). */
export const addressOf = (kind: ApplicantKind | undefined) =>
  kind === 'person' ? '你' : kind === 'organisation' ? '你单位' : '你（单位）';
