import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, DEMO_PASSWORD, type Headers, type TestApp } from '../../../test/harness';
import { DEMO_ITEM_CODES } from '../catalog/index';
import { caseFixtures, individualForm, PERSON } from '../../../test/cases-fixtures';
import { idNumberCheckChar } from './identity.codes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const { createCase } = caseFixtures(() => t);
const STRONG = 'river-cloud-7741';
// Registration is rate-limited per address: each registration here comes from its own.
let registrations = 0;
const idNumber = (seq: number) => {
  const first17 = `2111031988${String(1 + (seq % 12)).padStart(2, '0')}${String(1 + (seq % 28)).padStart(2, '0')}${String(100 + seq).slice(-3)}`;
  return first17 + idNumberCheckChar(first17);
};

const register = (payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/register',
    remoteAddress: `192.0.2.${++registrations}`,
    payload,
  });
const registerPerson = (username: string, id: string, password = STRONG) =>
  register({ kind: 'person', username, password, name: '冒名者', idNumber: id, phone: '13912345678' });
const loginFrom = (ip: string, username: string, password: string, extra: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { 'user-agent': `test-agent ${ip}` },
    payload: { username, password, ...extra },
  });
const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });
const signIn = async (username: string, password: string, ip = '127.0.0.1') => {
  const res = await loginFrom(ip, username, password);
  expect(res.statusCode, res.body).toBe(200);
  return bearer(res.json().token);
};

/** A window clerk registers an 个体工商户 case for this ID number (the applicant's details as on the form). */
async function fileAtWindow(id: string) {
  const clerk = await t.as('clerk-county');
  const res = await createCase(clerk, {
    itemCode: DEMO_ITEM_CODES.individualBusiness,
    form: { ...individualForm, idNumber: id },
    materials: [{ materialId: 'm1', paper: true }],
    submit: true,
    channel: 'window',
    applicant: { ...PERSON, idNumber: id },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}
const myCaseIds = async (h: Headers) =>
  ((await t.get('/api/cases?pageSize=200', h)).json().items as { id: string }[]).map((c) => c.id);

describe('registration does not reveal whether a code has an account', () => {
  it('accepts a claim on an ID number that another account holds verified, exactly as on a fresh one', async () => {
    const taken = await registerPerson('squatter-1', PERSON.idNumber);
    const fresh = await registerPerson('newcomer-1', idNumber(1));
    expect(taken.statusCode, taken.body).toBe(201);
    expect(fresh.statusCode).toBe(201);
    const strip = (b: { id: string; username: string; idNumberMasked: string }) => ({
      ...b,
      id: '',
      username: '',
      idNumberMasked: '',
    });
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(strip(taken.json())).toMatchObject({ ...strip(fresh.json()), lastLoginAt: null });
    expect(taken.json().verification).toEqual({
      level: 'unverified',
      source: null,
      simulated: false,
      verifiedAt: null,
    });
    // A company code held by the demo company: accepted too.
    const company = await register({
      kind: 'company',
      username: 'squatter-co',
      password: STRONG,
      name: '冒名公司',
      creditCode: '91211103MA0Y8K2P7J',
      phone: '13912345678',
    });
    expect(company.statusCode, company.body).toBe(201);
  });
});

describe('an unverified claim binds no case', () => {
  it('a case a clerk files for an unverified ID number stays away from the claimant; once verified, new cases bind', async () => {
    const id = idNumber(2);
    expect((await registerPerson('claimant-2', id)).statusCode).toBe(201);
    const claimant = await signIn('claimant-2', STRONG);
    const before = await fileAtWindow(id);
    expect(await myCaseIds(claimant)).not.toContain(before);
    expect((await t.get(`/api/cases/${before}`, claimant)).statusCode).toBe(404);
    expect(
      (await t.post(`/api/cases/${before}/actions`, claimant, { action: 'withdraw', version: 1 })).statusCode,
    ).toBe(404);
    const messages = (await t.get('/api/messages?pageSize=100', claimant)).json();
    expect(JSON.stringify(messages)).not.toContain(before);
    // Nor may it file online in the claimed name.
    const online = await createCase(claimant, {
      itemCode: DEMO_ITEM_CODES.individualBusiness,
      form: { ...individualForm, idNumber: id },
      materials: [],
      submit: false,
    });
    expect(online.statusCode).toBe(422);
    expect(online.json().code).toBe('identity_unverified');

    // A clerk sees the documents at the window and confirms the claim.
    const clerk = await t.as('clerk-city');
    const found = (await t.get('/api/identity/claims?q=claimant-2', clerk)).json().items;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ username: 'claimant-2', verification: 'unverified' });
    expect(JSON.stringify(found)).not.toContain(id);
    const wrong = await t.post(`/api/identity/claims/${found[0].id}/verify`, clerk, {
      documentType: 'resident_id',
      documentNumber: idNumber(3),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('documentNumber');
    const ok = await t.post(`/api/identity/claims/${found[0].id}/verify`, clerk, {
      documentType: 'resident_id',
      documentNumber: id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().verification).toBe('window');
    const audit = await sql<{ actor_name: string }>`
      select actor_name from audit_log where action = 'identity.verify.window' and entity_id = ${found[0].id}`.execute(
      t.db,
    );
    expect(audit.rows.map((r) => r.actor_name)).toEqual(['clerk-city']);

    const after = await fileAtWindow(id);
    const mine = await myCaseIds(claimant);
    expect(mine).toContain(after);
    expect(mine).not.toContain(before);
    expect((await t.get(`/api/cases/${after}`, claimant)).statusCode).toBe(200);
  });

  it('the verified account of a code sees the cases filed for it; a squatter on the same code does not', async () => {
    const owner = await t.as('applicant');
    const squatter = await signIn('squatter-1', STRONG);
    const id = await fileAtWindow(PERSON.idNumber);
    expect(await myCaseIds(owner)).toContain(id);
    expect(await myCaseIds(squatter)).not.toContain(id);
    expect((await t.get(`/api/cases/${id}`, squatter)).statusCode).toBe(404);
  });

  it('refuses a claim another account holds verified: generic to the applicant, explained to the clerk', async () => {
    const squatter = await signIn('squatter-1', STRONG);
    const start = await t.post('/api/account/verification/start', squatter);
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().provider).toMatchObject({ id: 'simulator', simulated: true });
    expect(start.json().provider.label).toContain('模拟');
    const taken = await t.post('/api/account/verification/complete', squatter, {
      reference: start.json().reference,
      answer: { outcome: 'pass' },
    });
    expect(taken.statusCode).toBe(422);
    // The same answer as a verification the provider refused.
    expect((await registerPerson('refused-4', idNumber(4))).statusCode).toBe(201);
    const refusedUser = await signIn('refused-4', STRONG);
    const s2 = (await t.post('/api/account/verification/start', refusedUser)).json();
    const refused = await t.post('/api/account/verification/complete', refusedUser, {
      reference: s2.reference,
      answer: { outcome: 'fail' },
    });
    expect(refused.statusCode).toBe(422);
    expect(taken.json().detail).toBe(refused.json().detail);
    expect(taken.json().code).toBe(refused.json().code);

    const clerk = await t.as('clerk-city');
    const [row] = (await t.get('/api/identity/claims?q=squatter-1', clerk)).json().items;
    const atWindow = await t.post(`/api/identity/claims/${row.id}/verify`, clerk, {
      documentType: 'resident_id',
      documentNumber: PERSON.idNumber,
    });
    expect(atWindow.statusCode).toBe(422);
    expect(atWindow.json().code).toBe('claim_taken');
  });

  it('verifies a person through the simulated provider, and a company through its verified representative', async () => {
    expect((await registerPerson('rep-5', idNumber(5))).statusCode).toBe(201);
    const rep = await signIn('rep-5', STRONG);
    const { reference } = (await t.post('/api/account/verification/start', rep)).json();
    const done = await t.post('/api/account/verification/complete', rep, { reference, answer: { outcome: 'pass' } });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ level: 'provider', source: 'simulator', simulated: true });
    // The reference was good for one answer.
    const again = await t.post('/api/account/verification/complete', rep, { reference, answer: { outcome: 'pass' } });
    expect(again.statusCode).toBe(422);

    const co = await register({
      kind: 'company',
      username: 'rep-co-5',
      password: STRONG,
      name: '盘锦示例贸易有限公司',
      creditCode: '91350100M000100Y43',
      phone: '13912345678',
    });
    expect(co.statusCode, co.body).toBe(201);
    const viaRep = await t.post('/api/account/verification/represent', rep, { companyUsername: 'rep-co-5' });
    expect(viaRep.statusCode, viaRep.body).toBe(200);
    const coStatus = (await t.get('/api/account/verification', await signIn('rep-co-5', STRONG))).json();
    expect(coStatus).toMatchObject({ kind: 'company', level: 'representative', simulated: true });
    // The demo company's code is verified already: the squatting company account cannot be verified.
    const squat = await t.post('/api/account/verification/represent', rep, { companyUsername: 'squatter-co' });
    expect(squat.statusCode).toBe(422);
    const unknown = await t.post('/api/account/verification/represent', rep, { companyUsername: 'no-such-co' });
    expect(unknown.json().detail).toBe(squat.json().detail);
  });
});

describe('sign-in limits an attacker cannot aim', () => {
  it('slows an attacker guessing from elsewhere while the clerk signs in from their own address', async () => {
    // The rightful user has signed in from their address before.
    await signIn('clerk-town', DEMO_PASSWORD, '10.1.1.1');
    const attacker = '203.0.113.9';
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await loginFrom(attacker, 'clerk-town', `guess-${i}-Wrong`);
      expect([401, 429]).toContain(r.statusCode);
      codes.push(r.json().code);
    }
    // After a few failures the attacker must answer a challenge before any password is checked.
    expect(codes.slice(3)).toEqual(Array(9).fill('challenge_required'));
    const right = await loginFrom('10.1.1.1', 'clerk-town', DEMO_PASSWORD);
    expect(right.statusCode, right.body).toBe(200);
    // Even the right password is refused to the attacker's address without a challenge.
    expect((await loginFrom(attacker, 'clerk-town', DEMO_PASSWORD)).statusCode).toBe(401);
  });

  it('makes one account and source wait longer after each failure, and answers a solved challenge', async () => {
    const ip = '198.51.100.7';
    const solve = async () => {
      const c = (await t.get('/api/auth/challenge')).json();
      expect(c.image).toMatch(/^data:image\/svg\+xml;base64,/);
      const { rows } = await sql<{
        answer_hash: string;
      }>`select answer_hash from login_challenges where id = ${c.id}`.execute(t.db);
      const answer = [...Array(40).keys()]
        .map(String)
        .find((a) => createHash('sha256').update(`${c.id}:${a}`).digest('hex') === rows[0]!.answer_hash)!;
      return { challengeId: c.id as string, challengeAnswer: answer };
    };
    for (let i = 0; i < 3; i++) expect((await loginFrom(ip, 'approver-city', `Wrong-${i}-guess`)).statusCode).toBe(401);
    const unanswered = await loginFrom(ip, 'approver-city', DEMO_PASSWORD);
    expect(unanswered.json().code).toBe('challenge_required');
    const wrongAnswer = await loginFrom(ip, 'approver-city', 'Wrong-x-guess', {
      ...(await solve()),
      challengeAnswer: '99',
    });
    expect(wrongAnswer.json().code).toBe('challenge_failed');
    // A solved challenge lets the password be checked, once.
    const c = await solve();
    expect((await loginFrom(ip, 'approver-city', 'Wrong-4-guess', c)).json().detail).toBe('用户名或密码错误');
    // Five failures of this pair: it now waits, growing with each further failure.
    const delayed = await loginFrom(ip, 'approver-city', DEMO_PASSWORD, await solve());
    expect(delayed.statusCode).toBe(429);
    expect(Number(delayed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(delayed.json().code).toBe('sign_in_delayed');
  });

  it('shows the attempts to the account and to the administrator', async () => {
    const clerk = await signIn('clerk-town', DEMO_PASSWORD, '10.1.1.1');
    const own = (await t.get('/api/account/sign-ins', clerk)).json().items as { ip: string; ok: boolean }[];
    expect(own.some((a) => a.ip === '203.0.113.9' && !a.ok)).toBe(true);
    expect(own.some((a) => a.ip === '10.1.1.1' && a.ok)).toBe(true);
    const admin = await t.as('admin');
    const list = await t.get('/api/sign-in-attempts?username=clerk-town&ok=false&pageSize=50', admin);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThanOrEqual(12);
    expect((await t.get('/api/sign-in-attempts', clerk)).statusCode).toBe(403);
  });
});

describe('sessions', () => {
  it('a password change ends the other sessions of the account, not the one that changed it', async () => {
    expect((await registerPerson('sessions-6', idNumber(6))).statusCode).toBe(201);
    const a = await signIn('sessions-6', STRONG, '10.2.2.2');
    const b = await signIn('sessions-6', STRONG, '10.3.3.3');
    const listed = (await t.get('/api/account/sessions', a)).json().items;
    expect(listed).toHaveLength(2);
    expect(listed.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(listed.map((s: { ip: string }) => s.ip).sort()).toEqual(['10.2.2.2', '10.3.3.3']);
    const changed = await t.put('/api/auth/password', a, { oldPassword: STRONG, newPassword: 'lantern-quiet-0917' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.get('/api/auth/me', b)).json().user).toBeNull();
    expect((await t.get('/api/account/sessions', b)).statusCode).toBe(401);
    expect((await t.get('/api/auth/me', a)).json().user.username).toBe('sessions-6');
  });

  it('lists the active sessions, and ends one of them; another account cannot', async () => {
    const a = await signIn('sessions-6', 'lantern-quiet-0917', '10.4.4.4');
    const b = await signIn('sessions-6', 'lantern-quiet-0917', '10.5.5.5');
    const other = (await t.get('/api/account/sessions', a))
      .json()
      .items.find((s: { ip: string }) => s.ip === '10.5.5.5');
    expect(other.userAgent).toContain('test-agent');
    expect(other.lastSeenAt).toBeTruthy();
    expect((await t.delete(`/api/account/sessions/${other.id}`, await t.as('applicant'))).statusCode).toBe(404);
    expect((await t.get('/api/auth/me', b)).json().user).not.toBeNull();
    expect((await t.delete(`/api/account/sessions/${other.id}`, a)).statusCode).toBe(200);
    expect((await t.get('/api/auth/me', b)).json().user).toBeNull();
  });

  it('answers an anonymous visitor of /api/auth/me without an error status', async () => {
    const res = await t.get('/api/auth/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: null, csrfToken: null });
  });
});

describe('own profile', () => {
  it('answers the account its own unmasked facts, and nobody anonymous', async () => {
    expect((await registerPerson('profile-owner', idNumber(40))).statusCode).toBe(201);
    const me = await signIn('profile-owner', STRONG);
    const res = await t.get('/api/account/profile', me);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      kind: 'person',
      name: '冒名者',
      idNumber: idNumber(40),
      creditCode: null,
      phone: '13912345678',
      verified: false,
    });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await t.get('/api/account/profile')).statusCode).toBe(401);
  });
});

describe('password policy', () => {
  const weak = ['abcd1234', 'aaaaaaa1', 'Password1', 'Demo@2026', 'woaini1314520', 'river\u0000cloud-7741'];

  it('refuses weak passwords at registration, naming the field', async () => {
    for (const [i, password] of weak.entries()) {
      const res = await registerPerson(`weak-${i}`, idNumber(20 + i), password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors[0].field).toBe('password');
      // a control character is refused before the policy runs, with its own reason
      expect(res.json().detail).toMatch(
        password.includes('\u0000') ? /password：含有不允许的控制字符/ : /^password：密码/,
      );
    }
  });

  it('refuses weak passwords on change and on an administrator reset', async () => {
    const me = await signIn('sessions-6', 'lantern-quiet-0917');
    for (const newPassword of weak) {
      const res = await t.put('/api/auth/password', me, { oldPassword: 'lantern-quiet-0917', newPassword });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().errors[0].field).toBe('newPassword');
    }
    const admin = await t.as('admin');
    const staff = (await t.get('/api/staff?q=clerk-village', admin)).json().items[0];
    for (const password of weak) {
      const res = await t.post(`/api/staff/${staff.id}/reset-password`, admin, { password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().errors[0].field).toBe('password');
    }
  });
});
