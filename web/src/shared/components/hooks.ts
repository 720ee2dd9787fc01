import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import { api, ApiError, type CallOptions, type PagedPath, type QueryOf, type Row } from '../client';
import type { Paged } from '../types';
import { t } from '../i18n';

export interface FetchState<T> {
  data: T | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  setData: (data: T | undefined) => void;
}

/** Load data with a function; reloads when `deps` change; aborts stale requests. */
export function useFetch<T>(load: ((signal: AbortSignal) => Promise<T>) | null, deps: unknown[]): FetchState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState<boolean>(load !== null);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const fn = loadRef.current;
    if (!fn) {
      setLoading(false);
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    setError(null);
    fn(ctrl.signal)
      .then((d) => {
        // As a transition: React renders what arrived in slices, yielding to the browser in between, so a
        // long list does not block input (the data and the end of loading show together).
        if (!ctrl.signal.aborted)
          startTransition(() => {
            setData(d);
            setLoading(false);
          });
      })
      .catch((err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError) setError(err);
        else if (!(err instanceof DOMException))
          setError(new ApiError(0, { title: String(err), status: 0, detail: String(err) }));
        setLoading(false);
      });
    return () => ctrl.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, loading, error, reload, setData };
}

export interface PagedTable<T> {
  data: Paged<T> | undefined;
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
  page: number;
  pageSize: number;
  setPage: (page: number, pageSize?: number) => void;
  pagination: TablePaginationConfig;
}

/** The filters of a paged list: its query without the paging. */
export type ListFilters<P extends PagedPath> = Omit<QueryOf<P>, 'page' | 'pageSize'>;

/** A server-side paged list: `GET path?…filters&page&pageSize` → `{total,page,pageSize,items}`. Filters reset to page 1. */
export function usePagedList<P extends PagedPath>(
  path: P | null,
  filters: ListFilters<P>,
  initialPageSize = 20,
): PagedTable<Row<P>> {
  const [page, setPageState] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const filterKey = JSON.stringify(filters);
  const firstRun = useRef(true);
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false;
      return;
    }
    setPageState(1);
  }, [filterKey]);

  // One call for whichever paged path: its filters were checked against that path's query above.
  const getPage = api.get as (
    path: PagedPath,
    init: CallOptions & { params: { query: object } },
  ) => Promise<Paged<Row<P>>>;
  const state = useFetch<Paged<Row<P>>>(
    path ? (signal) => getPage(path, { params: { query: { ...filters, page, pageSize } }, signal }) : null,
    [path, filterKey, page, pageSize],
  );
  const setPage = useCallback((p: number, ps?: number) => {
    setPageState(p);
    if (ps) setPageSize(ps);
  }, []);
  return {
    ...state,
    page,
    pageSize,
    setPage,
    pagination: {
      current: page,
      pageSize,
      total: state.data?.total ?? 0,
      showSizeChanger: true,
      showTotal: (n) => t('common.total', { n }),
      onChange: (p, ps) => setPage(p, ps),
    },
  };
}

/** Debounce a value (search boxes). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}
