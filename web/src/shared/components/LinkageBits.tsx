import { Empty, Space, Steps, Table, Tag, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import type { HTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n';
import type { CasePromise, CaseView, Pickup } from '../cases';
import { formatDateTime } from './common';

/** 绿色通道 marker (case pages and inbox rows). */
export function GreenChannelTag() {
  const { t } = useI18n();
  return (
    <Tag color="green" icon={<ThunderboltOutlined />} data-testid="green-channel" style={{ marginInlineEnd: 0 }}>
      {t('lk.greenChannel')}
    </Tag>
  );
}

/** 四级联动: the hops from the accepting level to the deciding level; the current holder highlighted. */
export function LinkageSteps({ c }: { c: CaseView }) {
  const hops = c.linkage ?? [];
  if (hops.length < 2) return null;
  const current = Math.max(
    0,
    hops.findIndex((h) => h.current),
  );
  return (
    <Steps
      size="small"
      current={current}
      data-testid="case-linkage"
      items={hops.map((h) => ({
        title: (
          <span data-testid={`linkage-${h.level}`} data-current={h.current}>
            {h.levelLabel}
          </span>
        ),
        description: h.regionName ?? h.regionCode,
      }))}
    />
  );
}

export function PickupText({ pickup }: { pickup: Pickup | null | undefined }) {
  const { t } = useI18n();
  if (!pickup) return <>—</>;
  return (
    <span data-testid="case-pickup" data-method={pickup.method}>
      {pickup.method === 'hall'
        ? t('lk.pickupHall', { hall: pickup.hallName ?? pickup.hallId })
        : t('lk.pickupPost', { address: pickup.address })}
    </span>
  );
}

/** 容缺承诺 of a case: material, due date (overdue in red), state; `action` renders a cell per open promise. */
export function PromisesTable({
  promises,
  action,
}: {
  promises: CasePromise[];
  action?: (p: CasePromise) => ReactNode;
}) {
  const { t } = useI18n();
  if (!promises.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('lk.noPromises')} />;
  return (
    <Table<CasePromise>
      size="small"
      rowKey="materialId"
      pagination={false}
      dataSource={promises}
      onRow={(p) =>
        ({ 'data-testid': `case-promise-${p.materialId}`, 'data-state': p.state }) as HTMLAttributes<HTMLElement>
      }
      rowClassName={(p) => (p.state === 'overdue' ? 'row-overdue' : '')}
      columns={[
        { title: t('lk.material'), dataIndex: 'materialName', key: 'name' },
        {
          title: t('lk.promiseDue'),
          dataIndex: 'dueDate',
          key: 'due',
          render: (d: string, p) =>
            p.state === 'overdue' ? (
              <Typography.Text type="danger" data-testid="promise-overdue">
                {d}（{t('lk.overdue')}）
              </Typography.Text>
            ) : (
              d
            ),
        },
        {
          title: t('common.status'),
          key: 'state',
          render: (_, p) => (
            <Space size={4} wrap>
              <Tag color={p.state === 'overdue' ? 'red' : p.state === 'fulfilled' ? 'green' : 'gold'}>
                {p.stateLabel}
              </Tag>
              {p.fulfilledAt && <Typography.Text type="secondary">{formatDateTime(p.fulfilledAt)}</Typography.Text>}
            </Space>
          ),
        },
        ...(action
          ? [
              {
                title: t('common.actions'),
                key: 'action',
                render: (_: unknown, p: CasePromise) => (p.state === 'fulfilled' ? null : action(p)),
              },
            ]
          : []),
      ]}
    />
  );
}
