import { expect } from 'vitest';
import { accessMatrix } from '../../../test/access-matrix';
import type { TestApp } from '../../../test/harness';

const message = {
  type: 'help',
  categoryCode: 'CSGL-LD',
  regionCode: '211103001001',
  content: '小区北侧路灯连续一周不亮。',
};

async function fileAs(t: TestApp, who: string) {
  const res = await t.post('/api/my/hotline-tickets', await t.as(who), message);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

// A citizen reaches its own tickets only (another's: 404); staff do not file or follow them (403). Only the
// centre chief keeps the Open311 keys.
accessMatrix('hotline channels', {
  fixtures: async (t) => {
    const key = await t.post('/api/hotline/open311-keys', await t.as('hotline-chief'), { name: '接入方' });
    return { mine: await fileAs(t, 'applicant'), theirs: await fileAs(t, 'company'), key: key.json().id };
  },
  rows: [
    [null, 'GET /api/my/hotline-tickets', 401],
    ['operator', 'GET /api/my/hotline-tickets', 403],
    ['clerk-city', 'POST /api/my/hotline-tickets', 403, message],
    ['applicant', 'GET /api/my/hotline-tickets', 200],
    ['company', 'GET /api/my/hotline-tickets', 200],
    ['applicant', 'GET /api/my/hotline-categories', 200],
    ['applicant', 'GET /api/my/hotline-tickets/:mine', 200],
    ['applicant', 'GET /api/my/hotline-tickets/:theirs', 404],
    ['hotline-chief', 'GET /api/my/hotline-tickets/:mine', 403],
    [
      'applicant',
      'POST /api/my/hotline-tickets/:theirs/evaluation',
      404,
      { version: 1, satisfaction: 'satisfied', solved: true },
    ],
    [
      'applicant',
      'POST /api/my/hotline-tickets/:mine/evaluation',
      409,
      { version: 1, satisfaction: 'satisfied', solved: true },
    ],
    [null, 'GET /api/hotline/open311-keys', 401],
    ['operator', 'GET /api/hotline/open311-keys', 403],
    ['unit-county', 'POST /api/hotline/open311-keys', 403, { name: '区平台' }],
    ['operator', 'DELETE /api/hotline/open311-keys/:key', 403],
    ['hotline-chief', 'GET /api/hotline/open311-keys', 200],
    ['hotline-chief', 'DELETE /api/hotline/open311-keys/:key', 200],
    [null, 'GET /open311/v2/services.json', 200],
    [null, 'GET /open311/v2/requests.json', 200],
  ],
});
