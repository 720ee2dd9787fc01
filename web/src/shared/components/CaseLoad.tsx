import { Card, Skeleton } from 'antd';
import { api } from '../client';
import type { CaseView, ItemDetail } from '../cases';
import { ErrorResult } from './common';
import { useFetch, type FetchState } from './hooks';

/** A case (`GET /api/cases/:id`) and, once it is known, the item it was filed under. */
export function useCaseWithItem(id: string): { kase: FetchState<CaseView>; item: FetchState<ItemDetail> } {
  const kase = useFetch<CaseView>(
    (signal) => api.get('/api/cases/{id}', { params: { path: { id } }, signal, silent: true }),
    [id],
  );
  const itemCode = kase.data?.itemCode;
  const item = useFetch<ItemDetail>(
    itemCode
      ? (signal) => api.get('/api/items/{code}', { params: { path: { code: itemCode } }, signal, silent: true })
      : null,
    [itemCode],
  );
  return { kase, item };
}

/**
 * What a case page shows instead of the case while it has none, or when loading failed: a skeleton
 * of `rows` lines, the error (retry unless 404), or nothing.
 */
export function CaseFallback({ kase, rows }: { kase: FetchState<CaseView>; rows: number }) {
  if (kase.error)
    return <ErrorResult error={kase.error} onRetry={kase.error.status === 404 ? undefined : kase.reload} />;
  if (kase.loading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows }} />
      </Card>
    );
  return null;
}
