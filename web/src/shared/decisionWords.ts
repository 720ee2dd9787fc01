/**
 * How a decision is worded by the item's type (准予许可, 准予给付, 予以确认 …): the server's own words
 * (workflow), imported as they are so the web app never keeps a copy.
 */
import {
  ANY_TYPE_DECISION_STATUS_LABELS,
  decisionStatusLabels,
  decisionWords,
} from '../../../src/modules/workflow/workflow.words';

export { ANY_TYPE_DECISION_STATUS_LABELS, decisionStatusLabels, decisionWords };
export type { DecisionWords } from '../../../src/modules/workflow/workflow.words';

/**
 * A case status as a list's filter offers it: the decision statuses (granted, denied) in the words of the
 * chosen item's type, or in words true for every type when the list spans items; any other status as
 * `otherwise` labels it. (A case itself carries its status label from the server.)
 */
export function statusFilterLabel(
  status: string,
  itemType: string | undefined,
  otherwise: (status: string) => string,
): string {
  if (status !== 'granted' && status !== 'denied') return otherwise(status);
  const labels = itemType ? decisionStatusLabels(decisionWords(itemType)) : ANY_TYPE_DECISION_STATUS_LABELS;
  return labels[status];
}
