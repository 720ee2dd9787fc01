import { Layout, Space } from 'antd';
import { Outlet } from 'react-router-dom';
import { Suspense } from 'react';
import { AreaSwitch, Brand, InspectionsLink, LangSwitch, TrackLink, UserMenu } from './header';
import { MessagesBell } from './MessagesBell';
import { useI18n } from '../i18n';
import { PageLoading } from '../components/common';

/** Public pages (portal, login, register, personal space): a plain header, centred content. */
export function PortalLayout() {
  const { t } = useI18n();
  return (
    <Layout className="portal-layout">
      <Layout.Header className="app-header">
        <Brand sub={t('nav.catalog')} />
        <Space size={0} className="header-right">
          <AreaSwitch />
          <LangSwitch />
          <TrackLink />
          <InspectionsLink />
          <MessagesBell />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout.Content className="portal-content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
