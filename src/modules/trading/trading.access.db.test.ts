import { accessMatrix } from '../../../test/access-matrix';
import { announce, createProject, openProject, projectBody, sealedBid } from './trading.fixtures';

const WATER = { creditCode: '12211100MB1J00029K', name: '盘锦市水利事务服务中心' };
const notice = { kind: 'change', title: '变更公告', content: '投标截止时间不变。' };

// A tenderer or agency reaches the projects that name its firm, the trading centre those of its region
// (404 otherwise); bidders reach no project, only lots whose tender announcement is published, and
// only their own bid. Announcements, the feed and the blacklist are public.
accessMatrix('trading', {
  fixtures: async (t) => {
    const ours = await createProject(t);
    const noAgency = await createProject(t, 'tenderer', projectBody(t, { agency: undefined }));
    const theirs = await createProject(t, 'agency', projectBody(t, { agency: undefined, tenderer: WATER }));
    const pending = await announce(t, ours.id);
    const { lotId } = await openProject(t);
    return {
      ours: ours.id,
      noAgency: noAgency.id,
      theirs: theirs.id,
      pending: pending.id,
      lot: lotId,
      closedLot: noAgency.lots[0]!.id,
    };
  },
  rows: [
    [null, 'GET /api/trading/projects', 401],
    ['bidder-a', 'GET /api/trading/projects', 403],
    ['applicant', 'GET /api/trading/projects', 403],
    ['expert-1', 'GET /api/trading/projects', 403],
    ['clerk-city', 'GET /api/trading/projects/:ours', 403],
    ['tenderer', 'GET /api/trading/projects', 200],
    ['tenderer', 'GET /api/trading/projects/:ours', 200],
    ['tenderer', 'GET /api/trading/projects/:theirs', 404],
    ['agency', 'GET /api/trading/projects/:ours', 200],
    ['agency', 'GET /api/trading/projects/:theirs', 200],
    ['agency', 'GET /api/trading/projects/:noAgency', 404],
    ['trading-staff', 'GET /api/trading/projects', 200],
    ['trading-staff', 'GET /api/trading/projects/:noAgency', 200],
    [null, 'POST /api/trading/projects', 401, {}],
    ['bidder-a', 'POST /api/trading/projects', 403, {}],
    ['trading-staff', 'POST /api/trading/projects', 403, {}],
    ['tenderer', 'POST /api/trading/projects/:theirs/announcements', 404, notice],
    ['trading-staff', 'POST /api/trading/projects/:ours/announcements', 403, notice],
    ['bidder-a', 'POST /api/trading/projects/:ours/announcements', 403, notice],
    ['agency', 'POST /api/trading/projects/:ours/announcements', 201, notice],
    ['agency', 'POST /api/trading/announcements/:pending/publish', 403, { version: 1 }],
    ['tenderer', 'POST /api/trading/announcements/:pending/publish', 403, { version: 1 }],
    ['trading-staff', 'POST /api/trading/announcements/:pending/publish', 200, { version: 1 }],
    [null, 'GET /api/public/trading/announcements', 200],
    [null, 'GET /api/public/trading/feed', 200],
    [null, 'GET /api/public/trading/receipt-key', 200],
    [null, 'GET /api/trading/credit', 200],
    [null, 'POST /api/trading/credit', 401, {}],
    ['bidder-a', 'POST /api/trading/credit', 403, {}],
    ['agency', 'POST /api/trading/credit', 403, {}],
    ['trading-staff', 'POST /api/trading/credit', 400, {}],
    [null, 'POST /api/trading/lots/:lot/registrations', 401],
    ['tenderer', 'POST /api/trading/lots/:lot/registrations', 403],
    ['expert-1', 'POST /api/trading/lots/:lot/registrations', 403],
    ['trading-staff', 'POST /api/trading/lots/:lot/registrations', 403],
    ['bidder-a', 'POST /api/trading/lots/:closedLot/registrations', 404],
    ['bidder-a', 'POST /api/trading/lots/:lot/registrations', 201],
    ['bidder-a', 'GET /api/trading/lots/:lot/bids/mine', 404],
    ['trading-staff', 'POST /api/trading/lots/:lot/bids', 403, sealedBid()],
    ['bidder-b', 'POST /api/trading/lots/:lot/bids', 422, sealedBid()],
    ['bidder-a', 'POST /api/trading/lots/:lot/bids', 201, sealedBid()],
    ['bidder-b', 'GET /api/trading/lots/:lot/bids/mine', 404],
    ['trading-staff', 'GET /api/trading/lots/:lot/bids/mine', 403],
    ['bidder-a', 'GET /api/trading/lots/:lot/bids/mine', 200],
    [null, 'POST /api/trading/lots/:lot/opening', 401],
    ['tenderer', 'POST /api/trading/lots/:lot/opening', 403],
    ['bidder-a', 'POST /api/trading/lots/:lot/opening', 403],
    ['trading-staff', 'POST /api/trading/lots/:closedLot/opening', 404],
    ['trading-staff', 'POST /api/trading/lots/:lot/opening', 422],
    ['tenderer', 'POST /api/trading/lots/:lot/bids/mine/key', 403, { key: '0'.repeat(32) }],
    ['bidder-a', 'POST /api/trading/lots/:lot/bids/mine/key', 422, { key: '0'.repeat(32) }],
  ],
});
