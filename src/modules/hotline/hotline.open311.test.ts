import { describe, expect, it } from 'vitest';
import {
  checkPost,
  gatherFields,
  hashKey,
  isPublic,
  leafCategories,
  newKey,
  publicRequest,
  scrubPersonal,
  serviceOf,
  statesOf,
  statusOf,
  titleFrom,
  toXml,
  w3c,
} from './hotline.open311';

const cat = (code: string, name: string, parent_code: string | null = null, active = true) => ({
  code,
  name,
  parent_code,
  active,
});

describe('services', () => {
  it('are the active leaf categories, grouped by their top category', () => {
    const leaves = leafCategories([
      cat('CSGL', '城市管理'),
      cat('CSGL-DL', '道路设施', 'CSGL'),
      cat('CSGL-OLD', '旧分类', 'CSGL', false),
      cat('QT', '其他'),
    ]);
    expect(leaves.map((l) => l.category.code)).toEqual(['CSGL-DL', 'QT']);
    expect(serviceOf(leaves[0]!.category, leaves[0]!.top)).toEqual({
      service_code: 'CSGL-DL',
      service_name: '道路设施',
      description: '城市管理 · 道路设施',
      metadata: true,
      type: 'realtime',
      keywords: '道路设施,城市管理',
      group: '城市管理',
    });
    expect(serviceOf(leaves[1]!.category, leaves[1]!.top).group).toBe('其他');
  });
});

describe('a posted request', () => {
  const base = { api_key: 'k', service_code: 'CSGL-DL', description: '路面有坑。', address_string: '振兴街' };

  it('gathers form attributes and drops blank fields', () => {
    expect(gatherFields({ 'attribute[type]': 'complaint', lat: '', x: ['a', 'b'] })).toEqual({
      x: 'b',
      attribute: { type: 'complaint' },
    });
    expect(gatherFields({ attribute: { region: 211103 } })).toEqual({ attribute: { region: '211103' } });
  });

  it('defaults to a request for help, anonymous unless named', () => {
    const p = checkPost(base);
    expect(p).toMatchObject({ ok: true, type: 'help', lat: null, address: '振兴街', name: undefined });
    expect(checkPost({ ...base, first_name: '秀兰', last_name: '李' })).toMatchObject({ name: '李秀兰' });
  });

  it('names what is missing or malformed', () => {
    const errors = (body: Record<string, unknown>) => {
      const p = checkPost(body);
      return p.ok ? [] : p.errors.map((e) => `${e.code} ${e.description}`);
    };
    expect(errors({ api_key: 'k' })).toEqual([
      '400 service_code 必填',
      '400 description 必填：请描述诉求',
      '400 请提供位置：lat 和 long，或 address_string，或 address_id',
    ]);
    expect(errors({ ...base, lat: '41' })).toEqual(['400 lat 与 long 应同时提供']);
    expect(errors({ ...base, long: 'east' }).join()).toMatch(/long/);
    expect(errors({ ...base, media_url: 'javascript:alert(1)' }).join()).toMatch(/media_url/);
    expect(errors({ ...base, 'attribute[region]': '21' }).join()).toMatch(/attribute\[region\]/);
  });
});

describe('what goes out', () => {
  it('masks phones, ID numbers and e-mail addresses', () => {
    expect(scrubPersonal('电话13998761234，身份证211103199001011234，座机0427-2831234，a.b@x.cn')).toBe(
      '电话139****1234，身份证211103********1234，座机0427****，***@***',
    );
    expect(titleFrom('请联系 13998761234。路灯坏了')).toBe('请联系 139****1234');
    expect(titleFrom('很'.repeat(40))).toHaveLength(30);
  });

  it('shows a ticket without anyone in it, and never a 举报', () => {
    const r = publicRequest(
      {
        number: '20261102000001',
        type: 'complaint',
        state: 'handling',
        category_code: 'CSGL-DL',
        title: '李秀兰 13998761234 反映道路被占',
        unit_name: '兴隆台区',
        address: '振兴街道',
        lat: 41.1,
        lon: 122.07,
        media_url: null,
        created_at: new Date('2026-11-02T02:00:00Z'),
        updated_at: new Date('2026-11-02T03:00:00Z'),
        due_at: new Date('2026-11-30T15:59:59Z'),
      },
      '道路设施',
    );
    expect(r).toMatchObject({
      status: 'open',
      status_notes: '办理中',
      description: '李秀兰 139****1234 反映道路被占',
      agency_responsible: '兴隆台区',
      requested_datetime: '2026-11-02T10:00:00+08:00',
      expected_datetime: '2026-11-30T23:59:59+08:00',
      long: 122.07,
    });
    expect(isPublic({ type: 'report' })).toBe(false);
    expect(isPublic({ type: 'help' })).toBe(true);
  });

  it('maps states to open and closed', () => {
    expect(statusOf('merged')).toBe('closed');
    expect(statesOf('closed')).toEqual(['closed', 'merged']);
    expect(statesOf('open')).toContain('callback');
    expect(w3c(null)).toBeNull();
  });

  it('writes GeoReport XML with escaped text', () => {
    expect(toXml('errors', [{ code: 400, description: 'a < b & "c"' }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code><description>a &lt; b &amp; &quot;c&quot;</description></error></errors>',
    );
    expect(toXml('service_definition', { service_code: 'X', attributes: [{ values: [{ key: 'a' }] }] })).toContain(
      '<attributes><attribute><values><value><key>a</key></value></values></attribute></attributes>',
    );
    expect(toXml('r', { x: null })).toContain('<x/>');
  });
});

describe('keys', () => {
  it('are random, kept as their SHA-256 with a hint', () => {
    const a = newKey();
    const b = newKey();
    expect(a.key).not.toBe(b.key);
    expect(a.hash).toBe(hashKey(a.key));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.key.startsWith(a.hint.slice(0, -1))).toBe(true);
    expect(a.hint.length).toBeLessThan(a.key.length);
  });
});
