import { apiUrl } from '../../shared/client';
import { CITY_CODE } from '../../shared/types';

/** What the portal home and the guide first ask the server for; App.tsx asks for the same early. */
export const HOME_PAGE_SIZE = 10;
export const BUNDLES_QUERY = { pageSize: 50 };
export const CITY_DEPARTMENTS_QUERY = { regionCode: CITY_CODE, pageSize: 200 };
export const itemGuidePath = (code: string) => apiUrl('/api/items/{code}', { path: { code } });
