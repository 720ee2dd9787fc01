import { App, Breadcrumb, Button, Card, Col, Descriptions, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../shared/i18n';
import { CaseFallback, useCaseWithItem } from '../../shared/components/CaseLoad';
import { formatDateTime } from '../../shared/components/common';
import { CaseDocsAndHistory, DeadlineTag, maskId, maskPhone, StatusTag } from '../../shared/components/CaseBits';
import { CaseActions } from '../../shared/components/CaseActions';
import { GreenChannelTag, LinkageSteps, PickupText, PromisesTable } from '../../shared/components/LinkageBits';
import { useAuth } from '../../shared/auth';
import { RatingDeviceButton } from './RatingDeviceButton';
import { BundleSiblings } from './BundleSiblings';
import { checklistCorrections, MaterialsReview, useChecklist } from '../../shared/components/MaterialsReview';
import type { CaseView, ItemDetail } from '../../shared/cases';

/** Actions during which the clerk checks each material (pre-review, acceptance, one-time notice). */
const CHECK_ACTIONS = ['prereview-pass', 'request-correction', 'accept', 'refuse'];

/** Header: number, item, applicant (ID masked until revealed), status, deadline. */
function CaseHeader({
  c,
  onReload,
  reveal,
  setReveal,
}: {
  c: CaseView;
  onReload: () => void;
  reveal: boolean;
  setReveal: (v: boolean) => void;
}) {
  const { t, label } = useI18n();
  const a = c.applicant;
  const code = a.idNumber ?? a.creditCode;
  return (
    <Card className="guide-section" data-testid="wb-case-header">
      <div className="page-title">
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="wb-case-title">
          {c.itemName}
        </Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={onReload} data-testid="wb-case-reload">
          {t('common.refresh')}
        </Button>
      </div>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        <Typography.Text copyable={{ text: c.number }} className="case-number" data-testid="wb-case-number">
          {c.number}
        </Typography.Text>
        {c.trackingCode && (
          <Typography.Text copyable={{ text: c.trackingCode }} data-testid="wb-tracking-code">
            {t('case.trackingCode')} <span className="case-number">{c.trackingCode}</span>
          </Typography.Text>
        )}
        <StatusTag status={c.status} label={c.statusLabel} />
        <DeadlineTag
          colour={c.deadlineColour}
          state={c.deadlineState}
          remaining={c.remainingWorkingDays}
          provisional={c.deadlines.provisional}
          stateLabel={c.deadlineStateLabel}
        />
        {c.handlingType && <Tag>{label('handling', c.handlingType)}</Tag>}
        {c.channelLabel && <Tag>{c.channelLabel}</Tag>}
        {c.greenChannel && <GreenChannelTag />}
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'applicant',
            label: t('case.applicant'),
            children: (
              <span data-testid="wb-applicant">
                {a.name}（{label('userKind', a.kind)}）
              </span>
            ),
          },
          {
            key: 'id',
            label: a.kind === 'company' ? t('auth.creditCode') : t('auth.idNumber'),
            children: code ? (
              <Space size={4}>
                <span data-testid="wb-applicant-id">{reveal ? code : maskId(code)}</span>
                <Tooltip title={reveal ? t('case.hide') : t('case.reveal')}>
                  <Button
                    size="small"
                    type="text"
                    icon={reveal ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                    onClick={() => setReveal(!reveal)}
                    data-testid="wb-reveal-id"
                  />
                </Tooltip>
              </Space>
            ) : (
              '—'
            ),
          },
          { key: 'phone', label: t('auth.phone'), children: a.phone ? (reveal ? a.phone : maskPhone(a.phone)) : '—' },
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
              ? `${c.deadlines.promised}${c.deadlines.provisional ? ` (${t('case.provisional')})` : ''}`
              : '—',
          },
          { key: 'statutory', label: t('case.statutoryDeadline'), children: c.deadlines.statutory ?? '—' },
          ...(c.currentRegion
            ? [
                {
                  key: 'acceptingHall',
                  label: t('lk.acceptingHall'),
                  children: <span data-testid="wb-accepting-hall">{c.acceptingHall?.name ?? '—'}</span>,
                },
                {
                  key: 'holder',
                  label: t('lk.currentHolder'),
                  children: (
                    <span
                      data-testid="wb-current-holder"
                      data-level={c.currentLevel}
                      data-region={c.currentRegion.code}
                    >
                      {c.currentLevelLabel ?? c.currentRegion.levelLabel} ·{' '}
                      {c.currentRegion.name ?? c.currentRegion.code}
                      {c.currentHall ? ` · ${c.currentHall.name}` : ''}
                    </span>
                  ),
                },
                { key: 'pickup', label: t('lk.pickup'), children: <PickupText pickup={c.pickup} /> },
              ]
            : []),
          ...(c.deadlines.suspendedWorkdays
            ? [
                {
                  key: 'susp',
                  label: t('case.suspendedDays'),
                  children: t('common.workdays', { n: c.deadlines.suspendedWorkdays }),
                },
              ]
            : []),
          ...(c.currentStep
            ? [
                {
                  key: 'step',
                  label: t('case.currentStep'),
                  children: (
                    <span>
                      {c.currentStep.label}
                      {c.currentStep.deadline && ` · ${t('case.stepDeadline', { date: c.currentStep.deadline })}`}
                      {c.currentStep.overdue && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          {t('case.stepOverdue')}
                        </Tag>
                      )}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/** The application form's values with the item's labels; ID numbers and phones masked until revealed. */
function FormValues({ c, item, reveal }: { c: CaseView; item?: ItemDetail; reveal: boolean }) {
  const { t } = useI18n();
  const fields = item?.formFields ?? [];
  const keys = [...new Set([...fields.map((f) => f.key).filter((k) => k in c.form), ...Object.keys(c.form)])];
  if (!keys.length) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="case-form"
      items={keys.map((k) => {
        const f = fields.find((x) => x.key === k);
        const v = String(c.form[k] ?? '');
        const masked = reveal
          ? v
          : f?.type === 'idNumber' || f?.type === 'creditCode'
            ? maskId(v)
            : f?.type === 'phone'
              ? maskPhone(v)
              : v;
        return { key: k, label: f?.label ?? k, children: masked };
      })}
    />
  );
}

/** 办件办理 `/workbench/cases/:id`: header, allowed actions, materials with checklist, form, documents, history. */
export default function CaseWorkPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { message } = App.useApp();
  const { kase, item } = useCaseWithItem(id);
  const { data: c, reload, setData } = kase;
  const checking = !!c && !c.readOnly && c.availableActions.some((a) => CHECK_ACTIONS.includes(a.action));
  const [list, setCheck, reloadChecks] = useChecklist(c?.id, checking, (m) => void message.warning(m));
  const [reveal, setReveal] = useState(false);

  if (!c || kase.error) return <CaseFallback kase={kase} rows={12} />;

  const onChanged = (v: CaseView) => {
    // a step that closes the check records the checklist and empties it
    if (v.status !== c.status) reloadChecks();
    setData(v);
  };

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/workbench">{t('wb.inbox')}</Link> }, { title: c.number }]}
      />
      <CaseHeader c={c} onReload={reload} reveal={reveal} setReveal={setReveal} />
      <BundleSiblings caseId={c.id} status={c.status} />
      {(c.linkage?.length ?? 0) > 1 && (
        <Card title={t('lk.linkage')} className="guide-section" size="small">
          <LinkageSteps c={c} />
        </Card>
      )}
      <Card
        title={t('case.actions')}
        className="guide-section"
        size="small"
        extra={
          hasRole('clerk') && c.channel === 'window' && c.status !== 'draft' ? <RatingDeviceButton c={c} /> : undefined
        }
      >
        <CaseActions
          c={c}
          item={item.data}
          suggestedCorrections={checklistCorrections(c, list)}
          onChanged={onChanged}
          onStale={reload}
        />
      </Card>
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={14}>
          <Card title={t('case.materials')} className="guide-section" size="small">
            <MaterialsReview c={c} checking={checking} list={list} onCheck={setCheck} />
          </Card>
          {(c.promises?.length ?? 0) > 0 && (
            <Card
              title={t('lk.promises')}
              className="guide-section"
              size="small"
              data-testid="case-promises"
              data-overdue={!!c.promiseOverdue}
            >
              <PromisesTable promises={c.promises ?? []} />
            </Card>
          )}
          <Card title={t('case.form')} className="guide-section" size="small">
            <FormValues c={c} item={item.data} reveal={reveal} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <CaseDocsAndHistory c={c} item={item.data} printable />
        </Col>
      </Row>
    </div>
  );
}
