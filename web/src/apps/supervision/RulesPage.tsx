import { App as AntApp, Alert, Button, Empty, InputNumber, Space, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { api } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { ErrorResult } from '../../shared/components/common';
import { useFetch } from '../../shared/components/hooks';
import { PageHeader } from '../../shared/components/PageHeader';
import { svRoles, type Rule } from './svApi';
import { LevelTag } from './parts';

const numericParams = (r: Rule) =>
  Object.entries(r.params).filter((e): e is [string, number] => typeof e[1] === 'number');

/** 预警规则: enable / disable each rule and set its numeric parameters (admins and city supervisors). */
export default function RulesPage() {
  const { t, label } = useI18n();
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const canEdit = svRoles(user).editRules;
  const rules = useFetch<{ items: Rule[] }>(
    (signal) => api.get('/api/supervision/rules', { signal, silent: true }),
    [],
  );
  const [draft, setDraft] = useState<Record<string, Record<string, number | null>>>({});
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => setDraft({}), [rules.data]);

  const replace = (next: Rule) =>
    rules.setData({ items: (rules.data?.items ?? []).map((r) => (r.code === next.code ? next : r)) });
  const patch = async (code: Rule['code'], body: { enabled?: boolean; params?: Record<string, number> }) => {
    setBusy(code);
    try {
      replace(await api.patch('/api/supervision/rules/{code}', { params: { path: { code } }, body }));
      setDraft((d) => {
        const { [code]: _, ...rest } = d;
        return rest;
      });
      void message.success(t('common.saved'));
    } catch {
      /* shown */
    } finally {
      setBusy(null);
    }
  };

  const columns: ColumnsType<Rule> = [
    { title: t('sv.col.level'), dataIndex: 'level', width: 100, render: (l: Rule['level']) => <LevelTag level={l} /> },
    {
      title: t('sv.rules.name'),
      dataIndex: 'name',
      width: 240,
      render: (n: string, r) => <span title={r.code}>{n}</span>,
    },
    {
      title: t('sv.rules.enabled'),
      dataIndex: 'enabled',
      width: 90,
      render: (on: boolean, r) => (
        <Switch
          checked={on}
          disabled={!canEdit}
          loading={busy === r.code}
          onChange={(v) => void patch(r.code, { enabled: v })}
          data-testid={`sv-rule-enabled-${r.code}`}
        />
      ),
    },
    {
      title: t('sv.rules.params'),
      key: 'params',
      render: (_, r) => {
        const ps = numericParams(r);
        if (!ps.length) return '—';
        const d = draft[r.code] ?? {};
        const dirty = Object.keys(d).length > 0;
        return (
          <Space wrap>
            {ps.map(([k, v]) => (
              <Space key={k} size={4}>
                <span>{label('sv.param', k)}</span>
                <InputNumber
                  min={0}
                  max={365}
                  precision={0}
                  style={{ width: 80 }}
                  disabled={!canEdit}
                  value={k in d ? d[k] : v}
                  onChange={(nv) => setDraft((all) => ({ ...all, [r.code]: { ...all[r.code], [k]: nv } }))}
                  data-testid={`sv-rule-param-${r.code}-${k}`}
                />
              </Space>
            ))}
            {canEdit && (
              <Button
                size="small"
                type="primary"
                disabled={!dirty || Object.values(d).some((x) => x === null)}
                loading={busy === r.code}
                onClick={() => void patch(r.code, { params: d as Record<string, number> })}
                data-testid={`sv-rule-save-${r.code}`}
              >
                {t('common.save')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <div data-testid="sv-rules">
      <PageHeader title={t('sv.rules.title')} />
      {!canEdit && (
        <Alert
          type="info"
          showIcon
          message={t('sv.rules.readOnly')}
          style={{ marginBottom: 12 }}
          data-testid="sv-rules-readonly"
        />
      )}
      {rules.error ? (
        <ErrorResult error={rules.error} onRetry={rules.reload} />
      ) : (
        <Table<Rule>
          rowKey="code"
          size="middle"
          loading={rules.loading}
          dataSource={rules.data?.items ?? []}
          columns={columns}
          pagination={false}
          data-testid="sv-rules-table"
          locale={{ emptyText: <Empty /> }}
          onRow={(r) =>
            ({
              'data-testid': `sv-rule-${r.code}`,
              'data-enabled': String(r.enabled),
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
    </div>
  );
}
