import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('keeps only the ends of a phone number', () => {
    expect(maskPhone('13804271234')).toBe('138****1234');
    expect(maskPhone(null)).toBeNull();
  });
  it('keeps the region and the tail of an ID number', () => {
    expect(maskIdNumber('211103199001011234')).toBe('211103********1234');
  });
  it('keeps the family name', () => {
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('李')).toBe('李');
  });
});
