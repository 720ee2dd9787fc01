import { expect } from 'vitest';
import { sql } from 'kysely';
import { DEMO_ITEM_CODES } from '../src/modules/catalog/index';
import { api, type Headers, type TestApp } from './harness';

/** 张明, the demo natural person, as a case applicant. */
export const PERSON = { kind: 'person', name: '张明', idNumber: '211103199001011234', phone: '13804271234' };
export const COMPANY_CODE = '91211103MA0Y8K2P7J';

/** The form of 张明's 个体工商户设立登记 (即办件). */
export const individualForm = {
  applicantName: '张明',
  idNumber: PERSON.idNumber,
  phone: PERSON.phone,
  address: '盘锦市兴隆台区振兴街道世纪社区 3 号楼',
  businessScope: '日用百货零售',
  organizationForm: '个人经营',
  capital: 3,
  premises: '盘锦市兴隆台区振兴街道世纪社区底商 8 号',
};

/** The form of the demo company's 食品经营许可 application. */
export const foodForm = {
  companyName: '盘锦辽河示范科技有限公司',
  creditCode: COMPANY_CODE,
  legalRepresentative: '王志强',
  contactPhone: '13804275678',
  address: '辽宁省盘锦市兴隆台区石油大街 96 号',
  businessPremises: '辽宁省盘锦市兴隆台区石油大街 96 号一层',
  mainForm: '餐饮服务经营者',
  businessItems: '热食类食品制售',
  foodSafetyOfficer: '李娜',
};

/** The form of a 最低生活保障 application for `applicant` (a household of three in 兴隆台区). */
export const minimumLivingForm = (applicant: { name: string; idNumber: string; phone: string } = PERSON) => ({
  applicantName: applicant.name,
  idNumber: applicant.idNumber,
  phone: applicant.phone,
  address: '兴隆台区振兴街道世纪社区 8 号',
  householdSize: 3,
  monthlyIncome: 900,
  reason: '家庭成员因病丧失劳动能力',
  residenceType: '城市',
});

/** The demo company as the applicant a window clerk registers. */
export const COMPANY = {
  kind: 'company',
  name: '盘锦辽河示范科技有限公司',
  creditCode: COMPANY_CODE,
  phone: '13804275678',
};

/** Materials whose paper originals were checked at the window. */
export const paper = (...ids: string[]) =>
  ids.map((materialId) => ({ materialId, fileIds: [] as string[], paper: true }));

/**
 * Request and case helpers for a db test whose app is created in `beforeAll`:
 * `const { as, get, post, createCase, actOk } = caseFixtures(() => t, 'issuing');`.
 * `keyPrefix` starts every generated Idempotency-Key.
 */
export function caseFixtures(app: () => TestApp, keyPrefix = 'test') {
  const http = api(app);
  const { get, post } = http;
  let keySeq = 0;
  const newKey = () => `${keyPrefix}-${Date.now()}-${keySeq++}`;
  const createCase = (headers: Headers, body: unknown, key = newKey()) =>
    post('/api/cases', { ...headers, 'idempotency-key': key }, body);
  const view = async (id: string, headers: Headers) => {
    const res = await get(`/api/cases/${id}`, headers);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Takes an action at the case's current version. */
  const act = async (id: string, headers: Headers, action: string, extra: Record<string, unknown> = {}) => {
    const v = await view(id, headers);
    return post(`/api/cases/${id}/actions`, headers, { action, version: v.version, ...extra });
  };
  /** `act`, expecting 200; returns the case. */
  const actOk = async (id: string, headers: Headers, action: string, extra: Record<string, unknown> = {}) => {
    const res = await act(id, headers, action, extra);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json();
  };
  /** The clerk registers 张明's 个体工商户设立登记 (即办件) at the window, paper originals checked (申请书, 经营场所使用证明). */
  const registerIndividual = async (clerk: Headers, submit = true) => {
    const res = await createCase(clerk, {
      itemCode: DEMO_ITEM_CODES.individualBusiness,
      form: individualForm,
      materials: paper('m1', 'm3'),
      submit,
      applicant: PERSON,
      channel: 'window',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string; status: string };
  };
  /** A village clerk registers a 最低生活保障 application at the window (decided by 兴隆台区, four-level linkage). */
  const registerMinimumLiving = async (
    clerk: Headers,
    applicant: { kind: string; name: string; idNumber: string; phone: string } = PERSON,
  ) => {
    const res = await createCase(clerk, {
      itemCode: DEMO_ITEM_CODES.minimumLiving,
      form: minimumLivingForm(applicant),
      materials: paper('m1', 'm3', 'm4', 'm7'),
      submit: true,
      applicant,
      channel: 'window',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string; status: string };
  };
  /** A tiny but complete PDF uploaded through the files API; returns its id. */
  const upload = async (headers: Headers, name = 'scan.pdf'): Promise<string> => {
    const boundary = `----yw${Math.random().toString(16).slice(2)}`;
    const pdf = Buffer.from(`%PDF-1.4\n% ${name} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await app().app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** The company files a complete 食品经营许可 online (m2 and m6 come from the e-licence; m7 is optional). */
  const fileFood = async (headers: Headers, over: Record<string, unknown> = {}) => {
    const materials = [
      { materialId: 'm1', fileIds: [await upload(headers, '申请书.pdf')] },
      { materialId: 'm3', fileIds: [await upload(headers, '布局图.pdf')] },
      { materialId: 'm4', fileIds: [await upload(headers, '规章制度目录.pdf')] },
      { materialId: 'm5', fileIds: [await upload(headers, '培训合格证明.pdf')] },
    ];
    const res = await createCase(headers, {
      itemCode: DEMO_ITEM_CODES.foodBusiness,
      form: foodForm,
      materials,
      submit: true,
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: string; status: string };
  };
  /** Events in a case's history. */
  const eventCount = async (id: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from case_events where case_id = ${id}`.execute(app().db))
        .rows[0]!.n,
    );
  /** Rows in a table. */
  const count = async (table: string) =>
    Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(app().db)).rows[0]!.n);
  /** Audit entries with this action. */
  const auditCount = async (action: string) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(app().db))
        .rows[0]!.n,
    );
  return {
    ...http,
    newKey,
    createCase,
    view,
    act,
    actOk,
    registerIndividual,
    registerMinimumLiving,
    upload,
    fileFood,
    eventCount,
    count,
    auditCount,
  };
}
