import { describe, expect, it } from 'vitest';
import { staleVersion } from './errors';

describe('staleVersion', () => {
  it('is a 409 stale_version naming the record, and the versions when known', () => {
    const p = staleVersion('办件', { current: 4, submitted: 3 });
    expect(p.status).toBe(409);
    expect(p.code).toBe('stale_version');
    expect(p.detail).toBe('办件已被他人修改（当前版本 4，您提交的版本 3），请刷新后重试');
    expect(staleVersion('计划').detail).toBe('计划已被他人修改，请刷新后重试');
    expect(staleVersion('整改记录', { current: 2 }).detail).toBe('整改记录已被他人修改（当前版本 2），请刷新后重试');
  });
});
