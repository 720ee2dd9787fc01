import { Alert, Breadcrumb, Button, Card, Col, Empty, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { PrinterOutlined, PhoneOutlined, EnvironmentOutlined, FormOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, apiUrl } from '../../shared/client';
import { addMessages, useI18n } from '../../shared/i18n';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { useFetch } from '../../shared/components/hooks';
import { Later } from '../../shared/components/Later';
import { ErrorResult } from '../../shared/components/common';
import { useAuth } from '../../shared/auth';
import type { ItemGuide, Material } from '../../shared/types';
import { guideServices, validityOf, type OfflinePlace } from '../../shared/guide';

addMessages(portalAreaZh);

/** 在线申请: applicants and agents go to the form; signed-out visitors sign in first and come back. */
function ApplyButton({ code }: { code: string }) {
  const { t } = useI18n();
  const { user, hasRole } = useAuth();
  const navigate = useNavigate();
  if (user && user.kind === 'staff' && !hasRole('agent')) return null;
  const target = `/items/${encodeURIComponent(code)}/apply`;
  return (
    <Button
      type="primary"
      size="large"
      icon={<FormOutlined />}
      className="apply-start"
      data-testid="apply-start"
      onClick={() => navigate(user ? target : `/login?next=${encodeURIComponent(target)}`)}
    >
      {t('apply.start')}
    </Button>
  );
}

/**
 * A section of the guide: plain elements styled like antd's small card (styles.css `.plain-card`); a guide has a
 * dozen of them and antd's cards were a large part of its first render on a phone.
 */
function Section({ id, title, children }: { id: string; title: ReactNode; children: ReactNode }) {
  return (
    <section id={id} className="plain-card guide-section" data-testid={`guide-${id}`} aria-labelledby={`${id}-title`}>
      <div className="plain-card-head">
        <h2 id={`${id}-title`} className="plain-card-title">
          {title}
        </h2>
      </div>
      <div className="plain-card-body">{children}</div>
    </section>
  );
}

interface Fact {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/** Label / value facts as a bordered table (styles.css `.fact-table`; stacked on a phone). */
function Facts({ items }: { items: Fact[] }) {
  return (
    <table className="fact-table">
      <tbody>
        {items.map((f) => (
          <tr key={f.key}>
            <th scope="row">{f.label}</th>
            <td>{f.children}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A small side card of label / value facts, or an empty mark when the guide has none. */
function SideFacts({ id, title, items }: { id: string; title: ReactNode; items: Fact[] | undefined | null }) {
  return (
    <Section id={id} title={title}>
      {items ? <Facts items={items} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Section>
  );
}

/** Where to book or pay in person, while the platform cannot do it online. */
function OfflineNote({ title, where, testId }: { title: string; where: OfflinePlace; testId: string }) {
  const { t } = useI18n();
  return (
    <div className="guide-offline" data-testid={testId}>
      <div>{title}</div>
      {where.place && <div>{t('guide.offlinePlace', { place: where.place })}</div>}
      {where.hours && <div>{t('guide.offlineHours', { hours: where.hours })}</div>}
      {where.phone && <div>{t('guide.offlinePhone', { phone: where.phone })}</div>}
    </div>
  );
}

/**
 * 申请材料 as one card per material, so that every fact (必需, form, copies, source, notes) is visible on any
 * screen without a sideways scroll.
 */
function MaterialList({ materials }: { materials: Material[] }) {
  const { t, label } = useI18n();
  if (!materials.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <ol className="guide-materials" data-testid="guide-materials-list">
      {materials.map((m, i) => (
        <li key={m.id} className="guide-material" data-testid={`guide-material-${i + 1}`}>
          <div className="guide-material-head">
            <span className="guide-material-no">{i + 1}.</span>
            <span className="guide-material-name">{m.name}</span>
            <span>
              {m.required ? <Tag color="red">{t('guide.requiredYes')}</Tag> : <Tag>{t('guide.requiredNo')}</Tag>}
              {m.toleranceAllowed && <Tag color="gold">{t('guide.toleranceYes')}</Tag>}
            </span>
          </div>
          <dl className="guide-material-facts">
            <div>
              <dt>{t('guide.form')}</dt>
              <dd>{label('materialForm', m.form)}</dd>
            </div>
            <div>
              <dt>{t('guide.copies')}</dt>
              <dd>{m.copies}</dd>
            </div>
            <div>
              <dt>{t('guide.source')}</dt>
              <dd>
                {m.source === 'elicence' ? (
                  <Tag color="blue">{label('materialSource', m.source)}</Tag>
                ) : (
                  label('materialSource', m.source)
                )}
              </dd>
            </div>
          </dl>
          {m.notes && <p className="guide-material-notes">{m.notes}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The published guide of one item, laid out for reading and printing. */
export default function ItemGuidePage() {
  const { code = '' } = useParams();
  const { t, label } = useI18n();
  const {
    data: g,
    loading,
    error,
    reload,
  } = useFetch<ItemGuide>(
    (signal) => api.get('/api/items/{code}', { params: { path: { code } }, signal, silent: true }),
    [code],
  );

  if (loading)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  if (error) return <ErrorResult error={error} onRetry={error.status === 404 ? undefined : reload} />;
  if (!g) return <Empty description={t('guide.notFound')} />;

  const limit = (l: { days: number; note?: string } | undefined) =>
    l ? `${t('common.workdays', { n: l.days })}${l.note ? ` · ${l.note}` : ''}` : t('common.notSet');

  const services = guideServices(g);
  const validity = validityOf(g.result);

  return (
    <div>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/">{t('nav.home')}</Link> }, { title: g.name }]}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={18}>
          <div className="plain-card guide-section">
            <div className="plain-card-body">
              <h1 className="guide-title" data-testid="item-title">
                {g.name}
              </h1>
              <Space wrap>
                <Tag color="red">{g.typeLabel || label('itemType', g.type)}</Tag>
                <Tag>{label('handling', g.handlingType)}</Tag>
                {g.visits === 0 && <Tag color="green">{t('portal.zeroVisit')}</Tag>}
                {g.version !== undefined && (
                  <Typography.Text type="secondary">
                    {t('guide.version')} {String(g.version)}
                  </Typography.Text>
                )}
              </Space>
              <div style={{ marginTop: 12 }}>
                <ApplyButton code={code} />
              </div>
            </div>
          </div>

          <Section id="basic" title={t('guide.basicInfo')}>
            <Facts
              items={[
                { key: 'code', label: t('guide.itemCode'), children: code },
                { key: 'type', label: t('guide.itemType'), children: g.typeLabel || label('itemType', g.type) },
                { key: 'dept', label: t('guide.department'), children: g.implementingBody?.name ?? g.departmentName },
                ...(g.implementingBody?.nature
                  ? [{ key: 'nature', label: t('guide.bodyNature'), children: g.implementingBody.nature }]
                  : []),
                ...(g.serviceObjects?.length
                  ? [{ key: 'objects', label: t('guide.serviceObjects'), children: g.serviceObjects.join('、') }]
                  : []),
                { key: 'decide', label: t('guide.decideLevel'), children: label('level', g.decideLevel) },
                {
                  key: 'accept',
                  label: t('guide.acceptLevels'),
                  children: (g.acceptLevels ?? []).map((l) => label('level', l)).join('、'),
                },
                { key: 'handling', label: t('guide.handlingType'), children: label('handling', g.handlingType) },
                { key: 'statutory', label: t('guide.statutoryLimit'), children: limit(g.statutoryLimit) },
                { key: 'promised', label: t('guide.promisedLimit'), children: <b>{limit(g.promisedLimit)}</b> },
                { key: 'visits', label: t('guide.visits'), children: t('guide.visitsN', { n: g.visits }) },
                {
                  key: 'depth',
                  label: t('guide.onlineDepth'),
                  children: label('onlineDepth', String(g.onlineDepth ?? '')),
                },
                {
                  key: 'result',
                  label: t('guide.result'),
                  children: g.result ? `${g.result.name} · ${label('resultType', g.result.type)}` : '',
                },
                ...(validity !== null
                  ? [
                      {
                        key: 'validity',
                        label: t('guide.validity'),
                        children: (
                          <span data-testid="guide-validity">
                            {validity === 'long' ? t('guide.longTerm') : t('guide.validYearsN', { n: validity })}
                          </span>
                        ),
                      },
                    ]
                  : []),
                {
                  key: 'services',
                  label: t('guide.services'),
                  children: (
                    <>
                      {services.tags.length > 0 && (
                        <Space size={[4, 4]} wrap data-testid="guide-service-tags">
                          {services.tags.map((k) => (
                            <Tag key={k} color="green">
                              {t(`guide.${k}`)}
                            </Tag>
                          ))}
                        </Space>
                      )}
                      {services.bookOffline && (
                        <OfflineNote
                          title={t('guide.bookOffline')}
                          where={services.bookOffline}
                          testId="guide-book-offline"
                        />
                      )}
                      {services.payOffline && (
                        <OfflineNote
                          title={t('guide.payOffline')}
                          where={services.payOffline}
                          testId="guide-pay-offline"
                        />
                      )}
                      {!services.tags.length && !services.bookOffline && !services.payOffline && t('common.none')}
                    </>
                  ),
                },
              ]}
            />
          </Section>

          <Later>
            <Section id="basis" title={t('guide.legalBasis')}>
              {g.legalBasis?.length ? (
                <ul className="guide-list">
                  {g.legalBasis.map((b, i) => (
                    <li key={i}>
                      <Typography.Text strong>{b.title}</Typography.Text>
                      {b.article && <div>{b.article}</div>}
                    </li>
                  ))}
                </ul>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Section>

            <Section id="conditions" title={t('guide.acceptanceConditions')}>
              {g.acceptanceConditions?.length ? (
                <ol style={{ margin: 0, paddingLeft: 20 }}>
                  {g.acceptanceConditions.map((c, i) => (
                    <li key={i}>{c}</li>
                  ))}
                </ol>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Section>

            <Section id="materials" title={t('guide.materials')}>
              <MaterialList materials={g.materials ?? []} />
            </Section>

            <Section id="process" title={t('guide.process')}>
              {g.process?.length ? (
                <Steps
                  orientation="vertical"
                  size="small"
                  current={-1}
                  items={g.process.map((p) => ({
                    title: p.step,
                    content: (
                      <>
                        <div>{p.description}</div>
                        {!!p.limitDays && (
                          <Typography.Text type="secondary">{t('guide.stepLimit', { n: p.limitDays })}</Typography.Text>
                        )}
                      </>
                    ),
                  }))}
                />
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
              {g.specialProcedures?.length ? (
                <>
                  <Typography.Title level={5}>{t('guide.specialProcedures')}</Typography.Title>
                  <ul className="guide-list">
                    {g.specialProcedures.map((s, i) => (
                      <li key={i}>
                        <Tag>{label('specialKind', s.kind)}</Tag>
                        {s.name} · {t('guide.specialMaxDays', { n: s.maxDays })}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
            </Section>

            <Section id="fees" title={t('guide.fees')}>
              {g.fees?.charged && g.fees.items.length ? (
                <table className="guide-table" data-testid="guide-fees-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('guide.feeName')}</th>
                      <th scope="col">{t('guide.feeAmount')}</th>
                      <th scope="col">{t('guide.feeBasis')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.fees.items.map((f) => (
                      <tr key={f.name}>
                        <td>{f.name}</td>
                        <td>{f.amount}</td>
                        <td>{f.basis}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <Typography.Text strong>{t('guide.noFee')}</Typography.Text>
              )}
              {services.payOffline && (
                <OfflineNote title={t('guide.payOffline')} where={services.payOffline} testId="guide-fees-offline" />
              )}
            </Section>

            {g.delegations && g.delegations.length > 0 && (
              <Section id="delegations" title={t('guide.delegations')}>
                <ul className="guide-list">
                  {g.delegations.map((d, i) => (
                    <li key={i}>
                      {d.effectiveDate}：{label('level', d.fromLevel)} → {label('level', d.toLevel)} · {d.regionCode} ·{' '}
                      {d.basis}
                    </li>
                  ))}
                </ul>
              </Section>
            )}
          </Later>
        </Col>

        <Col xs={24} lg={6}>
          <Later>
            <Card className="guide-section" size="small">
              <Space orientation="vertical" style={{ width: '100%' }} align="center">
                <Button
                  type="primary"
                  icon={<PrinterOutlined />}
                  href={apiUrl('/api/items/{code}/notice.pdf', { path: { code } })}
                  target="_blank"
                  rel="noopener"
                  data-testid="print-notice"
                  block
                >
                  {t('guide.printNotice')}
                </Button>
                <img
                  className="guide-qr"
                  src={apiUrl('/api/items/{code}/qr.svg', { path: { code } })}
                  alt={t('guide.qrAlt')}
                  data-testid="item-qr"
                />
                <Typography.Text type="secondary">{t('guide.qrTitle')}</Typography.Text>
              </Space>
            </Card>
            <SideFacts
              id="hall"
              title={
                <>
                  <EnvironmentOutlined /> {t('guide.hall')}
                </>
              }
              items={
                g.hall && [
                  { key: 'n', label: t('common.name'), children: g.hall.name },
                  { key: 'a', label: t('common.address'), children: g.hall.address },
                  { key: 'h', label: t('common.hours'), children: g.hall.hours },
                ]
              }
            />
            <SideFacts
              id="contacts"
              title={
                <>
                  <PhoneOutlined /> {t('guide.contacts')}
                </>
              }
              items={
                g.contacts && [
                  { key: 'c', label: t('guide.consultPhone'), children: g.contacts.consultPhone },
                  { key: 'p', label: t('guide.complaintPhone'), children: g.contacts.complaintPhone },
                ]
              }
            />
            {g.promisedLimit && g.statutoryLimit && g.promisedLimit.days < g.statutoryLimit.days && (
              <Alert
                type="success"
                showIcon
                title={`${t('guide.promisedLimit')} ${t('common.workdays', { n: g.promisedLimit.days })}`}
                description={`${t('guide.statutoryLimit')} ${t('common.workdays', { n: g.statutoryLimit.days })}`}
              />
            )}
          </Later>
        </Col>
      </Row>
    </div>
  );
}
