import { useEffect, useState } from 'react';
import { api, apiUrl, ApiError, type Res, type Row } from '../../shared/client';
import { CITY_CODE, type User } from '../../shared/types';

export type Warning = Row<'/api/supervision/warnings'>;
export type WarningLevel = Warning['level'];
export type WarningState = Warning['state'];
export type Rule = Res<'/api/supervision/rules'>['items'][number];
export type Overview = Res<'/api/supervision/overview'>;
export type StateCounts = Overview['cases'];
export type Figures = Res<'/api/supervision/figures'>;
export type FiguresRow = Figures['rows'][number];
export type RatingsSummary = Res<'/api/ratings/summary'>;
export type RatingsLine = RatingsSummary['items'][number];

export const STATE_KEYS = ['onTime', 'near', 'overdue', 'suspended'] as const;
export type CountKey = (typeof STATE_KEYS)[number];
export const STATE_COLORS: Record<CountKey, string> = {
  onTime: '#52c41a',
  near: '#faad14',
  overdue: '#f5222d',
  suspended: '#8c8c8c',
};
export const LEVEL_COLORS: Record<WarningLevel, string> = { yellow: '#fadb14', red: '#f5222d' };

/** Percent with one decimal, or "—" when the rate is undefined (no denominator). */
export function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
}
export function num(v: number | null | undefined, digits = 2): string {
  return v === null || v === undefined ? '—' : v.toFixed(digits);
}

/** Supervisors and admins run the supervision; approvers/chiefs read figures; clerks explain warnings. */
export function svRoles(user: User | null) {
  const has = (...r: string[]) => !!user && user.roles.some((x) => r.includes(x));
  const supervisor = has('supervisor', 'admin');
  return {
    supervisor,
    /** Explains warnings of their unit. */
    unit: has('approver', 'chief', 'clerk'),
    figures: supervisor || has('approver', 'chief'),
    /** Rules may be changed by admins and city-level supervisors. */
    editRules: has('admin') || (has('supervisor') && (user?.scope.regionCode ?? '') === CITY_CODE),
  };
}

export type LiveStatus = 'connecting' | 'open' | 'closed';

/**
 * The overview of a region subtree, first fetched, then kept current by the server-sent stream
 * (`event: overview`). `status` tells whether the stream is connected; `lastAt` when data last changed.
 */
export function useOverviewStream(region: string | undefined) {
  const [data, setData] = useState<Overview | undefined>(undefined);
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [lastAt, setLastAt] = useState<Date | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let es: EventSource | null = null;
    let gone = false;
    const ctrl = new AbortController();
    setStatus('connecting');
    setError(null);
    setData(undefined);
    api
      .get('/api/supervision/overview', {
        params: { query: { regionCode: region } },
        signal: ctrl.signal,
        silent: true,
      })
      .then((d) => {
        if (gone) return;
        setData(d);
        setLastAt(new Date());
        if (typeof EventSource === 'undefined') {
          setStatus('closed');
          return;
        }
        es = new EventSource(apiUrl('/api/supervision/stream', { query: { regionCode: region } }));
        es.onopen = () => setStatus('open');
        es.addEventListener('overview', (e) => {
          try {
            setData(JSON.parse((e as MessageEvent<string>).data) as Overview);
            setLastAt(new Date());
            setStatus('open');
          } catch {
            /* a broken frame: keep the last data */
          }
        });
        es.onerror = () => {
          if (gone || !es) return;
          // CLOSED: the server refused (e.g. signed out); the browser will not retry by itself.
          setStatus(es.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
        };
      })
      .catch((err: unknown) => {
        if (gone) return;
        if (err instanceof ApiError) setError(err);
        else if (!(err instanceof DOMException))
          setError(new ApiError(0, { title: String(err), status: 0, detail: String(err) }));
        setStatus('closed');
      });
    return () => {
      gone = true;
      ctrl.abort();
      es?.close();
    };
  }, [region, tick]);

  return { data, status, lastAt, error, reconnect: () => setTick((n) => n + 1) };
}

/** Names of region codes (looked up once each, cached for the session). */
const regionNameCache = new Map<string, Promise<string | null>>();
export function regionName(code: string): Promise<string | null> {
  let p = regionNameCache.get(code);
  if (!p) {
    p = api
      .get('/api/regions/{code}', { params: { path: { code } }, silent: true })
      .then((r) => r.name)
      .catch(() => null);
    regionNameCache.set(code, p);
  }
  return p;
}

/** code → name for the given region codes (codes without an answer stay out). */
export function useRegionNames(codes: string[]): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  const key = [...new Set(codes)].sort().join(',');
  useEffect(() => {
    let gone = false;
    const list = key ? key.split(',') : [];
    void Promise.all(list.map(async (c) => [c, await regionName(c)] as const)).then((pairs) => {
      if (gone) return;
      const next: Record<string, string> = {};
      for (const [c, n] of pairs) if (n) next[c] = n;
      setNames(next);
    });
    return () => {
      gone = true;
    };
  }, [key]);
  return names;
}

/** code → name of the departments the caller may list. */
let deptNames: Promise<Record<string, string>> | null = null;
export function useDepartmentNames(): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    let gone = false;
    deptNames ??= api
      .get('/api/departments', { params: { query: { pageSize: 200 } }, silent: true })
      .then((r) => Object.fromEntries(r.items.map((d) => [d.code, d.name])))
      .catch(() => {
        deptNames = null;
        return {};
      });
    void deptNames.then((n) => {
      if (!gone) setNames(n);
    });
    return () => {
      gone = true;
    };
  }, []);
  return names;
}

/** A region code (6 or 12 digits) → its path city › county › town › village (the four levels of the tree). */
export function regionPath(code: string): string[] {
  const city = code.slice(0, 4) + '00';
  const county = code.slice(0, 6);
  const path = [city];
  if (county !== city) path.push(county);
  if (code.length === 12) {
    const town = code.slice(0, 9) + '000';
    if (code.slice(6, 9) !== '000') path.push(town);
    if (town !== code) path.push(code);
  }
  return path;
}
