import { Layout, Menu, Space } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ProfileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { Brand, LangSwitch, UserMenu } from '../../shared/layout/header';
import { NotFound, PageLoading } from '../../shared/components/common';

// Each admin area is its own chunk.
const RegionsPage = lazy(() => import('./RegionsPage'));
const DepartmentsPage = lazy(() => import('./DepartmentsPage'));
const HallsPage = lazy(() => import('./HallsPage'));
const StaffPage = lazy(() => import('./StaffPage'));
const ItemsPage = lazy(() => import('./ItemsPage'));
const ItemEditorPage = lazy(() => import('./ItemEditorPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));
const AuditPage = lazy(() => import('./AuditPage'));

const AREAS = [
  { key: 'regions', icon: <ClusterOutlined />, label: 'admin.menu.regions' },
  { key: 'departments', icon: <ApartmentOutlined />, label: 'admin.menu.departments' },
  { key: 'halls', icon: <BankOutlined />, label: 'admin.menu.halls' },
  { key: 'staff', icon: <TeamOutlined />, label: 'admin.menu.staff' },
  { key: 'items', icon: <ProfileOutlined />, label: 'admin.menu.items' },
  { key: 'calendar', icon: <CalendarOutlined />, label: 'admin.menu.calendar' },
  { key: 'audit', icon: <AuditOutlined />, label: 'admin.menu.audit' },
] as const satisfies readonly { key: string; icon: React.ReactNode; label: MessageKey }[];

export default function AdminApp() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const area = location.pathname.split('/')[2] ?? 'regions';

  return (
    <Layout className="admin-layout">
      <Layout.Header className="app-header">
        <Brand to="/admin" sub={t('admin.title')} />
        <Space size={0} className="header-right">
          <LangSwitch />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          className="admin-sider"
          theme="light"
          breakpoint="md"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          collapsedWidth={56}
          width={200}
        >
          <Menu
            mode="inline"
            selectedKeys={[area]}
            style={{ borderInlineEnd: 0 }}
            onClick={({ key }) => navigate(`/admin/${key}`)}
            items={AREAS.map((a) => ({
              key: a.key,
              icon: a.icon,
              label: <span data-testid={`menu-${a.key}`}>{t(a.label)}</span>,
            }))}
          />
        </Layout.Sider>
        <Layout.Content className="admin-content">
          <Suspense fallback={<PageLoading />}>
            <Routes>
              <Route index element={<Navigate to="regions" replace />} />
              <Route path="regions" element={<RegionsPage />} />
              <Route path="departments" element={<DepartmentsPage />} />
              <Route path="halls" element={<HallsPage />} />
              <Route path="staff" element={<StaffPage />} />
              <Route path="items" element={<ItemsPage />} />
              <Route path="items/new" element={<ItemEditorPage />} />
              <Route path="items/:code/edit" element={<ItemEditorPage />} />
              <Route path="calendar" element={<CalendarPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="*" element={<NotFound />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
