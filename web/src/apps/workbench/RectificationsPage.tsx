import {
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, ApiError, type Body, type PathsWith } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { useFetch, usePagedList } from '../../shared/components/hooks';
import { PagedListTable } from '../../shared/components/ListPage';
import { formatDateTime } from '../../shared/components/common';
import {
  RECTIFICATION_STATUSES,
  type RectAction,
  type RectificationStatus,
  type RectificationView,
} from '../../shared/ratings';

const STATUS_COLOURS: Record<RectificationStatus, string> = {
  pending_check: 'gold',
  invalid_review: 'purple',
  rectifying: 'blue',
  overdue: 'red',
  closed: 'green',
  closed_invalid: 'default',
};
const STATUS_LABELS: Record<RectificationStatus, string> = {
  pending_check: '待核实',
  invalid_review: '无效差评待复核',
  rectifying: '整改中',
  overdue: '整改超期',
  closed: '已办结',
  closed_invalid: '无效差评已关闭',
};

interface ActValues {
  valid?: boolean;
  reason?: string;
  confirmInvalid?: boolean;
  comment?: string;
  days?: number;
  method?: 'phone' | 'sms' | 'visit' | 'online';
  result?: string;
  measures?: string;
  applicantSatisfied?: boolean;
  evidence?: string;
}

const trim = (s?: string) => (s?.trim() ? s.trim() : undefined);

const ACTION_PATHS = {
  check: '/api/rectifications/{id}/check',
  review: '/api/rectifications/{id}/review',
  extend: '/api/rectifications/{id}/extend',
  callback: '/api/rectifications/{id}/callback',
} as const satisfies Record<RectAction, PathsWith<'post'>>;

function bodyOf(action: RectAction, r: RectificationView, v: ActValues): Record<string, unknown> {
  switch (action) {
    case 'check':
      return { version: r.version, valid: !!v.valid, ...(trim(v.reason) ? { reason: trim(v.reason) } : {}) };
    case 'review':
      return {
        version: r.version,
        confirmInvalid: !!v.confirmInvalid,
        ...(trim(v.comment) ? { comment: trim(v.comment) } : {}),
      };
    case 'extend':
      return { version: r.version, reason: trim(v.reason), ...(v.days ? { days: v.days } : {}) };
    case 'callback':
      return {
        version: r.version,
        method: v.method,
        result: trim(v.result),
        ...(trim(v.measures) ? { measures: trim(v.measures) } : {}),
        applicantSatisfied: !!v.applicantSatisfied,
      };
  }
}

/** One rectification: rating, record, and a form per available action (`rect-action-<action>` → `rect-confirm`). */
function RectDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const rect = useFetch<RectificationView>(
    (signal) => api.get('/api/rectifications/{id}', { params: { path: { id } }, signal }),
    [id],
  );
  const [action, setAction] = useState<RectAction | 'appeal' | null>(null);
  const [form] = Form.useForm<ActValues>();
  const valid = Form.useWatch('valid', form);
  const [busy, setBusy] = useState(false);
  const r = rect.data;

  const confirm = async () => {
    if (!r || !action) return;
    let v: ActValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      if (action === 'appeal') {
        await api.post('/api/ratings/{id}/appeals', {
          params: { path: { id: r.rating.id } },
          body: { reason: trim(v.reason) ?? '', evidence: trim(v.evidence) ?? '' },
          form,
        });
        rect.reload();
      } else {
        rect.setData(
          // Each action's body is built by `bodyOf`; the server names a missing or wrong field.
          await api.post(ACTION_PATHS[action], {
            params: { path: { id: r.id } },
            body: bodyOf(action, r, v) as Body<(typeof ACTION_PATHS)[RectAction]>,
            form,
          }),
        );
      }
      void message.success(t('common.done'));
      setAction(null);
      form.resetFields();
      onChanged();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 409) rect.reload();
    } finally {
      setBusy(false);
    }
  };

  const req = (field: string) => ({ required: true, whitespace: true, message: t('common.required', { field }) });
  const canAppeal =
    !!r &&
    r.rating.bad &&
    !r.rating.appeal &&
    !['closed', 'closed_invalid'].includes(r.status) &&
    hasRole('approver', 'chief', 'clerk');
  return (
    <Drawer open title={t('rect.detail')} onClose={onClose} size={560} destroyOnHidden data-testid="rect-drawer">
      {!r ? (
        rect.loading ? null : (
          <Empty />
        )
      ) : (
        <div data-testid={`rect-detail-${r.id}`} data-status={r.status}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'status',
                label: t('common.status'),
                children: (
                  <Tag color={STATUS_COLOURS[r.status]} data-testid="rect-status" data-status={r.status}>
                    {r.statusLabel}
                  </Tag>
                ),
              },
              {
                key: 'case',
                label: t('case.number'),
                children: (
                  <span>
                    <Link to={`/workbench/cases/${r.rating.caseId}`}>{r.rating.caseNumber}</Link> · {r.rating.itemName}
                  </span>
                ),
              },
              {
                key: 'rating',
                label: t('rect.rating'),
                children: (
                  <div>
                    <Tag color={r.rating.bad ? 'red' : 'green'}>{r.rating.levelLabel}</Tag>
                    <Tag>{r.rating.channelLabel}</Tag>
                    {r.rating.indicators.map((i) => (
                      <Tag key={i.code}>{i.label}</Tag>
                    ))}
                    {r.rating.comment && <div>{r.rating.comment}</div>}
                  </div>
                ),
              },
              { key: 'dept', label: t('rect.department'), children: r.departmentName ?? r.departmentCode },
              {
                key: 'deadline',
                label: t('rect.deadline'),
                children: r.deadline ? `${r.deadline}${r.extension ? `（+${r.extension.days}）` : ''}` : '—',
              },
              ...(r.check
                ? [
                    {
                      key: 'check',
                      label: t('rect.action.check'),
                      children: `${r.check.valid ? t('rect.validYes') : t('rect.validNo')}${r.check.reason ? `：${r.check.reason}` : ''}（${r.check.by} ${formatDateTime(r.check.at)}）`,
                    },
                  ]
                : []),
              ...(r.review
                ? [
                    {
                      key: 'review',
                      label: t('rect.action.review'),
                      children: `${r.review.confirmInvalid ? t('rect.confirmInvalidYes') : t('rect.confirmInvalidNo')}${r.review.comment ? `：${r.review.comment}` : ''}`,
                    },
                  ]
                : []),
              ...(r.callback
                ? [
                    {
                      key: 'cb',
                      label: t('rect.action.callback'),
                      children: `${t(`rect.method.${r.callback.method}` as MessageKey)} · ${r.callback.result}${r.callback.applicantSatisfied ? ` · ${t('rect.satisfied')}` : ''}`,
                    },
                  ]
                : []),
              ...(r.measures ? [{ key: 'measures', label: t('rect.measures'), children: r.measures }] : []),
              ...(r.rating.appeal
                ? [
                    {
                      key: 'appeal',
                      label: t('rect.appeal'),
                      children: (
                        <span data-testid="rect-appeal-status">
                          {r.rating.appeal.statusLabel}：{r.rating.appeal.reason}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <Space wrap style={{ margin: '16px 0' }}>
            {r.availableActions.map((a) => (
              <Button
                key={a}
                type={action === a ? 'primary' : 'default'}
                onClick={() => {
                  form.resetFields();
                  setAction(a);
                }}
                data-testid={`rect-action-${a}`}
              >
                {t(`rect.action.${a}` as MessageKey)}
              </Button>
            ))}
            {canAppeal && (
              <Button
                onClick={() => {
                  form.resetFields();
                  setAction('appeal');
                }}
                data-testid="rect-action-appeal"
              >
                {t('rect.appeal')}
              </Button>
            )}
            {!r.availableActions.length && !canAppeal && (
              <Typography.Text type="secondary">{t('rect.noActions')}</Typography.Text>
            )}
          </Space>
          {action && (
            <Card
              size="small"
              title={action === 'appeal' ? t('rect.appeal') : t(`rect.action.${action}` as MessageKey)}
            >
              <Form
                form={form}
                layout="vertical"
                data-testid={`rect-form-${action}`}
                initialValues={{ valid: true, confirmInvalid: true, method: 'phone', applicantSatisfied: true }}
              >
                {action === 'check' && (
                  <>
                    <Form.Item name="valid" label={t('rect.valid')}>
                      <Radio.Group>
                        <Radio value={true} data-testid="rect-valid-yes">
                          {t('rect.validYes')}
                        </Radio>
                        <Radio value={false} data-testid="rect-valid-no">
                          {t('rect.validNo')}
                        </Radio>
                      </Radio.Group>
                    </Form.Item>
                    <Form.Item
                      name="reason"
                      label={t('rect.reason')}
                      rules={valid === false ? [req(t('rect.reason')), { max: 500 }] : [{ max: 500 }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rect-reason" />
                    </Form.Item>
                  </>
                )}
                {action === 'review' && (
                  <>
                    <Form.Item name="confirmInvalid" label={t('rect.confirmInvalid')}>
                      <Radio.Group>
                        <Radio value={true} data-testid="rect-confirm-invalid-yes">
                          {t('rect.confirmInvalidYes')}
                        </Radio>
                        <Radio value={false} data-testid="rect-confirm-invalid-no">
                          {t('rect.confirmInvalidNo')}
                        </Radio>
                      </Radio.Group>
                    </Form.Item>
                    <Form.Item name="comment" label={t('action.comment')} rules={[{ max: 500 }]}>
                      <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rect-comment" />
                    </Form.Item>
                  </>
                )}
                {action === 'extend' && (
                  <>
                    <Form.Item name="reason" label={t('rect.reason')} rules={[req(t('rect.reason')), { max: 500 }]}>
                      <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rect-reason" />
                    </Form.Item>
                    <Form.Item name="days" label={t('rect.days')}>
                      <InputNumber min={1} max={15} precision={0} data-testid="rect-days" />
                    </Form.Item>
                  </>
                )}
                {action === 'callback' && (
                  <>
                    <Form.Item name="method" label={t('rect.method')} rules={[{ required: true }]}>
                      <Select
                        data-testid="rect-method"
                        options={(['phone', 'sms', 'visit', 'online'] as const).map((m) => ({
                          value: m,
                          label: t(`rect.method.${m}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name="result" label={t('rect.result')} rules={[req(t('rect.result')), { max: 1000 }]}>
                      <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rect-result" />
                    </Form.Item>
                    <Form.Item name="measures" label={t('rect.measures')} rules={[{ max: 2000 }]}>
                      <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rect-measures" />
                    </Form.Item>
                    <Form.Item name="applicantSatisfied" valuePropName="checked">
                      <Checkbox data-testid="rect-satisfied">{t('rect.satisfied')}</Checkbox>
                    </Form.Item>
                  </>
                )}
                {action === 'appeal' && (
                  <>
                    <Form.Item
                      name="reason"
                      label={t('rect.appealReason')}
                      rules={[req(t('rect.appealReason')), { max: 500 }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rect-appeal-reason" />
                    </Form.Item>
                    <Form.Item
                      name="evidence"
                      label={t('rect.appealEvidence')}
                      rules={[req(t('rect.appealEvidence')), { max: 2000 }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 2 }} data-testid="rect-appeal-evidence" />
                    </Form.Item>
                  </>
                )}
                <Space>
                  <Button onClick={() => setAction(null)}>{t('common.cancel')}</Button>
                  <Button type="primary" loading={busy} onClick={() => void confirm()} data-testid="rect-confirm">
                    {t('action.confirm')}
                  </Button>
                </Space>
              </Form>
            </Card>
          )}
        </div>
      )}
    </Drawer>
  );
}

/** 差评整改 `/workbench/rectifications`: bad ratings to check, rectify and call back. */
export default function RectificationsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = (RECTIFICATION_STATUSES as string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as RectificationStatus)
    : undefined;
  const list = usePagedList('/api/rectifications', { status });
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench">{t('wb.inbox')}</Link> }, { title: t('rect.title') }]}
      />
      <Card
        title={t('rect.title')}
        data-testid="wb-rectifications"
        extra={
          <Link to="/workbench/rating-appeals" data-testid="wb-appeals-link">
            {t('appeal.title')}
          </Link>
        }
      >
        <div className="toolbar">
          <Select
            allowClear
            value={status}
            placeholder={t('common.status')}
            style={{ width: 200 }}
            onChange={(v: string | undefined) => setParams(v ? { status: v } : {}, { replace: true })}
            data-testid="rect-filter-status"
            options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          />
        </div>
        <PagedListTable<RectificationView>
          list={list}
          scroll={{ x: 'max-content' }}
          rowClassName={(r) => (r.status === 'overdue' ? 'row-overdue' : '')}
          onRow={(r) =>
            ({
              'data-testid': `rect-${r.rating.caseNumber}`,
              'data-status': r.status,
              onClick: () => setOpenId(r.id),
              style: { cursor: 'pointer' },
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <Empty data-testid="rect-empty" description={t('common.empty')} /> }}
          columns={[
            {
              title: t('case.number'),
              key: 'case',
              render: (_, r) => <span className="case-number">{r.rating.caseNumber}</span>,
            },
            { title: t('case.item'), key: 'item', ellipsis: true, render: (_, r) => r.rating.itemName },
            { title: t('rect.rating'), key: 'level', render: (_, r) => <Tag color="red">{r.rating.levelLabel}</Tag> },
            { title: t('rect.department'), key: 'dept', render: (_, r) => r.departmentName ?? r.departmentCode },
            {
              title: t('common.status'),
              key: 'status',
              render: (_, r) => <Tag color={STATUS_COLOURS[r.status]}>{r.statusLabel}</Tag>,
            },
            { title: t('rect.deadline'), key: 'deadline', render: (_, r) => r.deadline ?? '—' },
            {
              title: t('common.actions'),
              key: 'open',
              render: (_, r) => (
                <Button
                  size="small"
                  type="link"
                  data-testid={`rect-open-${r.id}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    setOpenId(r.id);
                  }}
                >
                  {t('case.view')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {openId && <RectDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />}
    </div>
  );
}
