import { App as AntApp, Badge, Button, Card, Empty, List, Pagination, Skeleton, Space, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { usePagedList } from '../../shared/components/hooks';
import { ErrorResult, formatDateTime } from '../../shared/components/common';
import { notifyMessagesChanged } from '../../shared/messages';
import type { Message } from '../../shared/cases';

addMessages(portalAreaZh);

const isRead = (m: Message) => m.read ?? !!m.readAt;

/** 站内消息 `/my/messages`: newest first; open one to mark it read; mark all read. */
export default function MessagesPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const list = usePagedList('/api/messages', {}, 20);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const caseLink = (id: string) => (user?.kind === 'staff' ? `/workbench/cases/${id}` : `/my/cases/${id}`);

  const markRead = async (m: Message) => {
    if (isRead(m) || readIds.has(m.id)) return;
    try {
      await api.post('/api/messages/{id}/read', { params: { path: { id: m.id } }, silent: true });
      setReadIds((s) => new Set(s).add(m.id));
      notifyMessagesChanged();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  };
  const readAll = async () => {
    setBusy(true);
    try {
      await api.post('/api/messages/read-all');
      void message.success(t('messages.allRead'));
      notifyMessagesChanged();
      list.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    } finally {
      setBusy(false);
    }
  };

  const items = list.data?.items ?? [];
  const anyUnread = items.some((m) => !isRead(m) && !readIds.has(m.id));
  return (
    <Card
      data-testid="messages-page"
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('messages.title')}
        </Typography.Title>
      }
      extra={
        <Button
          icon={<CheckOutlined />}
          onClick={() => void readAll()}
          loading={busy}
          disabled={!anyUnread}
          data-testid="messages-read-all"
        >
          <span className="hide-xs">{t('messages.readAll')}</span>
        </Button>
      }
    >
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <Skeleton active />
      ) : !items.length ? (
        <Empty description={t('messages.empty')} data-testid="messages-empty" />
      ) : (
        <>
          <List
            data-testid="messages-list"
            loading={list.loading}
            dataSource={items}
            rowKey="id"
            renderItem={(m) => {
              const read = isRead(m) || readIds.has(m.id);
              return (
                <List.Item
                  data-testid={`message-${m.id}`}
                  data-read={read}
                  className={read ? 'message-item' : 'message-item unread'}
                  onClick={() => void markRead(m)}
                >
                  <List.Item.Meta
                    title={
                      <Space size={6}>
                        {!read && <Badge status="error" />}
                        <span>{m.title}</span>
                      </Space>
                    }
                    description={
                      <>
                        <div className="message-body">{m.body}</div>
                        <Space size={12} wrap>
                          <Typography.Text type="secondary">{formatDateTime(m.createdAt)}</Typography.Text>
                          {m.caseId && (
                            <Link to={caseLink(m.caseId)} data-testid="message-case-link">
                              {t('messages.viewCase')}
                            </Link>
                          )}
                          {!read && (
                            <Button
                              size="small"
                              type="link"
                              style={{ padding: 0 }}
                              data-testid={`message-read-${m.id}`}
                              onClick={(e) => {
                                e.stopPropagation();
                                void markRead(m);
                              }}
                            >
                              {t('messages.markRead')}
                            </Button>
                          )}
                        </Space>
                      </>
                    }
                  />
                </List.Item>
              );
            }}
          />
          {(list.data?.total ?? 0) > list.pageSize && (
            <div className="pager">
              <Pagination
                current={list.page}
                pageSize={list.pageSize}
                total={list.data?.total ?? 0}
                showSizeChanger={false}
                responsive
                onChange={(p) => list.setPage(p)}
              />
            </div>
          )}
        </>
      )}
    </Card>
  );
}
