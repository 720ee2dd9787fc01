import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  type ButtonProps,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../shared/client';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { useRequiredRules, useSaving } from '../../shared/components/ListPage';
import { ErrorResult, formatDateTime, PageLoading } from '../../shared/components/common';
import { PLAN_COLOURS } from './PlansPage';
import type { PlanTarget, PlanView } from './types';

/**
 * One 双随机 plan: draw (recorded, irreversible, behind a confirmation), verify the draw from its seed,
 * record each target's result, publish (一公开, behind a confirmation).
 */
export default function PlanDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useI18n();
  const { message, modal } = AntApp.useApp();
  const [saving, run] = useSaving();
  const [recording, setRecording] = useState<PlanTarget | null>(null);
  const plan = useFetch<PlanView>(
    (signal) => api.get('/api/regulation/plans/{id}', { params: { path: { id: id ?? '' } }, signal }),
    [id],
  );
  if (plan.error) return <ErrorResult error={plan.error} onRetry={plan.reload} />;
  const p = plan.data;
  if (!p) return <PageLoading />;

  const act = (what: 'draw' | 'publish') =>
    run(async () => {
      plan.setData(
        await api.post(what === 'draw' ? '/api/regulation/plans/{id}/draw' : '/api/regulation/plans/{id}/publish', {
          params: { path: { id: p.id } },
          body: { version: p.version },
        }),
      );
      void message.success(t('common.done'));
    });
  const verify = () =>
    run(async () => {
      const v = await api.get('/api/regulation/plans/{id}/verify', { params: { path: { id: p.id } } });
      modal[v.reproducible ? 'success' : 'error']({
        title: t('reg.plan.verify'),
        content: (
          <span data-testid="reg-verify-result">
            {t(v.reproducible ? 'reg.plan.verifyOk' : 'reg.plan.verifyBad')}（{v.seed}）
          </span>
        ),
      });
    });

  return (
    <div data-testid="reg-plan-page" data-status={p.status}>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/regulation/plans">{t('reg.menu.plans')}</Link> }, { title: p.name }]}
      />
      <Card
        title={
          <Space>
            <span data-testid="reg-plan-title">{p.name}</span>
            <Tag color={PLAN_COLOURS[p.status]} data-testid="reg-plan-status">
              {p.statusLabel}
            </Tag>
          </Space>
        }
        extra={
          <Space>
            {p.status === 'draft' && (
              <Popconfirm
                title={t('reg.plan.drawConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => act('draw')}
                okButtonProps={{ 'data-testid': 'reg-draw-confirm' } as ButtonProps}
              >
                <Button type="primary" loading={saving} data-testid="reg-draw">
                  {t('reg.plan.draw')}
                </Button>
              </Popconfirm>
            )}
            {p.status !== 'draft' && (
              <Button onClick={verify} loading={saving} data-testid="reg-verify">
                {t('reg.plan.verify')}
              </Button>
            )}
            {p.status === 'drawn' && (
              <Popconfirm
                title={t('reg.plan.publishConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => act('publish')}
                okButtonProps={{ 'data-testid': 'reg-publish-confirm' } as ButtonProps}
              >
                <Button
                  type="primary"
                  loading={saving}
                  disabled={p.targets.some((x) => !x.result)}
                  data-testid="reg-publish"
                >
                  {t('reg.plan.publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          data-testid="reg-plan-facts"
          items={[
            { key: 'dept', label: t('reg.plans.department'), children: p.departmentName },
            { key: 'region', label: t('reg.plans.region'), children: p.targetRegionCode },
            { key: 'count', label: t('reg.plans.count'), children: p.targetCount },
            { key: 'per', label: t('reg.plans.perTarget'), children: p.inspectorsPerTarget },
            {
              key: 'seed',
              label: t('reg.plan.seed'),
              children: <code data-testid="reg-plan-seed">{p.seed ?? '—'}</code>,
            },
            {
              key: 'drawn',
              label: t('reg.plan.drawnAt'),
              children: p.drawnAt ? `${formatDateTime(p.drawnAt)}（${p.drawnByName ?? ''}）` : '—',
            },
            { key: 'published', label: t('reg.plan.publishedAt'), children: formatDateTime(p.publishedAt) || '—' },
          ]}
        />
      </Card>
      <Card title={t('reg.plan.targets')} style={{ marginTop: 16 }}>
        {p.status === 'draft' ? (
          <Alert type="info" showIcon title={t('reg.plan.notDrawn')} data-testid="reg-plan-not-drawn" />
        ) : (
          <Table<PlanTarget>
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={p.targets}
            data-testid="reg-targets"
            scroll={{ x: 'max-content' }}
            onRow={(r) => ({ 'data-testid': `reg-target-${r.seq}`, 'data-result': r.result ?? '' }) as object}
            locale={{ emptyText: <Empty /> }}
            columns={[
              { title: '#', dataIndex: 'seq', key: 'seq', width: 48 },
              {
                title: t('reg.entity'),
                key: 'entity',
                render: (_, r) => `${r.entityName}${r.creditCode ? `（${r.creditCode}）` : ''}`,
              },
              { title: t('reg.item'), dataIndex: 'itemName', key: 'item' },
              { title: t('common.region'), dataIndex: 'regionCode', key: 'region' },
              {
                title: t('reg.plan.inspectors'),
                key: 'inspectors',
                render: (_, r) => r.inspectors.map((i) => `${i.name}（${i.certificateNumber}）`).join('、'),
              },
              {
                title: t('reg.result'),
                key: 'result',
                render: (_, r) =>
                  r.result ? (
                    <span>
                      <Tag color={r.result === 'qualified' ? 'green' : 'red'}>{r.resultLabel}</Tag>
                      {r.resultOn} {r.resultText}
                    </span>
                  ) : (
                    <Tag>{t('reg.plan.pending')}</Tag>
                  ),
              },
              ...(p.status === 'drawn'
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      render: (_: unknown, r: PlanTarget) => (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => setRecording(r)}
                          data-testid={`reg-record-${r.seq}`}
                        >
                          {t('reg.plan.record')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Card>
      {recording && (
        <TargetResultModal
          planId={p.id}
          target={recording}
          onClose={() => setRecording(null)}
          onDone={() => {
            setRecording(null);
            plan.reload();
          }}
        />
      )}
    </div>
  );
}

// Required fields are typed as present: validateFields resolves only once the form's rules hold.
interface TargetValues {
  result: 'qualified' | 'problem';
  text?: string;
  resultOn: Dayjs;
}

function TargetResultModal({
  planId,
  target,
  onClose,
  onDone,
}: {
  planId: string;
  target: PlanTarget;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const rules = useRequiredRules();
  const [form] = Form.useForm<TargetValues>();
  const [saving, run] = useSaving();
  const result = Form.useWatch('result', form);
  const save = async () => {
    let v: TargetValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await run(async () => {
      await api.post('/api/regulation/plans/{id}/targets/{targetId}/result', {
        params: { path: { id: planId, targetId: target.id } },
        body: { result: v.result, text: v.text ?? '', resultOn: v.resultOn.format('YYYY-MM-DD') },
        form,
      });
      void message.success(t('common.done'));
      onDone();
    });
  };
  return (
    <Modal
      open
      title={`${t('reg.plan.recordTitle')} · ${target.entityName}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, 'data-testid': 'reg-target-save' } as ButtonProps}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<TargetValues>
        form={form}
        layout="vertical"
        initialValues={{
          result: target.result ?? 'qualified',
          text: target.resultText ?? '',
          resultOn: target.resultOn ? dayjs(target.resultOn) : dayjs(),
        }}
        data-testid="reg-target-form"
      >
        <Form.Item name="result" label={t('reg.result')} rules={[rules.selectRequired(t('reg.result'))]}>
          <Radio.Group data-testid="reg-target-result">
            <Radio value="qualified" data-testid="reg-target-qualified">
              {t('reg.plan.inspection.qualified')}
            </Radio>
            <Radio value="problem" data-testid="reg-target-problem">
              {t('reg.plan.inspection.problem')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="text"
          label={t('reg.plan.inspectionText')}
          rules={result === 'problem' ? [rules.required(t('reg.plan.inspectionText')), { max: 1000 }] : [{ max: 1000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="reg-target-text" />
        </Form.Item>
        <Form.Item
          name="resultOn"
          label={t('reg.plan.inspectionOn')}
          rules={[rules.selectRequired(t('reg.plan.inspectionOn'))]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
            data-testid="reg-target-on"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
