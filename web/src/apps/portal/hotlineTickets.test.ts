import { describe, expect, it } from 'vitest';
import { categoryOptions, stateColor } from './hotlineTickets';

describe('the portal’s 12345 pages', () => {
  it('make a tree of the categories, leaves chosen through their parents', () => {
    expect(
      categoryOptions([
        { code: 'CSGL', name: '城市管理', parentCode: null },
        { code: 'CSGL-DL', name: '道路设施', parentCode: 'CSGL' },
        { code: 'QT', name: '其他', parentCode: null },
      ]),
    ).toEqual([
      { value: 'CSGL', label: '城市管理', children: [{ value: 'CSGL-DL', label: '道路设施' }] },
      { value: 'QT', label: '其他' },
    ]);
  });

  it('colour a ticket awaiting the citizen’s rating apart', () => {
    expect(stateColor('callback')).toBe('orange');
    expect(stateColor('closed')).toBe('default');
  });
});
