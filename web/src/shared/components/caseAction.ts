import { App as AntApp } from 'antd';
import { useState } from 'react';
import { api, ApiError, type Body } from '../client';
import { useI18n } from '../i18n';
import { wholeCase, type CaseView } from '../cases';

/**
 * Post one action on a case (`POST /api/cases/:id/actions`): on success say `success` and hand over the
 * new view; on 409 (stale version) warn and call `onStale`; on any other API error show its detail and
 * call `onError` (e.g. to put field errors on a form). `busy` is true while the request runs.
 */
export function useCaseAction() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const post = async (
    c: CaseView,
    body: Body<'/api/cases/{id}/actions'>,
    opts: { success: string; onDone: (v: CaseView) => void; onStale: () => void; onError?: (err: ApiError) => void },
  ) => {
    setBusy(true);
    try {
      const answer = await api.post('/api/cases/{id}/actions', { params: { path: { id: c.id } }, body, silent: true });
      void message.success(opts.success);
      opts.onDone(wholeCase(answer));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 409) {
        void message.warning(t('case.stale'));
        opts.onStale();
        return;
      }
      void message.error(err.problem.detail);
      opts.onError?.(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, post };
}
