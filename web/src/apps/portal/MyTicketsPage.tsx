import { Breadcrumb, Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { QueryOf } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { usePagedList } from '../../shared/components/hooks';
import { ErrorResult, formatDateTime } from '../../shared/components/common';
import { stateColor } from './hotlineTickets';

type State = NonNullable<QueryOf<'/api/my/hotline-tickets'>['state']>;
const FILTER_STATES: State[] = ['registered', 'dispatched', 'handling', 'callback', 'closed'];

/** 我的工单 `/my/tickets`: the applicant's own 12345 tickets, newest first, with their status in plain words. */
export default function MyTicketsPage() {
  const { t, label } = useI18n();
  const [state, setState] = useState<State | undefined>();
  const list = usePagedList('/api/my/hotline-tickets', { state }, 10);
  return (
    <div className="hotline-portal">
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/my">{t('nav.my')}</Link> }, { title: t('ch.mine') }]}
      />
      <Card
        title={
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="my-tickets-title">
            {t('ch.mine')}
          </Typography.Title>
        }
        extra={
          <Link to="/hotline/new" data-testid="my-tickets-new">
            <Button type="primary" icon={<PlusOutlined />} size="small">
              {t('ch.new')}
            </Button>
          </Link>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('ch.mineHint')}</Typography.Text>
          <Select<State | undefined>
            allowClear
            style={{ minWidth: 140 }}
            placeholder={t('ch.allStates')}
            value={state}
            onChange={setState}
            options={FILTER_STATES.map((s) => ({ value: s, label: label('ch.state', s) }))}
            data-testid="my-tickets-state"
          />
        </Space>
        {list.error ? (
          <ErrorResult error={list.error} onRetry={list.reload} />
        ) : (
          <List
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('ch.empty') }}
            pagination={
              list.data && list.data.total > list.pageSize
                ? {
                    current: list.page,
                    pageSize: list.pageSize,
                    total: list.data.total,
                    size: 'small',
                    onChange: (p, ps) => list.setPage(p, ps),
                  }
                : false
            }
            data-testid="my-tickets"
            renderItem={(item) => (
              <List.Item key={item.id} data-testid="my-ticket-row">
                <List.Item.Meta
                  title={
                    <Link to={`/my/tickets/${item.id}`} data-testid="my-ticket-link">
                      {item.title}
                    </Link>
                  }
                  description={
                    <Space size={[8, 4]} wrap>
                      <Tag>{label('ch.t', item.type)}</Tag>
                      <Tag color={stateColor(item.state)} data-testid="my-ticket-status">
                        {item.status}
                      </Tag>
                      <Typography.Text type="secondary">
                        {item.number} · {formatDateTime(item.createdAt)}
                      </Typography.Text>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
