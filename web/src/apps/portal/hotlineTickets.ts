/** What the portal's 12345 pages share: the ticket types a citizen may choose and the category tree. */

export const TICKET_TYPES = ['help', 'complaint', 'consult', 'suggestion', 'report', 'praise'] as const;

export interface CategoryOption {
  value: string;
  label: string;
  children?: CategoryOption[];
}

/** The flat category list as a tree for a cascader: a top category with children is chosen through them. */
export function categoryOptions(list: readonly { code: string; name: string; parentCode: string | null }[]) {
  const byParent = new Map<string | null, { code: string; name: string }[]>();
  for (const c of list) byParent.set(c.parentCode, [...(byParent.get(c.parentCode) ?? []), c]);
  const build = (parent: string | null, depth: number): CategoryOption[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = depth < 4 ? build(c.code, depth + 1) : [];
      return children.length ? { value: c.code, label: c.name, children } : { value: c.code, label: c.name };
    });
  return build(null, 0);
}

/** The colour of a ticket's state tag. */
export function stateColor(state: string): string {
  if (state === 'closed' || state === 'merged') return 'default';
  if (state === 'callback') return 'orange';
  if (state === 'registered') return 'blue';
  return 'processing';
}
