import { accessMatrix } from '../../../test/access-matrix';
import { DEMO_ITEM_CODES } from './index';

// Anyone reads published guides; administrators maintain the catalog.
accessMatrix('catalog', {
  fixtures: async () => ({ item: DEMO_ITEM_CODES.temporaryAid }),
  rows: [
    [null, 'GET /api/items', 200],
    [null, 'GET /api/items/:item', 200],
    [null, 'GET /api/items/:item/notice.pdf', 200],
    [null, 'GET /api/admin/items', 401],
    ['supervisor', 'GET /api/admin/items', 403],
    ['admin', 'GET /api/admin/items', 200],
    ['approver-city', 'GET /api/items/:item/draft', 403],
    ['clerk-city', 'POST /api/items/:item/deactivate', 403],
    [null, 'POST /api/items/:item/deactivate', 401],
    ['admin', 'POST /api/items/:item/deactivate', '2xx'],
    [null, 'GET /api/items/:item', 404],
    ['admin', 'POST /api/items/:item/activate', '2xx'],
  ],
});
