import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  FileSearchOutlined,
  GroupOutlined,
  LoginOutlined,
  ProfileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { addMessages, useI18n, type MessageKey } from '../../shared/i18n';
import { adminAreaZh } from '../../shared/i18n/admin.area.zh-CN';
import { SideMenuLayout } from '../../shared/layout/SideMenuLayout';
import { NotFound } from '../../shared/components/common';

// The area's own Chinese texts come with its code, not with every page of the app.
addMessages(adminAreaZh);

// Each admin area is its own chunk.
const RegionsPage = lazy(() => import('./RegionsPage'));
const DepartmentsPage = lazy(() => import('./DepartmentsPage'));
const HallsPage = lazy(() => import('./HallsPage'));
const StaffPage = lazy(() => import('./StaffPage'));
const ItemsPage = lazy(() => import('./ItemsPage'));
const ItemEditorPage = lazy(() => import('./ItemEditorPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));
const AuditPage = lazy(() => import('./AuditPage'));
const SignInAttemptsPage = lazy(() => import('./SignInAttemptsPage'));
const BundlesPage = lazy(() => import('./BundlesPage'));
const AlignmentPage = lazy(() => import('../../shared/components/ItemAlignmentReport'));

const AREAS = [
  { key: 'regions', icon: <ClusterOutlined />, label: 'admin.menu.regions' },
  { key: 'departments', icon: <ApartmentOutlined />, label: 'admin.menu.departments' },
  { key: 'halls', icon: <BankOutlined />, label: 'admin.menu.halls' },
  { key: 'staff', icon: <TeamOutlined />, label: 'admin.menu.staff' },
  { key: 'items', icon: <ProfileOutlined />, label: 'admin.menu.items' },
  { key: 'bundles', icon: <GroupOutlined />, label: 'bda.menu' },
  { key: 'alignment', icon: <FileSearchOutlined />, label: 'al.menu' },
  { key: 'calendar', icon: <CalendarOutlined />, label: 'admin.menu.calendar' },
  { key: 'audit', icon: <AuditOutlined />, label: 'admin.menu.audit' },
  { key: 'sign-ins', icon: <LoginOutlined />, label: 'acct.signins.adminTitle' },
] as const satisfies readonly { key: string; icon: React.ReactNode; label: MessageKey }[];

export default function AdminApp() {
  const { t } = useI18n();
  const location = useLocation();
  const area = location.pathname.split('/')[2] ?? 'regions';

  return (
    <SideMenuLayout
      home="/admin"
      title={t('admin.title')}
      selected={area}
      entries={AREAS.map((a) => ({
        key: a.key,
        icon: a.icon,
        to: `/admin/${a.key}`,
        label: <span data-testid={`menu-${a.key}`}>{t(a.label)}</span>,
      }))}
    >
      <Routes>
        <Route index element={<Navigate to="regions" replace />} />
        <Route path="regions" element={<RegionsPage />} />
        <Route path="departments" element={<DepartmentsPage />} />
        <Route path="halls" element={<HallsPage />} />
        <Route path="staff" element={<StaffPage />} />
        <Route path="items" element={<ItemsPage />} />
        <Route path="items/new" element={<ItemEditorPage />} />
        <Route path="items/:code/edit" element={<ItemEditorPage />} />
        <Route path="bundles" element={<BundlesPage />} />
        <Route
          path="alignment"
          element={<AlignmentPage itemHref={(code) => `/admin/items/${encodeURIComponent(code)}/edit`} />}
        />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="sign-ins" element={<SignInAttemptsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </SideMenuLayout>
  );
}
