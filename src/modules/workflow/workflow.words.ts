/**
 * How a decision is worded by the catalog's item type: a licence is granted 准予许可, a benefit 准予给付,
 * a confirmation 予以确认 … The one owner of these words: the workflow's decision actions and statuses,
 * the documents of the decision and the web app (`web/src/shared/decisionWords.ts`, which imports this
 * file as it is) all take them from here. Pure and without imports.
 */

export interface DecisionWords {
  grant: string;
  deny: string;
}

export const DECISION_WORDS: Readonly<Record<string, DecisionWords>> = {
  licence: { grant: '准予许可', deny: '不予许可' },
  benefit: { grant: '准予给付', deny: '不予给付' },
  confirmation: { grant: '予以确认', deny: '不予确认' },
  filing: { grant: '予以备案', deny: '不予备案' },
  reward: { grant: '给予奖励', deny: '不予奖励' },
  adjudication: { grant: '作出裁决', deny: '驳回申请' },
  public_service: { grant: '准予办理', deny: '不予办理' },
};
/** Words of an item type without its own (penalty, levy, inspection … are rarely applied for). */
export const DEFAULT_DECISION_WORDS: DecisionWords = { grant: '准予办理', deny: '不予办理' };
/** The words of the standard path's own labels: a licence's. */
export const LICENCE_DECISION_WORDS: DecisionWords = DECISION_WORDS.licence!;

/** The words of a type; no type at all is a licence's (the standard path's own labels). */
export const decisionWords = (itemType: string | undefined): DecisionWords =>
  itemType === undefined
    ? LICENCE_DECISION_WORDS
    : ((Object.hasOwn(DECISION_WORDS, itemType) ? DECISION_WORDS[itemType] : undefined) ?? DEFAULT_DECISION_WORDS);

/** The decision statuses of a case worded for its type: 准予给付，待制证 / 不予给付. */
export const decisionStatusLabels = (w: DecisionWords): { granted: string; denied: string } => ({
  granted: `${w.grant}，待制证`,
  denied: w.deny,
});

/**
 * The decision statuses where cases of several types are listed together (a status filter over all items):
 * words true for every type.
 */
export const ANY_TYPE_DECISION_STATUS_LABELS: { granted: string; denied: string } = {
  granted: '已作出准予决定，待制证',
  denied: '已作出不予决定',
};
