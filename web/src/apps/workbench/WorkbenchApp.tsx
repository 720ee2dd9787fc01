import { Card, Col, Descriptions, Empty, Layout, Row, Space, Tag, Typography } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Route, Routes } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { useI18n } from '../../shared/i18n';
import { Brand, LangSwitch, UserMenu } from '../../shared/layout/header';
import { NotFound } from '../../shared/components/common';

/** Staff home: who I am, what I may see; the case inbox arrives with the cases module. */
function WorkbenchHome() {
  const { user } = useAuth();
  const { t, label } = useI18n();
  if (!user) return null;
  const s = user.scope;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card data-testid="wb-profile">
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="wb-welcome">
            {t('wb.welcome', { name: user.name })}
          </Typography.Title>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'roles',
                label: t('wb.roles'),
                children: (
                  <Space wrap size={4} data-testid="wb-roles">
                    {user.roles.map((r) => (
                      <Tag key={r} color="red">
                        {label('role', r)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { key: 'region', label: t('common.region'), children: s.regionName ?? s.regionCode ?? t('common.notSet') },
              { key: 'dept', label: t('common.department'), children: s.departmentName ?? t('common.notSet') },
              { key: 'hall', label: t('common.hall'), children: s.hallName ?? t('common.notSet') },
              ...(s.windowId ? [{ key: 'window', label: t('common.window'), children: s.windowName ?? s.windowId }] : []),
            ]}
            data-testid="wb-scope"
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={
            <>
              <InboxOutlined /> {t('wb.inbox')}
            </>
          }
          data-testid="wb-inbox"
        >
          <Empty data-testid="wb-inbox-empty" description={t('wb.inboxEmpty')}>
            <Typography.Text type="secondary">{t('wb.inboxHint')}</Typography.Text>
          </Empty>
        </Card>
      </Col>
    </Row>
  );
}

export default function WorkbenchApp() {
  const { t } = useI18n();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Brand to="/workbench" sub={t('wb.title')} />
        <Space size={0} className="header-right">
          <LangSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout.Content className="portal-content">
        <Routes>
          <Route index element={<WorkbenchHome />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
