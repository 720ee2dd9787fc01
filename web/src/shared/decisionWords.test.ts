import { describe, expect, it } from 'vitest';
import { statusFilterLabel } from './decisionWords';

const dictionary = (s: string) => `dict:${s}`;

describe('statusFilterLabel', () => {
  it('words the decision statuses for the chosen item’s type', () => {
    expect(statusFilterLabel('granted', 'benefit', dictionary)).toBe('准予给付，待制证');
    expect(statusFilterLabel('denied', 'benefit', dictionary)).toBe('不予给付');
    expect(statusFilterLabel('granted', 'licence', dictionary)).toBe('准予许可，待制证');
    expect(statusFilterLabel('denied', 'confirmation', dictionary)).toBe('不予确认');
    expect(statusFilterLabel('granted', 'levy', dictionary)).toBe('准予办理，待制证');
  });

  it('says nothing licence-specific when the list spans item types', () => {
    expect(statusFilterLabel('granted', undefined, dictionary)).toBe('已作出准予决定，待制证');
    expect(statusFilterLabel('denied', undefined, dictionary)).toBe('已作出不予决定');
    expect(statusFilterLabel('granted', undefined, dictionary)).not.toContain('许可');
  });

  it('leaves every other status to the dictionary', () => {
    expect(statusFilterLabel('accepted', 'benefit', dictionary)).toBe('dict:accepted');
  });
});
