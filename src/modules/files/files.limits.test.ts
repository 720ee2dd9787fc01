import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, overCaseBudget, uploadLimits, uploadRefusal, type UploadUsage } from './files.limits';

const MiB = 1024 * 1024;
const idle: UploadUsage = { pendingBytes: 0, windowCount: 0, windowBytes: 0, windowFreesInSeconds: null };

describe('uploadLimits', () => {
  it('has defaults and reads every limit from the environment', () => {
    expect(uploadLimits({})).toEqual(DEFAULT_LIMITS);
    expect(
      uploadLimits({
        UPLOAD_MAX_MB: '5',
        UPLOAD_PENDING_MB: '50',
        UPLOAD_RATE_COUNT: '40',
        UPLOAD_RATE_MB: '0',
        UPLOAD_RATE_WINDOW_MINUTES: '1',
        UPLOAD_CASE_MB: '0.5',
        UPLOAD_UNATTACHED_HOURS: '2',
      }),
    ).toEqual({
      maxFileBytes: 5 * MiB,
      pendingBytes: 50 * MiB,
      rateCount: 40,
      rateBytes: 0,
      rateWindowMs: 60_000,
      caseBytes: MiB / 2,
      unattachedMs: 2 * 3_600_000,
    });
  });

  it('refuses nonsense with the variable name, and 0 where a limit cannot be off', () => {
    expect(() => uploadLimits({ UPLOAD_RATE_COUNT: 'many' })).toThrow(/UPLOAD_RATE_COUNT/);
    expect(() => uploadLimits({ UPLOAD_PENDING_MB: '-1' })).toThrow(/UPLOAD_PENDING_MB/);
    expect(() => uploadLimits({ UPLOAD_MAX_MB: '0' })).toThrow(/UPLOAD_MAX_MB/);
    expect(() => uploadLimits({ UPLOAD_UNATTACHED_HOURS: '0' })).toThrow(/UPLOAD_UNATTACHED_HOURS/);
  });
});

describe('uploadRefusal', () => {
  const limits = { ...DEFAULT_LIMITS, rateCount: 40, rateBytes: 100 * MiB, pendingBytes: 60 * MiB };

  it('lets the 40th upload of the window through and refuses the 41st with 429 and a retry time', () => {
    expect(uploadRefusal({ ...idle, windowCount: 39, windowFreesInSeconds: 500 }, MiB, limits)).toBeNull();
    const p = uploadRefusal({ ...idle, windowCount: 40, windowFreesInSeconds: 499.2 }, 0, limits)!;
    expect(p.status).toBe(429);
    expect(p.retryAfterSeconds).toBe(500);
    expect(p.errors).toEqual([{ field: 'file', message: expect.stringContaining('最多上传 40 个文件') }]);
    expect(p.detail).toMatch(/^file：1 小时内/);
  });

  it('counts bytes in the window too', () => {
    expect(uploadRefusal({ ...idle, windowBytes: 90 * MiB }, 10 * MiB, limits)).toBeNull();
    const p = uploadRefusal({ ...idle, windowBytes: 90 * MiB, windowFreesInSeconds: 3 }, 10 * MiB + 1, limits)!;
    expect(p.status).toBe(429);
    expect(p.detail).toContain('100 MiB');
  });

  it('refuses with 413 what would take the unattached uploads over the quota', () => {
    expect(uploadRefusal({ ...idle, pendingBytes: 40 * MiB }, 20 * MiB, limits)).toBeNull();
    const p = uploadRefusal({ ...idle, pendingBytes: 40 * MiB }, 20 * MiB + 1, limits)!;
    expect(p.status).toBe(413);
    expect(p.code).toBe('upload_quota_exceeded');
    expect(p.detail).toContain('60 MiB');
    // before the file is read: refused only once the quota is full
    expect(uploadRefusal({ ...idle, pendingBytes: 60 * MiB - 1 }, 0, limits)).toBeNull();
    expect(uploadRefusal({ ...idle, pendingBytes: 60 * MiB }, 0, limits)?.status).toBe(413);
  });

  it('treats 0 as no limit', () => {
    const off = { ...limits, rateCount: 0, rateBytes: 0, pendingBytes: 0 };
    expect(
      uploadRefusal({ pendingBytes: 1e12, windowCount: 1e6, windowBytes: 1e12, windowFreesInSeconds: 1 }, MiB, off),
    ).toBeNull();
  });
});

describe('overCaseBudget', () => {
  it('names the first file that takes the total over the budget', () => {
    const limits = { ...DEFAULT_LIMITS, caseBytes: 10 };
    expect(overCaseBudget([3, 3, 4], limits)).toBe(-1);
    expect(overCaseBudget([3, 3, 5, 1], limits)).toBe(2);
    expect(overCaseBudget([30], { ...limits, caseBytes: 0 })).toBe(-1);
  });
});
