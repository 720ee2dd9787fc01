import { App as AntApp, Breadcrumb, Button, Card, Col, Descriptions, Grid, List, Popconfirm, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useFetch } from '../../shared/components/hooks';
import { ErrorResult, formatDateTime } from '../../shared/components/common';
import { CaseDocuments, CaseHistory, fieldLabelsOf, materialNamesOf, DeadlineTag, StatusTag } from '../../shared/components/CaseBits';
import { CorrectionPanel } from '../../shared/components/CorrectionPanel';
import { FileLine } from '../../shared/components/FileUpload';
import { caseFileUrl, type CaseView, type ItemDetail } from '../../shared/cases';

/** Where the case is on the applicant's five-stage path, and whether it stopped there. */
function stageOf(status: string): { current: number; error: boolean } {
  switch (status) {
    case 'draft':
      return { current: 0, error: false };
    case 'submitted':
    case 'prereviewed':
    case 'correction_requested':
      return { current: 1, error: false };
    case 'refused':
      return { current: 1, error: true };
    case 'granted':
    case 'certificate_issued':
      return { current: 3, error: false };
    case 'denied':
      return { current: 2, error: true };
    case 'completed':
      return { current: 4, error: false };
    case 'withdrawn':
      return { current: 1, error: true };
    default:
      return { current: 2, error: false };
  }
}

/** 办件详情 `/my/cases/:id`: progress, deadlines, documents, the correction panel, withdrawal. */
export default function MyCaseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { data: c, loading, error, reload, setData } = useFetch<CaseView>((signal) => api.get(`/api/cases/${id}`, { signal, silent: true }), [id]);
  const [busy, setBusy] = useState(false);
  const itemCode = c?.itemCode;
  const item = useFetch<ItemDetail>(itemCode ? (signal) => api.get(`/api/items/${encodeURIComponent(itemCode)}`, { signal, silent: true }) : null, [itemCode]);

  if (loading && !c)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (error) return <ErrorResult error={error} onRetry={error.status === 404 ? undefined : reload} />;
  if (!c) return null;

  const can = (a: string) => c.availableActions.some((x) => x.action === a);
  const withdraw = async () => {
    setBusy(true);
    try {
      setData(await api.post<CaseView>(`/api/cases/${c.id}/actions`, { action: 'withdraw', version: c.version }, { silent: true }));
      void message.success(t('case.withdrawn'));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.status === 409) {
        void message.warning(t('case.stale'));
        reload();
      } else void message.error(err.problem.detail);
    } finally {
      setBusy(false);
    }
  };

  const stage = stageOf(c.status);
  const stepTitles = [t('case.stage.apply'), t('case.stage.accept'), t('case.stage.review'), t('case.stage.certificate'), t('case.stage.done')];

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/my">{t('nav.my')}</Link> }, { title: <Link to="/my/cases">{t('my.cases')}</Link> }, { title: c.number }]}
      />
      <Card className="guide-section">
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="case-title">
          {c.itemName}
        </Typography.Title>
        <Space wrap size={[8, 8]}>
          <StatusTag status={c.status} label={c.statusLabel} />
          <Typography.Text copyable={{ text: c.number }} data-testid="case-number" className="case-number">
            {c.number}
          </Typography.Text>
          {c.channelLabel && <Tag>{c.channelLabel}</Tag>}
        </Space>
        <Steps
          className="case-steps"
          size="small"
          orientation={screens.md ? 'horizontal' : 'vertical'}
          current={stage.current}
          status={stage.error ? 'error' : stage.current === 4 ? 'finish' : 'process'}
          items={stepTitles.map((title, i) => ({ title: i === stage.current && stage.error ? c.statusLabel : title }))}
          data-testid="case-steps"
        />
        {(c.status === 'draft' || can('withdraw')) && (
        <Space wrap>
          {c.status === 'draft' && (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/items/${encodeURIComponent(c.itemCode)}/apply?draft=${c.id}`)} data-testid="case-continue">
              {t('my.continueDraft')}
            </Button>
          )}
          {can('withdraw') && (
            <Popconfirm title={t('case.withdrawConfirm')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => withdraw()}>
              <Button danger icon={<RollbackOutlined />} loading={busy} data-testid="case-withdraw">
                {t('case.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
        )}
      </Card>

      {c.status === 'correction_requested' && can('resubmit') && <CorrectionPanel key={c.version} c={c} onDone={setData} onStale={reload} />}

      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14}>
          <Card title={t('case.deadlines')} className="guide-section" size="small" data-testid="case-deadlines">
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'submitted', label: t('case.submittedAt'), children: c.submittedAt ? formatDateTime(c.submittedAt) : '—' },
                { key: 'accepted', label: t('case.acceptedOn'), children: c.deadlines.acceptedOn ?? '—' },
                {
                  key: 'promised',
                  label: t('case.promisedDeadline'),
                  children: c.deadlines.promised
                    ? `${c.deadlines.promised}${c.deadlines.promisedDays ? `（${t('common.workdays', { n: c.deadlines.promisedDays })}）` : ''}`
                    : c.deadlines.promisedDays
                      ? t('case.afterAcceptance', { n: c.deadlines.promisedDays })
                      : '—',
                },
                { key: 'statutory', label: t('case.statutoryDeadline'), children: c.deadlines.statutory ?? '—' },
                {
                  key: 'remaining',
                  label: t('case.remaining'),
                  children: (
                    <DeadlineTag
                      colour={c.deadlineColour}
                      state={c.deadlineState}
                      remaining={c.remainingWorkingDays}
                      provisional={c.deadlines.provisional}
                      stateLabel={c.deadlineStateLabel}
                    />
                  ),
                },
                ...(c.deadlines.finishedOn ? [{ key: 'finished', label: t('case.finishedOn'), children: c.deadlines.finishedOn }] : []),
              ]}
            />
          </Card>
          <Card title={t('case.materials')} className="guide-section" size="small" data-testid="case-materials">
            <List
              size="small"
              dataSource={c.materials}
              rowKey="materialId"
              renderItem={(m) => (
                <List.Item data-testid={`case-material-${m.materialId}`}>
                  <div style={{ minWidth: 0, width: '100%' }}>
                    <Space wrap size={[6, 4]}>
                      <Typography.Text strong>{m.name}</Typography.Text>
                      <Tag color={m.status === 'rejected' ? 'orange' : m.status === 'missing' ? undefined : 'green'}>{m.statusLabel}</Tag>
                    </Space>
                    {m.note && <div className="material-notes">{m.note}</div>}
                    {m.files.map((f) => (
                      <div key={f.id}>
                        <FileLine file={f} href={caseFileUrl(c.id, f.id)} />
                      </div>
                    ))}
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('case.documents')} className="guide-section" size="small">
            <CaseDocuments caseId={c.id} documents={c.documents} />
          </Card>
          <Card title={t('case.history')} className="guide-section" size="small">
            <CaseHistory history={c.history} materialNames={materialNamesOf(c)} fieldLabels={fieldLabelsOf(item.data)} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
