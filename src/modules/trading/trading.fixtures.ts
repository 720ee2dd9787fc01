/** Test fixtures of trading's route tests (imported by `*.db.test.ts` only). */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { TestApp } from '../../../test/harness';
import type { AnnouncementView, ProjectView } from './trading.schemas';

export const TENDERER = { creditCode: '12211100MB1J00010N', name: '盘锦市城市建设服务中心' };
export const AGENCY = { creditCode: '91211100MA0TD0001L', name: '辽宁正信招标代理有限公司' };
const DAY = 86_400_000;

/** A works project of the demo tenderer, by the demo agency: documents out now, bids due in 21 days. */
export const projectBody = (t: TestApp, more: Record<string, unknown> = {}) => ({
  kind: 'works',
  procedure: 'open',
  title: '兴隆台区世纪路排水管网改造工程',
  regionCode: '211103',
  agency: AGENCY,
  documentsIssuedAt: t.now().toISOString(),
  bidDeadline: new Date(t.now().getTime() + 21 * DAY).toISOString(),
  lots: [
    { name: '一标段', estimate: 1_000_000, deposit: 20_000 },
    { name: '二标段', estimate: 500_000, deposit: 5_000 },
  ],
  ...more,
});

export async function createProject(t: TestApp, who = 'tenderer', body = projectBody(t)): Promise<ProjectView> {
  const res = await t.post('/api/trading/projects', await t.as(who), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ProjectView;
}

export async function announce(
  t: TestApp,
  projectId: string,
  body: Record<string, unknown> = {
    kind: 'tender',
    title: '世纪路排水管网改造工程招标公告',
    content: '欢迎具备市政公用工程施工总承包资质的企业投标。',
  },
  who = 'tenderer',
): Promise<AnnouncementView> {
  const res = await t.post(`/api/trading/projects/${projectId}/announcements`, await t.as(who), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as AnnouncementView;
}

export async function publish(t: TestApp, a: AnnouncementView): Promise<AnnouncementView> {
  const res = await t.post(`/api/trading/announcements/${a.id}/publish`, await t.as('trading-staff'), {
    version: a.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AnnouncementView;
}

/** A project whose tender announcement is published: its lots take registrations and bids. */
export async function openProject(t: TestApp, body = projectBody(t)) {
  const project = await createProject(t, 'tenderer', body);
  await publish(t, await announce(t, project.id));
  return { project, lotId: project.lots[0]!.id };
}

/** Ciphertext as the browser sends it: random bytes, Base64. */
export const sealedBid = (size = 4096) => ({
  algorithm: 'SM4-GCM',
  iv: randomBytes(12).toString('hex'),
  ciphertext: randomBytes(size).toString('base64'),
});
