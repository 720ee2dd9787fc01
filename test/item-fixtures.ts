/** The fields of an item's view that describe the item, not its guide: what a new item or an edit must not send. */
const NOT_GUIDE = [
  'code',
  'version',
  'status',
  'active',
  'typeLabel',
  'departmentName',
  'publishedAt',
  'delegations',
  'basicCode',
  'businessCode',
  'regionCode',
] as const;

/**
 * The guide of an item as `GET /api/items/{code}` answers it, ready to send as a draft or as a new item:
 * `guideFrom((await get(`/api/items/${code}`)).json())`.
 */
export function guideFrom<T extends object>(item: T): Omit<T, (typeof NOT_GUIDE)[number]> {
  const guide = { ...item } as Record<string, unknown>;
  for (const k of NOT_GUIDE) delete guide[k];
  return guide as Omit<T, (typeof NOT_GUIDE)[number]>;
}

/**
 * The body of `POST /api/items` for a new city item `code` with this guide (its business code is
 * `<code>-01`): `newItem('2111-GG-09001', 'GG901000', { ...guide, name: '…' })`.
 */
export const newItem = (code: string, basicCode: string, guide: object) => ({
  code,
  basicCode,
  businessCode: `${code}-01`,
  regionCode: '211100',
  guide,
});
