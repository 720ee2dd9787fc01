/**
 * Check characters of Chinese identifiers.
 * GB 11643-1999 citizen ID number: 17 digits + ISO 7064 MOD 11-2 check (0–9 or X).
 * GB 32100-2015 unified social credit code: 18 characters from a 31-symbol set, MOD 31 check.
 */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** Validates a 18-character citizen ID number; returns a Chinese reason when invalid. */
export function checkIdNumber(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位，前 17 位为数字，末位为数字或 X';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  // wall clock: a plausibility bound on a birth date, not a deadline; any instant of today serves
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now())
    return '身份证号中的出生日期无效';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号校验位错误';
  return null;
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

/** Validates an 18-character unified social credit code; returns a Chinese reason when invalid. */
export function checkCreditCode(code: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code))
    return '统一社会信用代码应为 18 位，由数字和大写字母（不含 I、O、Z、S、V）组成';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位错误';
  return null;
}
