/**
 * 申请表预填: what a citizen's or a company's online form starts with, taken from the account. Pure, so the
 * rules can be tested; the pages load the facts from `GET /api/account/profile` (`useAccountFacts` in
 * components/CaseForm.tsx).
 *
 * The keys follow the server's reading of an online form (`applicantFromForm` in cases.form.ts): the
 * applicant is `applicantName` + `idNumber` for a person, `companyName` + `creditCode` for a company, the
 * phone `contactPhone` or `phone`. Other fields of the same type (an 经办人身份证号, the name of a company
 * still to be founded) describe someone else and stay empty.
 */
import type { FormField } from './cases';
import type { paths } from './api-gen/schema';

/** `GET /api/account/profile`: the account's own unmasked facts. */
export type AccountProfile = paths['/api/account/profile']['get']['responses'][200]['content']['application/json'];

export interface AccountFacts {
  kind: 'staff' | 'person' | 'company';
  name: string;
  idNumber?: string | null;
  creditCode?: string | null;
  phone?: string | null;
}

const PHONE_KEYS = ['contactPhone', 'phone'];

/** The form values the account fills in, by the keys of `fields` (blank facts leave a field empty). */
export function accountPrefill(fields: readonly Pick<FormField, 'key' | 'type'>[], a: AccountFacts) {
  const out: Record<string, string> = {};
  if (a.kind === 'staff') return out;
  const facts: Record<string, string | null | undefined> =
    a.kind === 'person'
      ? { applicantName: a.name, idNumber: a.idNumber }
      : { companyName: a.name, creditCode: a.creditCode };
  for (const k of PHONE_KEYS) facts[k] = a.phone;
  for (const f of fields) {
    const v = facts[f.key];
    if (v) out[f.key] = v;
  }
  return out;
}
