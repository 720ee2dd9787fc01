/**
 * The editor's view of three guide fields the documents depend on: where the implementing body sits in
 * the deciding region (`implementingBody.office`), the certificate's term (`result.validYears`) and the
 * form fields it prints (`result.entries`). Pure, so the rules are tested (itemGuideFields.test.ts) and
 * the page only renders them.
 */

/** `implementingBody.office` as the catalog takes it (none: the body named is the one that acts). */
export type BodyOffice = { kind: 'department'; keyword: string } | { kind: 'government' };
export type OfficeKind = 'none' | BodyOffice['kind'];

/** As the editor holds it: the kind chosen and the keyword typed (kept while another kind is chosen). */
export interface OfficeDraft {
  kind?: OfficeKind;
  keyword?: string;
}

export const OFFICE_KINDS: readonly OfficeKind[] = ['none', 'department', 'government'];
/** The catalog's limits on the department keyword (`BodyOffice` in catalog.schemas). */
export const KEYWORD_MIN = 2;
export const KEYWORD_MAX = 30;

/** The office the catalog expects, or undefined for none. */
export function officeOf(draft: OfficeDraft | null | undefined): BodyOffice | undefined {
  if (draft?.kind === 'government') return { kind: 'government' };
  if (draft?.kind === 'department') return { kind: 'department', keyword: (draft.keyword ?? '').trim() };
  return undefined;
}

/** Why the office cannot be saved, in the words the catalog uses, or null. */
export function officeProblem(draft: OfficeDraft | null | undefined): string | null {
  const office = officeOf(draft);
  if (office?.kind !== 'department') return null;
  if (office.keyword.length < KEYWORD_MIN) return `部门关键词至少 ${KEYWORD_MIN} 个字，如「民政局」`;
  if (office.keyword.length > KEYWORD_MAX) return `部门关键词不能超过 ${KEYWORD_MAX} 个字`;
  return null;
}

/** The certificate's term as the catalog takes it: a whole number of years, or absent (no term stated). */
export function validYearsOf(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Why the term cannot be saved (the catalog's own rule: only a certificate has a term), or null. */
export function validYearsProblem(v: unknown, resultType: string | undefined): string | null {
  if (validYearsOf(v) === undefined) return null;
  return resultType === 'certificate' ? null : '只有证照类办理结果才有有效期，请清空有效期或将结果类型改为证照';
}

interface FieldLike {
  key?: unknown;
  label?: unknown;
}

/**
 * What the certificate may print: the item's own form fields by key, labelled `经营场所（address）`; an
 * entry whose field has left the form stays listed, marked, so that saving names it rather than losing it.
 */
export function entryOptions(
  formFields: readonly unknown[] | undefined,
  entries: readonly string[] | undefined,
): { value: string; label: string; missing?: true }[] {
  const fields = (formFields ?? []).filter(
    (f): f is { key: string; label?: unknown } => typeof (f as FieldLike)?.key === 'string',
  );
  const options: { value: string; label: string; missing?: true }[] = fields.map((f) => ({
    value: f.key,
    label: typeof f.label === 'string' && f.label ? `${f.label}（${f.key}）` : f.key,
  }));
  for (const key of entries ?? []) {
    if (!fields.some((f) => f.key === key))
      options.push({ value: key, label: `${key}（申请表中已无此字段）`, missing: true });
  }
  return options;
}

/** Why the entries cannot be saved (one not in the form), or null. */
export function entriesProblem(entries: readonly string[] | undefined, formFields: readonly unknown[] | undefined) {
  const missing = entryOptions(formFields, entries).filter((o) => o.missing);
  return missing.length
    ? `证照登载的字段须是申请表中的字段：${missing.map((o) => o.value).join('、')} 不在申请表中`
    : null;
}

/** `result` as the catalog takes it: an empty term or list is left out rather than sent as null or []. */
export function cleanResult<R extends { validYears?: unknown; entries?: unknown }>(
  result: R,
): Omit<R, 'validYears' | 'entries'> & { validYears?: number; entries?: string[] } {
  const { validYears, entries, ...rest } = result;
  const years = validYearsOf(validYears);
  const list = Array.isArray(entries) ? entries.filter((e): e is string => typeof e === 'string') : [];
  return { ...rest, ...(years !== undefined ? { validYears: years } : {}), ...(list.length ? { entries: list } : {}) };
}

/**
 * Where a problem's field is shown in the editor: the publish check names guide fields without the body's
 * `guide.` prefix (`implementingBody.office`); the office's own parts are shown on the office input.
 */
export function editorFieldPath(field: string): (string | number)[] {
  const f = field.startsWith('guide.') ? field.slice('guide.'.length) : field;
  const office = 'implementingBody.office';
  const path = f.startsWith(`${office}.`) ? office : f;
  return ['guide', ...path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p))];
}
