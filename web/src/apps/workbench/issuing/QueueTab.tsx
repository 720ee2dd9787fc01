import { App as AntApp, Button, Empty, Space, Tag, Typography, type ButtonProps } from 'antd';
import { PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/client';
import { useAuth } from '../../../shared/auth';
import { useI18n } from '../../../shared/i18n';
import { useDebounced, usePagedList } from '../../../shared/components/hooks';
import { ListToolbar, PagedListTable, useSaving } from '../../../shared/components/ListPage';
import { DepartmentSelect, HallSelect } from '../../../shared/components/selects';
import { formatDateTime } from '../../../shared/components/common';
import { GreenChannelTag } from '../../../shared/components/LinkageBits';
import { BatchResultModal } from './BatchResultModal';
import { WaybillModal } from './WaybillModal';
import type { Batch, IssuingStage, QueueItem } from './types';

/**
 * 出件队列 of one stage, all departments of the clerk's region: search, department and hall filters;
 * to_issue → select cases and issue them as one batch (then print); to_deliver → send one by express.
 */
export function QueueTab({ stage }: { stage: IssuingStage }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { modal } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [department, setDepartment] = useState<string | undefined>();
  const [hall, setHall] = useState<string | undefined>();
  const [selected, setSelected] = useState<QueueItem[]>([]);
  const [batch, setBatch] = useState<{ batch: Batch; numbers: Record<string, string> } | null>(null);
  const [express, setExpress] = useState<QueueItem | null>(null);
  const [saving, run] = useSaving();
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/issuing/queue', {
    stage,
    q: search,
    departmentCode: department,
    hallId: hall,
  });
  const regionCode = user?.scope.regionCode ?? undefined;

  const refresh = () => {
    setSelected([]);
    list.reload();
  };

  const issueBatch = () =>
    modal.confirm({
      title: t('iss.issueBatch'),
      content: t('iss.issueBatchConfirm', { n: selected.length }),
      okText: t('action.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'iss-batch-confirm' } as ButtonProps,
      onOk: () =>
        run(async () => {
          const body = {
            caseIds: selected.map((s) => s.id),
            versions: Object.fromEntries(selected.map((s) => [s.id, s.version])),
          };
          const numbers = Object.fromEntries(selected.map((s) => [s.id, s.number]));
          setBatch({ batch: await api.post('/api/issuing/batches', { body }), numbers });
          refresh();
        }),
    });

  return (
    <div data-testid={`iss-queue-${stage}`}>
      <ListToolbar testPrefix="iss-queue" q={q} onQ={setQ} placeholder={t('iss.searchQueue')} searchWidth={220}>
        <div style={{ width: 200, display: 'grid' }}>
          <DepartmentSelect
            regionCode={regionCode}
            valueField="code"
            value={department}
            onChange={setDepartment}
            placeholder={t('iss.allDepartments')}
            testId="iss-queue-department"
          />
        </div>
        <div style={{ width: 200, display: 'grid' }}>
          <HallSelect regionCode={regionCode} value={hall} onChange={setHall} testId="iss-queue-hall" />
        </div>
        {stage === 'to_issue' && (
          <Space>
            <Typography.Text type="secondary" data-testid="iss-selected">
              {t('iss.selected', { n: selected.length })}
            </Typography.Text>
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              disabled={!selected.length}
              loading={saving}
              onClick={issueBatch}
              data-testid="iss-batch-issue"
            >
              {t('iss.issueBatch')}
            </Button>
          </Space>
        )}
      </ListToolbar>
      <PagedListTable<QueueItem>
        list={list}
        testId="iss-queue-table"
        scroll={{ x: 'max-content' }}
        rowSelection={
          stage === 'to_issue'
            ? {
                selectedRowKeys: selected.map((s) => s.id),
                preserveSelectedRowKeys: true,
                onChange: (_, rows) => setSelected(rows.filter(Boolean)),
                getCheckboxProps: (r) => ({ 'data-testid': `iss-select-${r.number}` }) as object,
              }
            : undefined
        }
        onRow={(r) => ({ 'data-testid': `iss-row-${r.number}` }) as object}
        locale={{ emptyText: <Empty data-testid="iss-queue-empty" description={t('iss.emptyQueue')} /> }}
        columns={[
          {
            title: t('case.number'),
            dataIndex: 'number',
            key: 'number',
            render: (n: string, r) => (
              <Space size={4}>
                <Link to={`/workbench/cases/${r.id}`} className="case-number">
                  {n}
                </Link>
                {r.greenChannel && <GreenChannelTag />}
              </Space>
            ),
          },
          { title: t('case.item'), dataIndex: 'itemName', key: 'item', ellipsis: true },
          {
            title: t('case.applicant'),
            dataIndex: 'applicantNameMasked',
            key: 'applicant',
            render: (n: string | null) => n ?? '—',
          },
          { title: t('iss.department'), dataIndex: 'departmentName', key: 'department' },
          {
            title: t('iss.pickup'),
            key: 'pickup',
            render: (_, r) => <Tag color={r.pickup?.method === 'post' ? 'blue' : undefined}>{r.pickupLabel}</Tag>,
          },
          { title: t('iss.since'), dataIndex: 'since', key: 'since', render: (d: string) => formatDateTime(d) },
          ...(stage === 'to_deliver'
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: QueueItem) => (
                    <Button
                      size="small"
                      icon={<SendOutlined />}
                      onClick={() => setExpress(r)}
                      data-testid={`iss-express-${r.number}`}
                    >
                      {t('iss.express')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {batch && <BatchResultModal batch={batch.batch} numbers={batch.numbers} onClose={() => setBatch(null)} />}
      {express && (
        <WaybillModal
          item={express}
          onClose={() => setExpress(null)}
          onCreated={() => {
            setExpress(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}
