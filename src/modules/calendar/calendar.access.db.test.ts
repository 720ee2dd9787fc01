import { accessMatrix } from '../../../test/access-matrix';

// Anyone reads the calendar; only administrators change it (the city has one calendar, no data scope).
accessMatrix('calendar', {
  rows: [
    [null, 'GET /api/calendar/years', 200],
    ['applicant', 'GET /api/calendar/days?year=2026', 200],
    [null, 'PUT /api/calendar/days/2026-10-09', 401, { kind: 'holiday', name: '国庆节' }],
    ['applicant', 'PUT /api/calendar/days/2026-10-09', 403, { kind: 'holiday', name: '国庆节' }],
    ['supervisor', 'PUT /api/calendar/days/2026-10-09', 403, { kind: 'holiday', name: '国庆节' }],
    ['admin', 'PUT /api/calendar/days/2026-10-09', '2xx', { kind: 'holiday', name: '国庆节' }],
    ['clerk-city', 'DELETE /api/calendar/days/2026-10-09', 403],
    ['admin', 'DELETE /api/calendar/days/2026-10-09', '2xx'],
  ],
});
