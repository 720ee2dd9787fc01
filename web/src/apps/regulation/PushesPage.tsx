import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { DownloadOutlined } from '@ant-design/icons';
import { api, apiUrl } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useDebounced, usePagedList } from '../../shared/components/hooks';
import { ListToolbar, PageHeader, PagedListTable, useRequiredRules, useSaving } from '../../shared/components/ListPage';
import { PUSH_STATUSES, SUPERVISION_RESULTS, type Push, type PushStatus, type SupervisionResult } from './types';

const STATUS_COLOURS: Record<PushStatus, string> = {
  unassigned: 'default',
  pushed: 'orange',
  received: 'blue',
  returned: 'green',
};
const RESULT_COLOURS: Record<SupervisionResult, string> = {
  qualified: 'green',
  rectify: 'orange',
  case_filed: 'red',
  revoked: 'red',
  other: 'default',
};

/**
 * 双推送: `inbox` is the regulator's 推送接收 (confirm receipt, report the supervision result);
 * `outbox` is the approving side's view of where its approvals went and what came back.
 */
export default function PushesPage({ box }: { box: 'inbox' | 'outbox' }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PushStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [answering, setAnswering] = useState<Push | null>(null);
  const [, run] = useSaving();
  const search = useDebounced(q.trim());
  const list = usePagedList('/api/regulation/pushes', {
    box,
    q: search,
    status,
    overdue: overdue ? 'true' : undefined,
  });
  const p = `reg-${box}`;

  const receive = (r: Push) =>
    run(async () => {
      await api.post('/api/regulation/pushes/{id}/receive', {
        params: { path: { id: r.id } },
        body: { version: r.version },
      });
      void message.success(t('common.done'));
      list.reload();
    });

  return (
    <div data-testid={`${p}-page`}>
      <PageHeader title={t(box === 'inbox' ? 'reg.menu.inbox' : 'reg.menu.outbox')} />
      <ListToolbar testPrefix={p} q={q} onQ={setQ} placeholder={t('reg.searchPushes')} searchWidth={300}>
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('reg.allStatuses')}
          value={status}
          onChange={setStatus}
          data-testid={`${p}-status`}
          options={PUSH_STATUSES.map((s) => ({ value: s, label: t(`reg.status.${s}`) }))}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} data-testid={`${p}-overdue`} />
          {t('reg.overdueOnly')}
        </Space>
        <Button
          href={apiUrl('/api/regulation/pushes.xlsx', {
            query: { box, q: search, status, overdue: overdue ? 'true' : undefined },
          })}
          icon={<DownloadOutlined />}
          data-testid={`${p}-export`}
        >
          {t('reg.export')}
        </Button>
      </ListToolbar>
      <PagedListTable<Push>
        list={list}
        testId={`${p}-table`}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': `reg-push-${r.caseNumber}`, 'data-status': r.status }) as object}
        locale={{
          emptyText: (
            <Empty data-testid={`${p}-empty`} description={t(box === 'inbox' ? 'reg.emptyInbox' : 'reg.emptyOutbox')} />
          ),
        }}
        columns={[
          {
            title: t('reg.entity'),
            key: 'entity',
            render: (_, r) => (
              <div>
                {r.entityName}
                {r.creditCode && (
                  <Typography.Text type="secondary" style={{ display: 'block' }}>
                    {r.creditCode}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          { title: t('reg.item'), dataIndex: 'itemName', key: 'item' },
          { title: t('reg.licence'), key: 'licence', render: (_, r) => r.licenceNumber ?? '—' },
          {
            title: t('case.number'),
            dataIndex: 'caseNumber',
            key: 'case',
            render: (n: string) => <span className="case-number">{n}</span>,
          },
          { title: t('reg.grantedOn'), dataIndex: 'grantedOn', key: 'granted' },
          ...(box === 'outbox'
            ? [
                {
                  title: t('reg.regulator'),
                  key: 'regulator',
                  render: (_: unknown, r: Push) => r.regulatorDepartmentName ?? '—',
                },
              ]
            : []),
          {
            title: t('reg.status'),
            key: 'status',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS_COLOURS[r.status]} data-testid={`reg-push-status-${r.caseNumber}`}>
                  {r.statusLabel}
                </Tag>
                {r.overdue && (
                  <Tag color="red" data-testid={`reg-push-overdue-${r.caseNumber}`}>
                    {t('reg.overdue')} · {t('reg.reminders', { n: r.reminders })}
                  </Tag>
                )}
                {r.status === 'pushed' && !r.overdue && r.dueOn && (
                  <Typography.Text type="secondary">
                    {t('reg.dueOn')} {r.dueOn}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('reg.result'),
            key: 'result',
            render: (_, r) =>
              r.result ? (
                <div data-testid={`reg-push-result-${r.caseNumber}`}>
                  <Tag color={RESULT_COLOURS[r.result]}>{r.resultLabel}</Tag> {r.resultOn}
                  <Typography.Paragraph type="secondary" style={{ maxWidth: 280, marginBottom: 0 }}>
                    {r.resultText}
                  </Typography.Paragraph>
                </div>
              ) : (
                '—'
              ),
          },
          ...(box === 'inbox'
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, r: Push) => (
                    <Space size={0}>
                      {r.status === 'pushed' && (
                        <Popconfirm
                          title={t('reg.receiveConfirm')}
                          okText={t('common.ok')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => receive(r)}
                          okButtonProps={{ 'data-testid': 'reg-receive-confirm' } as ButtonProps}
                        >
                          <Button type="link" size="small" data-testid={`reg-receive-${r.caseNumber}`}>
                            {t('reg.receive')}
                          </Button>
                        </Popconfirm>
                      )}
                      {r.status === 'received' && (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setAnswering(r)}
                          data-testid={`reg-answer-${r.caseNumber}`}
                        >
                          {t('reg.returnResult')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {answering && (
        <ResultModal
          push={answering}
          onClose={() => setAnswering(null)}
          onDone={() => {
            setAnswering(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}

// Required fields are typed as present: validateFields resolves only once the form's rules hold.
interface ResultValues {
  result: SupervisionResult;
  text: string;
  resultOn: Dayjs;
}

/** 反馈监管结果: kind, findings and date (not before the grant, not in the future). */
function ResultModal({ push, onClose, onDone }: { push: Push; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const rules = useRequiredRules();
  const [form] = Form.useForm<ResultValues>();
  const [saving, run] = useSaving();
  const save = async () => {
    let v: ResultValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await api.post('/api/regulation/pushes/{id}/result', {
        params: { path: { id: push.id } },
        body: { version: push.version, result: v.result, text: v.text, resultOn: v.resultOn.format('YYYY-MM-DD') },
        form,
      });
      void message.success(t('common.done'));
      onDone();
    });
  };
  return (
    <Modal
      open
      title={`${t('reg.resultTitle')} · ${push.entityName}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('action.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'reg-result-save' } as ButtonProps}
      destroyOnHidden
      maskClosable={false}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`${push.itemName} · ${push.caseNumber} · ${t('reg.grantedOn')} ${push.grantedOn}`}
      />
      <Form<ResultValues>
        form={form}
        layout="vertical"
        initialValues={{ resultOn: dayjs() }}
        data-testid="reg-result-form"
      >
        <Form.Item name="result" label={t('reg.resultKind')} rules={[rules.selectRequired(t('reg.resultKind'))]}>
          <Select
            data-testid="reg-result-kind"
            options={SUPERVISION_RESULTS.map((r) => ({ value: r, label: t(`reg.result.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="text" label={t('reg.resultText')} rules={[rules.required(t('reg.resultText')), { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} data-testid="reg-result-text" />
        </Form.Item>
        <Form.Item name="resultOn" label={t('reg.resultOn')} rules={[rules.selectRequired(t('reg.resultOn'))]}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs().endOf('day')) || d.isBefore(dayjs(push.grantedOn).startOf('day'))}
            data-testid="reg-result-on"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
