/** The demo's Open311 client: its key is public (docs/hotline.md), for trying the GeoReport API out. */
import type { Db } from '../../../platform/db';
import { insertClient } from '../hotline.channels.repository';
import { hashKey } from '../hotline.open311';

/** The demo key in clear, documented as the demo's; a real installation creates its own keys and revokes this one. */
export const DEMO_OPEN311_KEY = 'yw-open311-demo-key';

export async function seedOpen311Demo(db: Db): Promise<void> {
  await insertClient(db, {
    name: '盘锦城市服务 App（演示）',
    key_hash: hashKey(DEMO_OPEN311_KEY),
    key_hint: DEMO_OPEN311_KEY.slice(0, 9) + '…',
    created_by: null,
    revoked_at: null,
  });
}
