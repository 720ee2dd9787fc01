/**
 * A small HTTP client for a running server (crash test, benchmarks): sign in, upload, file a case
 * with valid answers for any item's form, take actions.
 */
import { randomUUID } from 'node:crypto';

export const DEMO_PASSWORD = 'Demo@2026';
/** The demo company's own credit code (valid GB 32100) and a valid GB 11643 ID number. */
const SAMPLE_ANSWERS: Record<string, unknown> = {
  text: '盘锦示范餐饮有限公司',
  textarea: '示范申请',
  number: 10,
  date: '2026-11-20',
  idNumber: '11010519491231002X',
  creditCode: '91211103MA0Y8K2P7J',
  phone: '13800000000',
  address: '辽宁省盘锦市兴隆台区示范路1号',
};
/** The smallest PDF the upload check accepts. */
export const SAMPLE_PDF = '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n';

export interface ItemForm {
  materials: { id: string; required: boolean }[];
  formFields: { key: string; type: string; required: boolean; options?: string[] }[];
}

export interface CaseState {
  id: string;
  version: number;
  status: string;
}

export class ApiClient {
  constructor(
    readonly base: string,
    private token = '',
  ) {}

  async signIn(username: string, password = DEMO_PASSWORD): Promise<this> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status}`);
    this.token = ((await res.json()) as { token: string }).token;
    return this;
  }

  private headers(extra: Record<string, string> = {}) {
    return { authorization: `Bearer ${this.token}`, ...extra };
  }

  async get<T>(path: string): Promise<T> {
    const res = await fetch(`${this.base}${path}`, { headers: this.headers() });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async post(path: string, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', ...extra }),
      body: JSON.stringify(body),
    });
  }

  async uploadPdf(name = '材料.pdf'): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([SAMPLE_PDF], { type: 'application/pdf' }), name);
    const res = await fetch(`${this.base}/api/files`, { method: 'POST', headers: this.headers(), body: form });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  /** The request body of a complete application for the item, every required material carrying `fileId`. */
  static application(itemCode: string, item: ItemForm, fileId: string, submit = true) {
    return {
      itemCode,
      form: Object.fromEntries(
        item.formFields.map((f) => [f.key, f.type === 'select' ? f.options?.[0] : SAMPLE_ANSWERS[f.type]]),
      ),
      materials: item.materials.filter((m) => m.required).map((m) => ({ materialId: m.id, fileIds: [fileId] })),
      submit,
    };
  }

  async createCase(body: unknown, key: string = randomUUID()): Promise<Response> {
    return this.post('/api/cases', body, { 'idempotency-key': key });
  }

  async act(c: CaseState, action: string, extra: Record<string, unknown> = {}): Promise<CaseState> {
    const res = await this.post(`/api/cases/${c.id}/actions`, {
      action,
      version: c.version,
      comment: '同意',
      ...extra,
    });
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`);
    return (await res.json()) as CaseState;
  }
}
