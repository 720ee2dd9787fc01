import {
  App as AntApp,
  Alert,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../shared/client';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { ErrorResult, formatDateTime } from '../../shared/components/common';
import { useFetch, usePagedList } from '../../shared/components/hooks';
import { useSaving } from '../../shared/components/ListPage';
import { PageHeader } from '../../shared/components/PageHeader';
import { RegionTreeSelect } from '../../shared/components/RegionTreeSelect';
import { DepartmentSelect } from '../../shared/components/selects';
import { CITY_CODE } from '../../shared/types';
import {
  svRoles,
  useDepartmentNames,
  useRegionNames,
  type Warning,
  type WarningLevel,
  type WarningState,
} from './svApi';
import { LevelTag, WarningStateTag, WarningSubjectLink } from './parts';

const STATES: WarningState[] = ['open', 'explained', 'confirmed', 'revoked'];
const LEVELS: WarningLevel[] = ['yellow', 'red'];

/** 预警与红黄牌: the list in the caller's data scope, the unit's explanation and the supervisor's decision. */
export default function WarningsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const r = svRoles(user);
  const [params, setParams] = useSearchParams();
  const [state, setState] = useState<WarningState | undefined>(
    (params.get('state') as WarningState | null) ?? undefined,
  );
  const [level, setLevel] = useState<WarningLevel | undefined>(
    (params.get('level') as WarningLevel | null) ?? undefined,
  );
  const [region, setRegion] = useState<string | undefined>(params.get('region') ?? undefined);
  const [department, setDepartment] = useState<string | undefined>(params.get('department') ?? undefined);
  const caseId = params.get('caseId') ?? undefined;
  const [openId, setOpenId] = useState<string | null>(null);
  const [sweeping, runSweep] = useSaving();

  const list = usePagedList('/api/supervision/warnings', {
    state,
    level,
    regionCode: region,
    departmentCode: department,
    caseId,
  });
  const items = list.data?.items ?? [];
  const regionNames = useRegionNames(items.map((w) => w.regionCode));
  const deptNames = useDepartmentNames();

  const sweep = () =>
    runSweep(async () => {
      const res = await api.post('/api/supervision/sweep');
      void message.success(t('sv.sweepDone', res));
      list.reload();
    });

  const reset = () => {
    setState(undefined);
    setLevel(undefined);
    setRegion(undefined);
    setDepartment(undefined);
    if (caseId) setParams({});
  };

  const columns: ColumnsType<Warning> = [
    { title: t('sv.col.level'), dataIndex: 'level', width: 110, render: (l: WarningLevel) => <LevelTag level={l} /> },
    {
      title: t('sv.col.rule'),
      dataIndex: 'ruleName',
      width: 170,
      render: (n: string, w) => <span title={w.reason}>{n}</span>,
    },
    {
      title: t('sv.col.case'),
      dataIndex: 'caseNumber',
      width: 210,
      render: (n: string, w) => (
        <Space direction="vertical" size={0}>
          <WarningSubjectLink w={w} testId={`sv-case-link-${n}`} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {w.itemName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('common.region'), dataIndex: 'regionCode', width: 120, render: (c: string) => regionNames[c] ?? c },
    {
      title: t('common.department'),
      dataIndex: 'departmentCode',
      width: 180,
      // A ticket's card names the unit holding it (a region's government has no department code).
      render: (c: string, w) => (w.source === 'hotline' ? w.unitName : (deptNames[c] ?? c)),
    },
    { title: t('sv.col.raised'), dataIndex: 'raisedOn', width: 110 },
    {
      title: t('sv.col.state'),
      dataIndex: 'state',
      width: 90,
      render: (s: WarningState) => <WarningStateTag state={s} />,
    },
    {
      title: t('sv.col.explanation'),
      dataIndex: 'explanation',
      width: 240,
      ellipsis: true,
      render: (e: string | null, w) =>
        e ?? <Typography.Text type="secondary">{t('sv.explainDue', { date: w.explainDue })}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, w) => (
        <Button
          type="link"
          size="small"
          onClick={() => setOpenId(w.id)}
          data-testid={`sv-warning-open-${w.caseNumber}-${w.rule}`}
        >
          {t('sv.handle')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="sv-warnings">
      <PageHeader
        title={t('sv.warnings.title')}
        action={
          r.supervisor ? (
            <Popconfirm
              title={t('sv.sweepConfirm')}
              onConfirm={() => sweep()}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
            >
              <Button type="primary" icon={<ThunderboltOutlined />} loading={sweeping} data-testid="sv-sweep">
                {t('sv.sweep')}
              </Button>
            </Popconfirm>
          ) : undefined
        }
      />
      <div className="toolbar">
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('sv.col.state')}
          value={state}
          onChange={setState}
          options={STATES.map((s) => ({ value: s, label: t(`sv.wstate.${s}`) }))}
          data-testid="sv-filter-state"
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('sv.col.level')}
          value={level}
          onChange={setLevel}
          options={LEVELS.map((l) => ({ value: l, label: t(`sv.levelCard.${l}`) }))}
          data-testid="sv-filter-level"
        />
        <RegionTreeSelect
          value={region}
          onChange={setRegion}
          rootCode={user?.scope.regionCode ?? CITY_CODE}
          placeholder={t('sv.allRegions')}
          style={{ width: 200 }}
          testId="sv-filter-region"
        />
        <div style={{ width: 220 }} className="sv-fill">
          <DepartmentSelect
            valueField="code"
            regionCode={region ?? user?.scope.regionCode ?? CITY_CODE}
            value={department}
            onChange={(v: string | undefined) => setDepartment(v)}
            placeholder={t('sv.allDepartments')}
            testId="sv-filter-department"
          />
        </div>
        <Button onClick={reset} data-testid="sv-filter-reset">
          {t('common.reset')}
        </Button>
        {caseId && <Alert type="info" showIcon style={{ padding: '2px 8px' }} message={t('sv.filteredByCase')} />}
      </div>
      {list.error ? (
        <ErrorResult error={list.error} onRetry={list.reload} />
      ) : (
        <Table<Warning>
          rowKey="id"
          size="middle"
          data-testid="sv-warnings-table"
          dataSource={items}
          loading={list.loading}
          pagination={list.pagination}
          columns={columns}
          scroll={{ x: 1480 }}
          locale={{ emptyText: <Empty description={t('sv.noWarnings')} data-testid="sv-warnings-empty" /> }}
          onRow={(w) =>
            ({
              'data-testid': `sv-warning-${w.caseNumber}-${w.rule}`,
              'data-level': w.level,
              'data-state': w.state,
              onClick: () => setOpenId(w.id),
              style: { cursor: 'pointer' },
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      )}
      <WarningDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onChanged={() => list.reload()}
        deptNames={deptNames}
        regionNames={regionNames}
      />
    </div>
  );
}

function WarningDrawer({
  id,
  onClose,
  onChanged,
  deptNames,
  regionNames,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
  deptNames: Record<string, string>;
  regionNames: Record<string, string>;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = AntApp.useApp();
  const r = svRoles(user);
  const detail = useFetch<Warning>(
    id
      ? (signal) => api.get('/api/supervision/warnings/{id}', { params: { path: { id } }, signal, silent: true })
      : null,
    [id],
  );
  const [explainForm] = Form.useForm<{ text: string }>();
  const [comment, setComment] = useState('');
  const [saving, run] = useSaving();
  useEffect(() => {
    setComment('');
    explainForm.resetFields();
  }, [id, explainForm]);

  const w = id ? detail.data : undefined;
  const after = (next: Warning) => {
    detail.setData(next);
    onChanged();
    void message.success(t('common.done'));
  };
  const explain = (v: { text: string }) =>
    run(async () =>
      after(
        await api.post('/api/supervision/warnings/{id}/explain', {
          params: { path: { id: id ?? '' } },
          body: { text: v.text },
          form: explainForm,
        }),
      ),
    );
  const decide = (decision: 'confirm' | 'revoke') =>
    run(async () =>
      after(
        await api.post('/api/supervision/warnings/{id}/decide', {
          params: { path: { id: id ?? '' } },
          body: { decision, comment },
        }),
      ),
    );

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      title={t('sv.drawer.title')}
      destroyOnHidden
      data-testid="sv-warning-drawer"
    >
      {detail.error ? (
        <ErrorResult error={detail.error} onRetry={detail.reload} />
      ) : !w || detail.loading ? (
        <div style={{ padding: 24, textAlign: 'center' }}>{t('common.loading')}</div>
      ) : (
        <Space
          direction="vertical"
          size={16}
          style={{ width: '100%' }}
          data-testid="sv-warning-detail"
          data-state={w.state}
          data-level={w.level}
        >
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 110, whiteSpace: 'nowrap' } }}
            items={[
              { key: 'level', label: t('sv.col.level'), children: <LevelTag level={w.level} /> },
              { key: 'rule', label: t('sv.col.rule'), children: w.ruleName },
              { key: 'reason', label: t('sv.col.reason'), children: w.reason },
              {
                key: 'case',
                label: t('sv.col.case'),
                children: (
                  <WarningSubjectLink w={w}>
                    {w.caseNumber} · {w.itemName}
                  </WarningSubjectLink>
                ),
              },
              ...(w.source === 'hotline'
                ? [
                    { key: 'unit', label: t('sv.col.unit'), children: w.unitName },
                    {
                      key: 'ticketDue',
                      label: t('sv.col.ticketDue'),
                      children: w.dueAt ? formatDateTime(w.dueAt) : '—',
                    },
                  ]
                : []),
              { key: 'region', label: t('common.region'), children: regionNames[w.regionCode] ?? w.regionCode },
              ...(w.source === 'case'
                ? [
                    {
                      key: 'dept',
                      label: t('common.department'),
                      children: deptNames[w.departmentCode] ?? w.departmentCode,
                    },
                  ]
                : []),
              { key: 'raised', label: t('sv.col.raised'), children: w.raisedOn },
              { key: 'due', label: t('sv.col.explainDue'), children: w.explainDue },
              { key: 'state', label: t('sv.col.state'), children: <WarningStateTag state={w.state} /> },
              ...(w.explanation
                ? [
                    {
                      key: 'explanation',
                      label: t('sv.col.explanation'),
                      children: (
                        <div data-testid="sv-explanation">
                          <div style={{ whiteSpace: 'pre-wrap' }}>{w.explanation}</div>
                          <Typography.Text type="secondary">
                            {w.explainedBy} · {formatDateTime(w.explainedAt)}
                          </Typography.Text>
                        </div>
                      ),
                    },
                  ]
                : []),
              ...(w.decidedAt
                ? [
                    {
                      key: 'decision',
                      label: t('sv.col.decision'),
                      children: (
                        <div data-testid="sv-decision">
                          <WarningStateTag state={w.state} /> {w.decisionComment}
                          <div>
                            <Typography.Text type="secondary">
                              {w.decidedBy} · {formatDateTime(w.decidedAt)}
                            </Typography.Text>
                          </div>
                        </div>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {r.unit && w.state === 'open' && (
            <Form form={explainForm} layout="vertical" onFinish={explain} data-testid="sv-explain-form">
              <Form.Item
                name="text"
                label={t('sv.explain.label')}
                rules={[
                  { required: true, whitespace: true, message: t('common.required', { field: t('sv.explain.label') }) },
                  { min: 2, message: t('sv.explain.min') },
                ]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount data-testid="sv-explain-text" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="sv-explain-submit">
                {t('sv.explain.submit')}
              </Button>
            </Form>
          )}
          {r.supervisor && (w.state === 'open' || w.state === 'explained') && (
            <div data-testid="sv-decide">
              <Typography.Title level={5}>{t('sv.decide.title')}</Typography.Title>
              <Input.TextArea
                rows={3}
                maxLength={2000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                placeholder={t('sv.decide.comment')}
                data-testid="sv-decide-comment"
              />
              <Space style={{ marginTop: 8 }}>
                <Button
                  danger
                  type="primary"
                  loading={saving}
                  onClick={() => void decide('confirm')}
                  data-testid="sv-decide-confirm"
                >
                  {t('sv.decide.confirm')}
                </Button>
                <Button loading={saving} onClick={() => void decide('revoke')} data-testid="sv-decide-revoke">
                  {t('sv.decide.revoke')}
                </Button>
              </Space>
              <div>
                <Typography.Text type="secondary">{t('sv.decide.hint')}</Typography.Text>
              </div>
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}
