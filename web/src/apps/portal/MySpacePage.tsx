import { Button, Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { formatDateTime } from '../../shared/components/common';

/** The applicant's personal space: profile, and (until the case module lands) an empty case list. */
export default function MySpacePage() {
  const { user } = useAuth();
  const { t, label } = useI18n();
  if (!user) return null;
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="my-title">
        {t('my.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9}>
          <Card title={t('my.profile')} data-testid="my-profile">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: user.kind === 'company' ? t('auth.companyName') : t('auth.personName'), children: user.name },
                { key: 'username', label: t('auth.username'), children: user.username },
                { key: 'kind', label: t('my.accountKind'), children: label('userKind', user.kind) },
                { key: 'id', label: t('my.idNumber'), children: user.idNumberMasked ?? t('common.notSet') },
                { key: 'phone', label: t('my.phone'), children: user.phoneMasked ?? t('common.notSet') },
                {
                  key: 'last',
                  label: t('my.lastLogin'),
                  children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.never'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} md={15}>
          <Card title={t('my.cases')} data-testid="my-cases">
            <Empty description={t('my.noCases')} data-testid="my-cases-empty">
              <Link to="/">
                <Button type="primary" data-testid="my-browse-catalog">
                  {t('my.browseCatalog')}
                </Button>
              </Link>
            </Empty>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
