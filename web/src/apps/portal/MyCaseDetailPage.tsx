import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Descriptions,
  Grid,
  List,
  Popconfirm,
  Row,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { CaseFallback, useCaseWithItem } from '../../shared/components/CaseLoad';
import { formatDateTime } from '../../shared/components/common';
import { CaseDocsAndHistory, DeadlineTag, StatusTag } from '../../shared/components/CaseBits';
import { CorrectionPanel } from '../../shared/components/CorrectionPanel';
import { useCaseAction } from '../../shared/components/caseAction';
import { FileLine } from '../../shared/components/FileUpload';
import { caseFileUrl } from '../../shared/cases';
import { GreenChannelTag, PickupText, PromisesTable } from '../../shared/components/LinkageBits';
import { CaseRatingCard } from './CaseRatingCard';
import { SupplyMaterialButton } from './SupplyMaterialButton';
import { CaseBundleAlert } from './CaseBundleAlert';

addMessages(portalAreaZh);

/** Statuses after which the applicant may rate the service online 一事一评. */
const RATABLE = ['completed', 'refused', 'denied'];

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
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { kase, item } = useCaseWithItem(id);
  const { data: c, reload, setData } = kase;
  const { busy, post } = useCaseAction();

  if (!c || kase.error) return <CaseFallback kase={kase} rows={10} />;

  const can = (a: string) => c.availableActions.some((x) => x.action === a);
  const withdraw = () =>
    post(
      c,
      { action: 'withdraw', version: c.version },
      { success: t('case.withdrawn'), onDone: setData, onStale: reload },
    );

  const stage = stageOf(c.status);
  const stepTitles = [
    t('case.stage.apply'),
    t('case.stage.accept'),
    t('case.stage.review'),
    t('case.stage.certificate'),
    t('case.stage.done'),
  ];

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/my">{t('nav.my')}</Link> },
          { title: <Link to="/my/cases">{t('my.cases')}</Link> },
          { title: c.number },
        ]}
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
          {c.trackingCode && (
            <Typography.Text copyable={{ text: c.trackingCode }} data-testid="case-tracking-code">
              {t('case.trackingCode')} <span className="case-number">{c.trackingCode}</span>
            </Typography.Text>
          )}
          {c.channelLabel && <Tag>{c.channelLabel}</Tag>}
          {c.greenChannel && <GreenChannelTag />}
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
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => navigate(`/items/${encodeURIComponent(c.itemCode)}/apply?draft=${c.id}`)}
                data-testid="case-continue"
              >
                {t('my.continueDraft')}
              </Button>
            )}
            {can('withdraw') && (
              <Popconfirm
                title={t('case.withdrawConfirm')}
                okText={t('common.ok')}
                cancelText={t('common.cancel')}
                onConfirm={() => withdraw()}
              >
                <Button danger icon={<RollbackOutlined />} loading={busy} data-testid="case-withdraw">
                  {t('case.withdraw')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )}
      </Card>

      <CaseBundleAlert caseId={c.id} />
      {c.status === 'correction_requested' && can('resubmit') && (
        <CorrectionPanel key={c.version} c={c} onDone={setData} onStale={reload} />
      )}
      {RATABLE.includes(c.status) && <CaseRatingCard caseId={c.id} />}
      {(c.promises?.length ?? 0) > 0 && (
        <Card
          title={t('lk.promises')}
          className="guide-section"
          size="small"
          data-testid="case-promises"
          data-overdue={!!c.promiseOverdue}
        >
          <PromisesTable
            promises={c.promises ?? []}
            action={
              can('supply-material')
                ? (p) => <SupplyMaterialButton c={c} p={p} onDone={setData} onStale={reload} />
                : undefined
            }
          />
        </Card>
      )}

      <Row gutter={[16, 0]}>
        <Col xs={24} lg={14}>
          <Card title={t('case.deadlines')} className="guide-section" size="small" data-testid="case-deadlines">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'submitted',
                  label: t('case.submittedAt'),
                  children: c.submittedAt ? formatDateTime(c.submittedAt) : '—',
                },
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
                ...(c.deadlines.finishedOn
                  ? [{ key: 'finished', label: t('case.finishedOn'), children: c.deadlines.finishedOn }]
                  : []),
                ...(c.acceptingHall
                  ? [{ key: 'hall', label: t('lk.acceptingHall'), children: c.acceptingHall.name }]
                  : []),
                ...(c.pickup
                  ? [{ key: 'pickup', label: t('lk.pickup'), children: <PickupText pickup={c.pickup} /> }]
                  : []),
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
                      <Tag color={m.status === 'rejected' ? 'orange' : m.status === 'missing' ? undefined : 'green'}>
                        {m.statusLabel}
                      </Tag>
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
          <CaseDocsAndHistory c={c} item={item.data} />
        </Col>
      </Row>
    </div>
  );
}
