import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** scrypt password hashes: `scrypt$N$r$p$salt$hash` (base64url), parameters kept with the hash. */
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function derive(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEYLEN, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Password policy (every account; the demo seed alone sets the documented demo password directly). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
/** zxcvbn score (0–4) a password must reach: 3 ≈ 10^8 guesses, out of reach online and slow offline under scrypt. */
export const PASSWORD_MIN_SCORE = 3;

/**
 * Pinyin words and number phrases common in Chinese passwords, which the (English-centred) common list
 * lacks: endearments, lucky numbers, frequent names and places.
 */
const CHINESE_COMMON = [
  'woaini',
  'aini',
  'woaini1314',
  '5201314',
  '1314520',
  '1314',
  '520',
  '521',
  '168',
  '888',
  '666',
  '8888',
  '6666',
  'baobei',
  'laopo',
  'laogong',
  'nihao',
  'zhongguo',
  'china',
  'beijing',
  'shanghai',
  'panjin',
  'liaoning',
  'yiwang',
  'zhangwei',
  'wangwei',
  'wangfang',
  'liwei',
  'lina',
  'zhangmin',
  'lijing',
  'wangjing',
  'liuyang',
  'zhangjie',
  'zhangming',
  'liming',
  'wangyong',
  'lijun',
  'zhangyong',
  'wangli',
  'zhanglei',
  'wangqiang',
  'zhangsan',
  'lisi',
  'wangwu',
  'zhaoliu',
  'qq123456',
  'mima',
  'mima123',
  'zhanghao',
  'admin',
  'zhengwu',
  'gongzuo',
];

let estimator: ZxcvbnFactory | undefined;
/** Built on first use: loading the common-password dictionary costs some 50 ms. */
function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, chineseCommon: CHINESE_COMMON },
    graphs: common.adjacencyGraphs,
    maxLength: PASSWORD_MAX,
  });
  return estimator;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why a password is refused (a Chinese sentence), or null when it passes: length, no control characters,
 * and not guessable (common and breached-style passwords, keyboard runs, repeats, dates, the account's own
 * username, name or numbers, passed as `related`).
 */
export function passwordProblem(password: string, related: readonly (string | null | undefined)[] = []): string | null {
  if (CONTROL.test(password)) return '密码不能包含控制字符（如换行、制表符或空字符）';
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 位`;
  if (length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 位`;
  const inputs = related.filter((s): s is string => !!s).flatMap((s) => [s, s.toLowerCase()]);
  if (strength().check(password, inputs).score < PASSWORD_MIN_SCORE)
    return '密码太容易被猜到（常见密码、键盘序列、重复字符、日期或与账号信息相近），请换用更长、不常见的组合，例如几个不相关的词加数字或符号';
  return null;
}

/** A hash of a random password, verified against when the username is unknown (equal timing). */
export const DUMMY_HASH_PROMISE = hashPassword(randomBytes(12).toString('hex'));

/** What the password of an account must not resemble: its username, name, phone and ID number. */
export const relatedInputs = (u: {
  username: string;
  name: string;
  phone?: string | null;
  id_number?: string | null;
}): (string | null | undefined)[] => [u.username, u.name, u.phone, u.id_number];
