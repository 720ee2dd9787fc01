import { accessMatrix } from '../../../test/access-matrix';
import { act, atTown, COUNTY, OTHER_TOWN, register } from './hotline.fixtures';

// The centre reaches every ticket of the city; a unit reaches what was dispatched to it or below it
// (another town's ticket, or one still at the centre: 404); nobody else reaches the hotline (403).
accessMatrix('hotline', {
  fixtures: async (t) => {
    const atCentre = await register(t);
    const ours = await atTown(t);
    let theirs = await register(t);
    theirs = await act(t, 'operator', theirs, 'dispatch', { unit: COUNTY });
    theirs = await act(t, 'unit-county', theirs, 'sign');
    theirs = await act(t, 'unit-county', theirs, 'redispatch', { unit: OTHER_TOWN });
    return { atCentre: atCentre.id, ours: ours.id, theirs: theirs.id, oursVersion: String(ours.version) };
  },
  rows: [
    [null, 'GET /api/hotline/tickets', 401],
    [null, 'GET /api/hotline/settings', 401],
    ['unit-county', 'GET /api/hotline/settings', 403],
    ['operator', 'GET /api/hotline/settings', 200],
    ['operator', 'PUT /api/hotline/settings', 403, {}],
    ['applicant', 'GET /api/hotline/tickets', 403],
    ['clerk-city', 'GET /api/hotline/tickets/:ours', 403],
    ['supervisor', 'GET /api/hotline/tickets', 403],
    ['operator', 'GET /api/hotline/tickets', 200],
    ['unit-town', 'GET /api/hotline/tickets', 200],
    ['operator', 'GET /api/hotline/tickets/:theirs', 200],
    ['hotline-chief', 'GET /api/hotline/tickets/:atCentre', 200],
    ['unit-county', 'GET /api/hotline/tickets/:ours', 200],
    ['unit-county', 'GET /api/hotline/tickets/:atCentre', 404],
    ['unit-town', 'GET /api/hotline/tickets/:ours', 200],
    ['unit-town', 'GET /api/hotline/tickets/:theirs', 404],
    ['unit-town', 'GET /api/hotline/tickets/:atCentre', 404],
    ['unit-town', 'POST /api/hotline/tickets', 403, { type: 'consult' }],
    ['applicant', 'POST /api/hotline/tickets', 403, { type: 'consult' }],
    ['unit-town', 'POST /api/hotline/tickets/:theirs/actions', 404, { action: 'sign', version: 1 }],
    ['unit-county', 'POST /api/hotline/tickets/:ours/actions', 403, { action: 'sign', version: 4 }],
    ['operator', 'POST /api/hotline/tickets/:ours/actions', 403, { action: 'sign', version: 4 }],
    ['unit-town', 'POST /api/hotline/tickets/:ours/actions', 200, { action: 'sign', version: 4 }],
    [
      'unit-town',
      'POST /api/hotline/calls',
      403,
      { callerPhone: '13900000000', startedAt: '2026-12-07T09:00:00+08:00' },
    ],
    [
      'operator',
      'POST /api/hotline/calls',
      201,
      { callerPhone: '13900000000', startedAt: '2026-12-07T09:00:00+08:00' },
    ],
    ['unit-county', 'GET /api/hotline/caller-tickets?phone=13998761234', 403],
    ['operator', 'GET /api/hotline/caller-tickets?phone=13998761234', 200],
    ['unit-county', 'GET /api/hotline/dispatch-rules', 403],
    ['operator', 'GET /api/hotline/dispatch-rules', 200],
    ['operator', 'PUT /api/hotline/dispatch-rules', 403, { categoryCode: 'JY', regionCode: '211103', unit: COUNTY }],
    [
      'hotline-chief',
      'PUT /api/hotline/dispatch-rules',
      200,
      { categoryCode: 'JY', regionCode: '211103', unit: COUNTY },
    ],
    ['unit-town', 'GET /api/hotline/categories', 200],
  ],
});
