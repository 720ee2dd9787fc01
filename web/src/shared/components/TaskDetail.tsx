/**
 * One 督查问题 with its measures: deadlines, departments, progress reports with attachments, urgings and
 * accountability. Supervisors urge, mark overdue and note accountability; department staff report
 * progress (with attachments) and, when their department leads, complete the measure.
 */
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Space,
  Tag,
  Typography,
  type ButtonProps,
} from 'antd';
import { ArrowLeftOutlined, BellOutlined, PaperClipOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type UploadedFile } from '../client';
import { useAuth } from '../auth';
import { addMessages, useI18n } from '../i18n';
import { tasksZh } from '../i18n/tasks.zh-CN';
import { formatBytes } from '../cases';
import {
  leadsMeasure,
  measureFileHref,
  useMyDepartmentCode,
  type MeasureDetail,
  type TaskProblemDetail,
} from '../tasks';
import { ErrorResult, formatDateTime, PageLoading } from './common';
import { FileUploadField } from './FileUpload';
import { useFetch } from './hooks';
import { useSaving } from './ListPage';
import { DeadlineText, MeasureStatusTag } from './TaskParts';

addMessages(tasksZh);

type Mode = 'supervisor' | 'department';

export function TaskDetail({ problemId, mode, backTo }: { problemId: string; mode: Mode; backTo: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const myCode = useMyDepartmentCode(mode === 'department' ? user?.scope.departmentId : null);
  const detail = useFetch<TaskProblemDetail>(
    (signal) =>
      api.get('/api/supervision/tasks/{problemId}', { params: { path: { problemId } }, signal, silent: true }),
    [problemId],
  );
  const p = detail.data;
  const replace = (m: MeasureDetail) =>
    p && detail.setData({ ...p, measures: p.measures.map((x) => (x.id === m.id ? m : x)) });

  if (detail.error) return <ErrorResult error={detail.error} onRetry={detail.reload} />;
  if (!p) return <PageLoading />;
  return (
    <div data-testid="tk-detail" data-problem-number={p.number}>
      <div className="page-title">
        <h2>
          <Link to={backTo} data-testid="tk-back" aria-label={t('tk.back')}>
            <ArrowLeftOutlined />
          </Link>{' '}
          {t('tk.problem', { number: p.number })}：{p.title}
        </h2>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          column={1}
          size="small"
          items={[
            ...(p.category ? [{ key: 'category', label: t('tk.category'), children: p.category }] : []),
            ...(p.description
              ? [
                  {
                    key: 'description',
                    label: t('tk.description'),
                    children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span>,
                  },
                ]
              : []),
            ...(p.source ? [{ key: 'source', label: t('tk.source'), children: p.source }] : []),
          ]}
        />
      </Card>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {p.measures.map((m) => (
          <MeasureCard key={m.id} problemNumber={p.number} m={m} mode={mode} myCode={myCode} onChange={replace} />
        ))}
      </Space>
    </div>
  );
}

function MeasureCard({
  problemNumber,
  m,
  mode,
  myCode,
  onChange,
}: {
  problemNumber: number;
  m: MeasureDetail;
  mode: Mode;
  myCode: string | null;
  onChange: (m: MeasureDetail) => void;
}) {
  const { t } = useI18n();
  const label = `${problemNumber}-${m.number}`;
  const today = dayjs().format('YYYY-MM-DD');
  const pastDeadline = m.status === 'open' && !m.longTerm && !!m.deadline && m.deadline < today;
  return (
    <Card
      size="small"
      data-testid={`tk-measure-${label}`}
      data-status={m.status}
      data-measure-id={m.id}
      title={
        <Space wrap>
          <span>{t('tk.measureTitle', { number: `${problemNumber}.${m.number}` })}</span>
          <MeasureStatusTag status={m.status} />
          {m.urgeCount > 0 && (
            <Tag icon={<BellOutlined />} color="orange" data-testid="tk-urge-count" data-count={m.urgeCount}>
              {t('tk.urged', { n: m.urgeCount })}
            </Tag>
          )}
        </Space>
      }
      extra={
        mode === 'supervisor' ? (
          <SupervisorActions label={label} m={m} pastDeadline={pastDeadline} onChange={onChange} />
        ) : null
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.content}</Typography.Paragraph>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        bordered
        items={[
          { key: 'lead', label: t('tk.col.lead'), children: m.leadUnits },
          { key: 'assisting', label: t('tk.col.assisting'), children: m.assistingUnits || '—' },
          { key: 'deadline', label: t('tk.col.deadline'), children: <DeadlineText m={m} /> },
          ...(m.overdueOn
            ? [
                {
                  key: 'overdueOn',
                  label: t('tk.overdueOn'),
                  children: <span data-testid="tk-overdue-on">{m.overdueOn}</span>,
                },
              ]
            : []),
          ...(m.doneAt ? [{ key: 'doneAt', label: t('tk.doneAt'), children: formatDateTime(m.doneAt) }] : []),
          ...(m.accountability
            ? [
                {
                  key: 'acc',
                  label: t('tk.accountability'),
                  span: 2,
                  children: (
                    <div data-testid="tk-accountability">
                      {m.accountability.note}
                      <div>
                        <Typography.Text type="secondary">
                          {m.accountability.byName} · {formatDateTime(m.accountability.at)}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      {m.unmatchedUnits.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          message={t('tk.unmatched', { names: m.unmatchedUnits.join('、') })}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('tk.reports')}
      </Typography.Title>
      <List
        size="small"
        data-testid={`tk-reports-${label}`}
        dataSource={m.reports}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tk.noReports')} /> }}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="tk-report" data-final={r.final}>
            <div style={{ width: '100%' }}>
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="tk-report-content">
                {r.final && <Tag color="green">{t('tk.finalReport')}</Tag>}
                {r.content}
              </div>
              {r.files.length > 0 && (
                <Space wrap size={12} style={{ marginTop: 4 }}>
                  {r.files.map((f) => (
                    <a key={f.id} href={measureFileHref(m.id, f.id)} data-testid="tk-report-file" data-file-id={f.id}>
                      <PaperClipOutlined /> {f.name}{' '}
                      <Typography.Text type="secondary">({formatBytes(f.size)})</Typography.Text>
                    </a>
                  ))}
                </Space>
              )}
              <div>
                <Typography.Text type="secondary">
                  {r.reportedByName} · {formatDateTime(r.reportedAt)}
                </Typography.Text>
              </div>
            </div>
          </List.Item>
        )}
      />
      {m.urgings.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('tk.urgings')}
          </Typography.Title>
          <List
            size="small"
            data-testid={`tk-urgings-${label}`}
            dataSource={m.urgings}
            renderItem={(u) => (
              <List.Item key={u.id} data-testid="tk-urging">
                <span>
                  {u.note}{' '}
                  <Typography.Text type="secondary">
                    — {u.byName} · {formatDateTime(u.at)}
                  </Typography.Text>
                </span>
              </List.Item>
            )}
          />
        </>
      )}
      {mode === 'department' && <ReportForm label={label} m={m} leads={leadsMeasure(m, myCode)} onChange={onChange} />}
    </Card>
  );
}

function SupervisorActions({
  label,
  m,
  pastDeadline,
  onChange,
}: {
  label: string;
  m: MeasureDetail;
  pastDeadline: boolean;
  onChange: (m: MeasureDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [saving, run] = useSaving();
  const [dialog, setDialog] = useState<'urge' | 'accountability' | null>(null);
  const [form] = Form.useForm<{ note: string }>();
  const path = dialog === 'urge' ? 'urge' : 'accountability';
  const submit = (v: { note: string }) =>
    run(async () => {
      const to =
        path === 'urge' ? '/api/supervision/measures/{id}/urge' : '/api/supervision/measures/{id}/accountability';
      onChange(await api.post(to, { params: { path: { id: m.id } }, body: { note: v.note }, form }));
      setDialog(null);
      void message.success(dialog === 'urge' ? t('tk.urgeDone') : t('common.done'));
    });
  const markOverdue = () =>
    run(async () => {
      onChange(await api.post('/api/supervision/measures/{id}/overdue', { params: { path: { id: m.id } } }));
      void message.success(t('tk.markOverdueDone'));
    });
  return (
    <Space size={4}>
      {m.status !== 'done' && (
        <Button size="small" icon={<BellOutlined />} onClick={() => setDialog('urge')} data-testid={`tk-urge-${label}`}>
          {t('tk.urge')}
        </Button>
      )}
      {pastDeadline && (
        <Popconfirm
          title={t('tk.markOverdueConfirm', { date: m.deadline ?? '' })}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          onConfirm={() => markOverdue()}
        >
          <Button size="small" danger loading={saving} data-testid={`tk-mark-overdue-${label}`}>
            {t('tk.markOverdue')}
          </Button>
        </Popconfirm>
      )}
      <Button size="small" onClick={() => setDialog('accountability')} data-testid={`tk-accountability-${label}`}>
        {t('tk.accountabilityEdit')}
      </Button>
      <Modal
        open={dialog !== null}
        title={dialog === 'urge' ? t('tk.urgeTitle') : t('tk.accountabilityTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        confirmLoading={saving}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        okButtonProps={{ 'data-testid': 'tk-dialog-submit' } as ButtonProps}
        destroyOnHidden
      >
        {/* Mounted only while open, so one measure's dialog is on the page at a time. */}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ note: dialog === 'accountability' ? (m.accountability?.note ?? '') : '' }}
        >
          <Form.Item
            name="note"
            label={dialog === 'urge' ? t('tk.urgeNote') : t('tk.accountabilityNote')}
            extra={dialog === 'urge' ? t('tk.urgeHint') : undefined}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', {
                  field: dialog === 'urge' ? t('tk.urgeNote') : t('tk.accountabilityNote'),
                }),
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={dialog === 'urge' ? 1000 : 2000}
              showCount
              data-testid="tk-dialog-note"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function ReportForm({
  label,
  m,
  leads,
  onChange,
}: {
  label: string;
  m: MeasureDetail;
  leads: boolean;
  onChange: (m: MeasureDetail) => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ content: string; files?: UploadedFile[] }>();
  const [saving, run] = useSaving();
  if (m.status === 'done')
    return <Alert type="success" showIcon style={{ marginTop: 12 }} message={t('tk.doneNotice')} />;
  const send = (final: boolean) =>
    run(async () => {
      const v = await form.validateFields();
      const body = { content: v.content, fileIds: (v.files ?? []).map((f) => f.id) };
      onChange(
        await api.post(final ? '/api/supervision/measures/{id}/complete' : '/api/supervision/measures/{id}/reports', {
          params: { path: { id: m.id } },
          body,
          form,
        }),
      );
      form.resetFields();
      void message.success(final ? t('tk.completeDone') : t('tk.reportDone'));
    });
  return (
    <Card
      size="small"
      type="inner"
      title={t('tk.report')}
      style={{ marginTop: 16 }}
      data-testid={`tk-report-form-${label}`}
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="content"
          label={t('tk.reportContent')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('tk.reportContent') }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="tk-report-text" />
        </Form.Item>
        <Form.Item name="files" label={t('tk.reportFiles')}>
          <FileUploadField testId="tk-report-files" />
        </Form.Item>
        <Space>
          <Button type="primary" loading={saving} onClick={() => void send(false)} data-testid="tk-report-submit">
            {t('tk.report')}
          </Button>
          {leads && (
            <Popconfirm
              title={t('tk.completeConfirm')}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => send(true)}
            >
              <Button loading={saving} data-testid="tk-complete">
                {t('tk.complete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
        {!leads && (
          <div style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('tk.assistOnly')}</Typography.Text>
          </div>
        )}
      </Form>
    </Card>
  );
}
