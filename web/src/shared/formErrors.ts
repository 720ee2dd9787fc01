import type { FormInstance } from 'antd';
import { toNamePath, type FieldError } from './client';

export type NamePath = (string | number)[];

/**
 * Puts a problem's field errors on the form items `resolve` knows (`form.phone` → ['form', 'phone']);
 * returns the errors no item shows, for the page to list in an alert.
 */
export function applyFieldErrors(
  form: FormInstance,
  errors: FieldError[] | undefined,
  resolve: (field: string) => NamePath | null,
): FieldError[] {
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: FieldError[] = [];
  for (const e of errors ?? []) {
    const name = resolve(e.field);
    if (!name) {
      rest.push(e);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byName.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byName.set(key, entry);
  }
  if (byName.size) form.setFields([...byName.values()]);
  const first = [...byName.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return rest;
}

/** A resolver for paths that exist as they are spelled (`reason`, `delivery.trackingNumber`). */
export function knownPaths(paths: string[]): (field: string) => NamePath | null {
  const set = new Set(paths);
  return (field) => {
    if (set.has(field)) return toNamePath(field);
    // `corrections.0.problem` when the list item exists
    const m = /^([a-zA-Z]+)\.(\d+)\.([a-zA-Z]+)/.exec(field);
    if (m && set.has(`${m[1]}.*.${m[3]}`)) return [m[1]!, Number(m[2]), m[3]!];
    const parent = field.split('.').slice(0, -1).join('.');
    return parent && set.has(parent) ? toNamePath(parent) : null;
  };
}

/**
 * After a failed submit: scrolls the first form item showing an error (in page order) to the middle of the
 * screen and focuses its input, or else the element `fallback` names (an alert listing errors no item
 * shows). Waits two frames for the errors to render.
 */
export function scrollToFirstError(root: HTMLElement | null, fallback?: string) {
  const go = () => {
    if (!root) return;
    const item = root.querySelector<HTMLElement>('.ant-form-item-has-error');
    const target = item ?? (fallback ? root.querySelector<HTMLElement>(fallback) : null);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target
      .querySelector<HTMLElement>('input, textarea, [tabindex]:not([tabindex="-1"])')
      ?.focus({ preventScroll: true });
  };
  requestAnimationFrame(() => requestAnimationFrame(go));
}
