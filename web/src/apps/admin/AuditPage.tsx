import { Alert, Button, DatePicker, Input, Result, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { formatDateTime } from '../../shared/components/common';
import { PageHeader, PagedListTable } from '../../shared/components/ListPage';
import type { AuditEntry, AuditVerify } from '../../shared/types';

type Json = unknown;

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const show = (v: Json) => (v === undefined ? '' : JSON.stringify(v, null, 2));

/** Field-by-field before/after view; changed fields are highlighted. */
function JsonDiff({ before, after }: { before: Json; after: Json }) {
  const { t } = useI18n();
  if (!isRecord(before) && !isRecord(after)) {
    return (
      <table className="json-diff" style={{ width: '100%' }}>
        <tbody>
          <tr>
            <td style={{ width: '50%' }}>
              <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
              <pre>{show(before) || '—'}</pre>
            </td>
            <td>
              <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
              <pre>{show(after) || '—'}</pre>
            </td>
          </tr>
        </tbody>
      </table>
    );
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const rows = keys.map((k) => ({ k, b: b[k], a: a[k], changed: JSON.stringify(b[k]) !== JSON.stringify(a[k]) }));
  return (
    <Table
      className="json-diff"
      size="small"
      pagination={false}
      rowKey="k"
      dataSource={rows}
      data-testid="audit-diff"
      rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
      locale={{ emptyText: t('audit.noChanges') }}
      columns={[
        { title: t('audit.field'), dataIndex: 'k', key: 'k', width: 180 },
        { title: t('audit.before'), key: 'b', render: (_, r) => <pre>{show(r.b)}</pre> },
        { title: t('audit.after'), key: 'a', render: (_, r) => <pre>{show(r.a)}</pre> },
      ]}
    />
  );
}

/** 审计日志: every write, hash-chained; filter, inspect before/after, verify the chain. */
export default function AuditPage() {
  const { t } = useI18n();
  const [entityType, setEntityType] = useState('');
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const filters = {
    entityType: useDebounced(entityType.trim()),
    actor: useDebounced(actor.trim()),
    action: useDebounced(action.trim()),
    from: range?.[0]?.startOf('day').toISOString(),
    to: range?.[1]?.endOf('day').toISOString(),
  };
  const list = usePagedList('/api/audit', filters);
  const [verify, setVerify] = useState<AuditVerify | null>(null);
  const [verifying, setVerifying] = useState(false);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api.post('/api/audit/verify'));
    } catch {
      setVerify(null);
    } finally {
      setVerifying(false);
    }
  };

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.seq'),
      dataIndex: 'seq',
      key: 'seq',
      width: 80,
      render: (s: number | null) => s ?? <Tag>{t('audit.unsealed')}</Tag>,
    },
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 150, render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorName', key: 'actor', width: 120 },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 200,
      render: (a: string) => <Tag color="blue">{a}</Tag>,
    },
    { title: t('audit.entityType'), dataIndex: 'entityType', key: 'et', width: 120 },
    {
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      key: 'eid',
      ellipsis: true,
      render: (v: string) => <Typography.Text copyable={{ text: v }}>{v}</Typography.Text>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: 120, responsive: ['xl'] },
    {
      title: t('audit.hash'),
      dataIndex: 'hash',
      key: 'hash',
      width: 120,
      responsive: ['lg'],
      render: (h: string | null) =>
        h ? (
          <Typography.Text code title={h}>
            {h.slice(0, 10)}…
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        action={
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => void runVerify()}
            loading={verifying}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {verify &&
        (verify.ok ? (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setVerify(null) }}
            style={{ marginBottom: 12 }}
            data-testid="audit-verify-result"
            title={t('audit.verifyTitleOk')}
            description={t('audit.verifyOk', { checked: verify.checked, unsealed: verify.unsealed })}
          />
        ) : (
          <Result
            status="error"
            data-testid="audit-verify-result"
            title={t('audit.verifyTitleBroken')}
            subTitle={t('audit.verifyBroken', { seq: String(verify.brokenAtSeq ?? '?') })}
            extra={<Button onClick={() => setVerify(null)}>{t('common.ok')}</Button>}
          />
        ))}
      <div className="toolbar">
        <Input
          allowClear
          placeholder={t('audit.entityType')}
          style={{ width: 160 }}
          value={entityType}
          onChange={(e) => setEntityType(e.target.value)}
          data-testid="audit-entity-type"
        />
        <Input
          allowClear
          placeholder={t('audit.actor')}
          style={{ width: 160 }}
          value={actor}
          onChange={(e) => setActor(e.target.value)}
          data-testid="audit-actor"
        />
        <Input
          allowClear
          placeholder={t('audit.action')}
          style={{ width: 200 }}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          data-testid="audit-action"
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} data-testid="audit-range" />
        <Space />
      </div>
      <PagedListTable<AuditEntry>
        list={list}
        columns={columns}
        scroll={{ x: 1000 }}
        testId="audit-table"
        expandable={{ expandedRowRender: (r) => <JsonDiff before={r.before} after={r.after} /> }}
      />
    </div>
  );
}
