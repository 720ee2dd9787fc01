import { Button, Popconfirm, Result, Spin, Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { useI18n } from '../i18n';
import { useAuth } from '../auth';
import type { ApiError } from '../client';
import type { Role } from '../types';

export function PageLoading({ tip }: { tip?: string }) {
  const { t } = useI18n();
  return (
    <div className="page-loading" data-testid="page-loading">
      <Spin size="large" />
      <div className="page-loading-tip">{tip ?? t('common.loading')}</div>
    </div>
  );
}

export function ErrorResult({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useI18n();
  const status = error.status === 404 ? '404' : error.status === 403 ? '403' : 'error';
  return (
    <Result
      status={status}
      title={error.problem.title || t('common.loadFailed')}
      subTitle={error.problem.detail}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}

export function Forbidden() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('common.forbidden')}
      subTitle={t('common.forbiddenHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      subTitle={t('common.notFoundHint')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** Route guard: signed in (else → /login?next=…) and holding one of `roles` (else 403). */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, loading } = useAuth();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!user) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (roles && !roles.some((r) => user.roles.includes(r))) return <Forbidden />;
  return <>{children}</>;
}

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useI18n();
  return active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
}

/** Activate / deactivate behind a Popconfirm. */
export function ActiveToggle({
  active,
  name,
  onToggle,
  testId,
  confirmText,
}: {
  active: boolean;
  name: string;
  onToggle: (activate: boolean) => Promise<unknown>;
  testId?: string;
  confirmText?: string;
}) {
  const { t } = useI18n();
  return (
    <Popconfirm
      title={active ? (confirmText ?? t('common.confirmDeactivate', { name })) : t('common.confirmActivate', { name })}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      onConfirm={() => onToggle(!active).catch(() => undefined)}
    >
      <Button type="link" size="small" danger={active} data-testid={testId}>
        {active ? t('common.deactivate') : t('common.activate')}
      </Button>
    </Popconfirm>
  );
}

export function formatDateTime(v: string | null | undefined): string {
  if (!v) return '';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return v;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
