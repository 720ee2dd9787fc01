/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters —
 * registration authority, organisation type, 6-digit region code, 9-character organisation
 * code (GB 11714, with its own check character) and a check character over the first 17.
 */
export const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check character for the first 17 characters, or undefined when they are malformed. */
export function creditCheckChar(body17: string): string | undefined {
  if (body17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARSET.indexOf(body17[i]!);
    if (v < 0) return undefined;
    sum += v * CREDIT_WEIGHTS[i]!;
  }
  const c = 31 - (sum % 31);
  return CREDIT_CHARSET[c === 31 ? 0 : c];
}

/** Whether an 18-character credit code is well-formed and its check character is right. */
export function isValidCreditCode(code: string): boolean {
  return /^[0-9A-HJ-NP-RTUW-Y]{18}$/.test(code) && creditCheckChar(code.slice(0, 17)) === code[17];
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation-code check character for an 8-character body (digits and capitals). */
export function orgCodeCheckChar(body8: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i]!;
    const v = ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
