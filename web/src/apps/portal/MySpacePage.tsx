import { Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import {
  BellOutlined,
  EditOutlined,
  PhoneOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n } from '../../shared/i18n';
import { accountZh } from '../../shared/i18n/account.zh-CN';
import { portalAreaZh } from '../../shared/i18n/portal.area.zh-CN';
import { formatDateTime } from '../../shared/components/common';
import { MyCaseList } from '../../shared/components/MyCaseList';
import { MyBundleList } from './MyBundleList';
import { VerificationTag } from './AccountPage';

addMessages(portalAreaZh, accountZh);

/** The applicant's personal space: profile, latest cases, links to messages and progress query. */
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
                {
                  key: 'name',
                  label: user.kind === 'company' ? t('auth.companyName') : t('auth.personName'),
                  children: user.name,
                },
                { key: 'username', label: t('auth.username'), children: user.username },
                { key: 'kind', label: t('my.accountKind'), children: label('userKind', user.kind) },
                {
                  key: 'id',
                  label: t('my.idNumber'),
                  children: (
                    <Space size={4} wrap>
                      {user.idNumberMasked ?? t('common.notSet')}
                      {user.verification && (
                        <VerificationTag level={user.verification.level} simulated={user.verification.simulated} />
                      )}
                    </Space>
                  ),
                },
                { key: 'phone', label: t('my.phone'), children: user.phoneMasked ?? t('common.notSet') },
                {
                  key: 'last',
                  label: t('my.lastLogin'),
                  children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('common.never'),
                },
              ]}
            />
            <Space wrap style={{ marginTop: 8 }}>
              <Link to="/my/messages" data-testid="my-messages-link">
                <BellOutlined /> {t('messages.title')}
              </Link>
              <Link to="/track" data-testid="my-track-link">
                <SearchOutlined /> {t('track.title')}
              </Link>
              <Link to="/account" data-testid="my-account-link">
                <SafetyCertificateOutlined /> {t('acct.link')}
              </Link>
              <Link to="/my/tickets" data-testid="my-tickets-link">
                <PhoneOutlined /> {t('ch.mine')}
              </Link>
              <Link to="/hotline/new" data-testid="my-hotline-new">
                <EditOutlined /> {t('ch.new')}
              </Link>
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={15}>
          <Card
            title={t('my.cases')}
            data-testid="my-cases"
            extra={
              <Link to="/my/cases" data-testid="my-cases-all">
                {t('my.allCases')} <RightOutlined />
              </Link>
            }
          >
            <MyCaseList pageSize={5} compact />
          </Card>
          <Card title={t('bd.mine')} style={{ marginTop: 16 }}>
            <MyBundleList pageSize={3} compact />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
