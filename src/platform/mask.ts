/** Masking of personal data in lists and public answers (个人信息脱敏). */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** ID number or credit code: keep the first 6 and last 4 characters. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  return id.length > 10 ? `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}` : '****';
}

/** A person's name: keep the family name only (张**). */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  return name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`;
}
