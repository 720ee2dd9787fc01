/**
 * Upload limits 上传限额: how much one account may upload and hold, and how much one case may carry.
 * Read from the environment (documented in docs/security.md); a value of 0 turns a quota off,
 * except the size of one file. Pure rules only: the service measures the usage and asks these.
 */
import { Problem } from '../../platform/errors';

export interface UploadLimits {
  /** One file (`UPLOAD_MAX_MB`, default 20 MiB). */
  maxFileBytes: number;
  /** Bytes of uploads not yet attached to anything that one account may hold at once (`UPLOAD_PENDING_MB`). */
  pendingBytes: number;
  /** Uploads per account per window (`UPLOAD_RATE_COUNT` per `UPLOAD_RATE_WINDOW_MINUTES`). */
  rateCount: number;
  /** Bytes per account per window (`UPLOAD_RATE_MB`). */
  rateBytes: number;
  rateWindowMs: number;
  /** Total bytes of the files one case (or one report) carries (`UPLOAD_CASE_MB`). */
  caseBytes: number;
  /** An upload never attached is removed after this long (`UPLOAD_UNATTACHED_HOURS`). */
  unattachedMs: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: UploadLimits = {
  maxFileBytes: 20 * MiB,
  pendingBytes: 200 * MiB,
  rateCount: 200,
  rateBytes: 500 * MiB,
  rateWindowMs: 60 * 60_000,
  caseBytes: 200 * MiB,
  unattachedMs: 24 * 3_600_000,
};

/** A non-negative number from the environment, or the default; anything else stops the start with its name. */
function read(env: NodeJS.ProcessEnv, name: string, unit: number, fallback: number, positive = false): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (positive && n === 0))
    throw new Error(`${name} 无效：${raw}（应为${positive ? '正数' : '非负数，0 表示不限'}）`);
  return Math.floor(n * unit);
}

export function uploadLimits(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  const d = DEFAULT_LIMITS;
  return {
    maxFileBytes: read(env, 'UPLOAD_MAX_MB', MiB, d.maxFileBytes, true),
    pendingBytes: read(env, 'UPLOAD_PENDING_MB', MiB, d.pendingBytes),
    rateCount: read(env, 'UPLOAD_RATE_COUNT', 1, d.rateCount),
    rateBytes: read(env, 'UPLOAD_RATE_MB', MiB, d.rateBytes),
    rateWindowMs: read(env, 'UPLOAD_RATE_WINDOW_MINUTES', 60_000, d.rateWindowMs, true),
    caseBytes: read(env, 'UPLOAD_CASE_MB', MiB, d.caseBytes),
    unattachedMs: read(env, 'UPLOAD_UNATTACHED_HOURS', 3_600_000, d.unattachedMs, true),
  };
}

export const formatBytes = (n: number) =>
  n >= MiB ? `${+(n / MiB).toFixed(1)} MiB` : n >= 1024 ? `${+(n / 1024).toFixed(1)} KiB` : `${n} 字节`;

const formatWindow = (ms: number) =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000} 小时` : `${+(ms / 60_000).toFixed(1)} 分钟`;

/** What an account has uploaded: held unattached, and within the current window. */
export interface UploadUsage {
  pendingBytes: number;
  windowCount: number;
  windowBytes: number;
  /** Seconds until the oldest upload of the window leaves it (when the window is not empty). */
  windowFreesInSeconds: number | null;
}

/** A refusal that tells the client when to try again (`Retry-After`). */
export class QuotaProblem extends Problem {
  constructor(
    status: number,
    title: string,
    message: string,
    code: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(status, title, `file：${message}`, [{ field: 'file', message }], code);
  }
}

/**
 * May an account with this usage upload `size` more bytes? `size` 0 asks before the file is read
 * (is there room for any upload at all). Returns the refusal, or null.
 */
export function uploadRefusal(usage: UploadUsage, size: number, limits: UploadLimits): QuotaProblem | null {
  const retry = usage.windowFreesInSeconds === null ? undefined : Math.max(1, Math.ceil(usage.windowFreesInSeconds));
  const window = formatWindow(limits.rateWindowMs);
  if (limits.rateCount > 0 && usage.windowCount + 1 > limits.rateCount)
    return new QuotaProblem(
      429,
      '上传过于频繁',
      `${window}内最多上传 ${limits.rateCount} 个文件，您已上传 ${usage.windowCount} 个，请${retry ? ` ${retry} 秒后` : '稍后'}再试`,
      'upload_rate_limited',
      retry,
    );
  if (limits.rateBytes > 0 && usage.windowBytes + size > limits.rateBytes)
    return new QuotaProblem(
      429,
      '上传过于频繁',
      `${window}内最多上传 ${formatBytes(limits.rateBytes)}，您已上传 ${formatBytes(usage.windowBytes)}，请${retry ? ` ${retry} 秒后` : '稍后'}再试`,
      'upload_rate_limited',
      retry,
    );
  if (limits.pendingBytes > 0 && usage.pendingBytes + Math.max(size, 1) > limits.pendingBytes)
    return new QuotaProblem(
      413,
      '未提交的上传文件过多',
      `尚未用于办件的上传文件已有 ${formatBytes(usage.pendingBytes)}，每个账号最多暂存 ${formatBytes(limits.pendingBytes)}；请先提交或保存使用这些文件的办件（未使用的文件 ${formatWindow(limits.unattachedMs)}后自动删除）`,
      'upload_quota_exceeded',
    );
  return null;
}

/**
 * The files one case (or report) will carry, in order, against the per-case budget: the index of the
 * first file that takes the total over it, or -1.
 */
export function overCaseBudget(sizes: readonly number[], limits: UploadLimits): number {
  if (limits.caseBytes <= 0) return -1;
  let total = 0;
  for (let i = 0; i < sizes.length; i++) {
    total += sizes[i]!;
    if (total > limits.caseBytes) return i;
  }
  return -1;
}
