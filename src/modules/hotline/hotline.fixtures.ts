/** Test fixtures of the hotline's route tests (imported by `*.db.test.ts` only). */
import { expect } from 'vitest';
import type { Headers, TestApp } from '../../../test/harness';
import type { TicketView } from './hotline.schemas';

export const COUNTY = { kind: 'region', code: '211103' } as const;
export const TOWN = { kind: 'region', code: '211103001000' } as const;
export const OTHER_TOWN = { kind: 'region', code: '211103002000' } as const;

/** A complaint about a blocked road in 振兴街道 世纪社区, registered by the operator. */
export const blockedRoad = (more: Record<string, unknown> = {}) => ({
  type: 'complaint',
  categoryCode: 'CSGL-DL',
  title: '小区门口道路被占',
  content: '兴隆台区振兴街道世纪社区门口道路被施工材料占用三天，车辆无法通行。',
  regionCode: '211103001001',
  address: '兴隆台区振兴街道世纪社区东门',
  callerName: '李秀兰',
  callerPhone: '13998761234',
  ...more,
});

export async function register(t: TestApp, body: Record<string, unknown> = blockedRoad()): Promise<TicketView> {
  const res = await t.post('/api/hotline/tickets', await t.as('operator'), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as TicketView;
}

/** Takes an action as `who` on the ticket's current version, expecting success. */
export async function act(
  t: TestApp,
  who: string | Headers,
  ticket: TicketView,
  action: string,
  more: Record<string, unknown> = {},
) {
  const headers = typeof who === 'string' ? await t.as(who) : who;
  const res = await t.post(`/api/hotline/tickets/${ticket.id}/actions`, headers, {
    action,
    version: ticket.version,
    ...more,
  });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json() as TicketView;
}

/** A ticket dispatched to the county, signed and passed on to 振兴街道, as the unit-town account sees it. */
export async function atTown(t: TestApp, body?: Record<string, unknown>) {
  let v = await register(t, body);
  v = await act(t, 'operator', v, 'dispatch', { unit: COUNTY });
  v = await act(t, 'unit-county', v, 'sign');
  v = await act(t, 'unit-county', v, 'redispatch', { unit: TOWN });
  return v;
}
