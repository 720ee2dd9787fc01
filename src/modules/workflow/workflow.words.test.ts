import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANY_TYPE_DECISION_STATUS_LABELS, DECISION_WORDS, decisionStatusLabels, decisionWords } from './workflow.words';
import { STANDARD_ACTION_LABELS, STANDARD_STATUS_LABELS } from './workflow.labels';

describe('decision words', () => {
  it('stays a file without imports, so that the web app can import it as it is', () => {
    const text = fs.readFileSync(new URL('./workflow.words.ts', import.meta.url), 'utf8');
    expect(text).not.toMatch(/^\s*import\s/m);
  });

  it('words the standard path as a licence and the statuses of each type from its words', () => {
    expect([STANDARD_ACTION_LABELS.grant, STANDARD_ACTION_LABELS.deny]).toEqual(['准予许可', '不予许可']);
    expect([STANDARD_STATUS_LABELS.granted, STANDARD_STATUS_LABELS.denied]).toEqual(['准予许可，待制证', '不予许可']);
    expect(decisionStatusLabels(decisionWords('benefit'))).toEqual({ granted: '准予给付，待制证', denied: '不予给付' });
  });

  it('has words for lists spanning types that belong to no one type', () => {
    const typeWords = Object.values(DECISION_WORDS).flatMap((w) => [w.grant, w.deny]);
    for (const label of Object.values(ANY_TYPE_DECISION_STATUS_LABELS)) {
      expect(label).not.toMatch(/许可|给付|确认|备案|奖励|裁决/);
      expect(typeWords.some((w) => label.startsWith(w))).toBe(false);
    }
  });
});
