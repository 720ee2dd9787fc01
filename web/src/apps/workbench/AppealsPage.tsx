import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Tag,
  type ButtonProps,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { usePagedList } from '../../shared/components/hooks';
import { PagedListTable } from '../../shared/components/ListPage';
import { formatDateTime } from '../../shared/components/common';
import type { AppealListItem } from '../../shared/ratings';

const STATUSES = ['pending', 'upheld', 'rejected'] as const;
const COLOURS = { pending: 'gold', upheld: 'green', rejected: 'default' } as const;

/** 差评申诉 `/workbench/rating-appeals`: appeals in scope; supervisors decide the pending ones. */
export default function AppealsPage() {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = STATUSES.find((s) => s === raw);
  const list = usePagedList('/api/rating-appeals', { status });
  const [deciding, setDeciding] = useState<AppealListItem | null>(null);
  const [form] = Form.useForm<{ upheld: boolean; comment?: string }>();
  const [busy, setBusy] = useState(false);
  const supervisor = hasRole('supervisor');

  const decide = async () => {
    if (!deciding) return;
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api.post('/api/rating-appeals/{id}/decision', {
        params: { path: { id: deciding.id } },
        body: { upheld: v.upheld, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) },
        form,
      });
      void message.success(t('common.done'));
      setDeciding(null);
      list.reload();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/workbench">{t('wb.inbox')}</Link> },
          { title: <Link to="/workbench/rectifications">{t('rect.title')}</Link> },
          { title: t('appeal.title') },
        ]}
      />
      <Card title={t('appeal.title')} data-testid="wb-appeals">
        <div className="toolbar">
          <Select
            allowClear
            value={status}
            placeholder={t('common.status')}
            style={{ width: 160 }}
            onChange={(v: string | undefined) => setParams(v ? { status: v } : {}, { replace: true })}
            data-testid="appeal-filter-status"
            options={STATUSES.map((s) => ({ value: s, label: t(`appeal.status.${s}`) }))}
          />
        </div>
        <PagedListTable<AppealListItem>
          list={list}
          scroll={{ x: 'max-content' }}
          onRow={(r) =>
            ({ 'data-testid': `appeal-${r.rating.caseNumber}`, 'data-status': r.status }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Empty data-testid="appeal-empty" description={t('common.empty')} /> }}
          columns={[
            {
              title: t('case.number'),
              key: 'case',
              render: (_, r) => <span className="case-number">{r.rating.caseNumber}</span>,
            },
            { title: t('case.item'), key: 'item', ellipsis: true, render: (_, r) => r.rating.itemName },
            { title: t('rect.rating'), key: 'level', render: (_, r) => <Tag color="red">{r.rating.levelLabel}</Tag> },
            { title: t('rect.appealReason'), dataIndex: 'reason', key: 'reason', ellipsis: true },
            { title: t('rect.appealEvidence'), dataIndex: 'evidence', key: 'evidence', ellipsis: true },
            { title: t('appeal.filedAt'), key: 'filed', render: (_, r) => `${r.filedBy} ${formatDateTime(r.filedAt)}` },
            {
              title: t('common.status'),
              key: 'status',
              render: (_, r) => <Tag color={COLOURS[r.status]}>{r.statusLabel}</Tag>,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, r) =>
                supervisor && r.status === 'pending' ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      form.resetFields();
                      setDeciding(r);
                    }}
                    data-testid={`appeal-decide-${r.id}`}
                  >
                    {t('appeal.decide')}
                  </Button>
                ) : (
                  (r.decisionComment ?? null)
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!deciding}
        title={t('appeal.decide')}
        onCancel={() => setDeciding(null)}
        onOk={() => void decide()}
        confirmLoading={busy}
        okText={t('action.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'appeal-confirm' } as ButtonProps}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ upheld: false }}>
          <Form.Item name="upheld" label={t('appeal.decision')}>
            <Radio.Group>
              <Radio value={true} data-testid="appeal-upheld">
                {t('appeal.upheld')}
              </Radio>
              <Radio value={false} data-testid="appeal-rejected">
                {t('appeal.rejected')}
              </Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="comment" label={t('action.comment')} rules={[{ max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="appeal-comment" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
