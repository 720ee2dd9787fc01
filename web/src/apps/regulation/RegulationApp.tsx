import {
  ContactsOutlined,
  InboxOutlined,
  SendOutlined,
  SettingOutlined,
  ShopOutlined,
  InteractionOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n, type MessageKey } from '../../shared/i18n';
import { regulationZh } from '../../shared/i18n/regulation.zh-CN';
import { SideMenuLayout } from '../../shared/layout/SideMenuLayout';
import { MessagesBell } from '../../shared/layout/MessagesBell';
import { Forbidden, NotFound } from '../../shared/components/common';

// The area's own Chinese texts come with its code, not with every page of the app.
addMessages(regulationZh);

const PushesPage = lazy(() => import('./PushesPage'));
const PlansPage = lazy(() => import('./PlansPage'));
const PlanDetailPage = lazy(() => import('./PlanDetailPage'));
const EntitiesPage = lazy(() => import('./DirectoryPages').then((m) => ({ default: m.EntitiesPage })));
const InspectorsPage = lazy(() => import('./DirectoryPages').then((m) => ({ default: m.InspectorsPage })));
const AssignmentsPage = lazy(() => import('./DirectoryPages').then((m) => ({ default: m.AssignmentsPage })));

type Area = { key: string; icon: ReactNode; label: MessageKey; allowed: boolean };

/**
 * 审管联动 `/regulation`: regulator departments' staff receive pushed approvals and run random
 * inspections; the approving side follows where its approvals went; the admin configures it.
 */
export default function RegulationApp() {
  const { t } = useI18n();
  const { user, hasRole } = useAuth();
  const location = useLocation();
  if (!user || user.kind !== 'staff') return <Forbidden />;
  // Regulators are staff of a department; the server decides which department's records they see.
  const regulator = !!user.scope.departmentId || hasRole('admin');
  const approving = hasRole('approver', 'chief', 'supervisor', 'admin');
  const area = location.pathname.split('/')[2] ?? '';
  const areas: Area[] = [
    { key: '', icon: <InboxOutlined />, label: 'reg.menu.inbox', allowed: regulator },
    { key: 'outbox', icon: <SendOutlined />, label: 'reg.menu.outbox', allowed: approving },
    { key: 'plans', icon: <InteractionOutlined />, label: 'reg.menu.plans', allowed: regulator },
    { key: 'entities', icon: <ShopOutlined />, label: 'reg.menu.entities', allowed: true },
    { key: 'inspectors', icon: <ContactsOutlined />, label: 'reg.menu.inspectors', allowed: regulator },
    { key: 'assignments', icon: <SettingOutlined />, label: 'reg.menu.assignments', allowed: true },
  ];
  const allowed = (key: string) => areas.find((a) => a.key === key)?.allowed ?? false;
  const guard = (key: string, page: ReactNode) => (allowed(key) ? page : <Forbidden />);
  return (
    <SideMenuLayout
      home="/regulation"
      title={t('reg.title')}
      selected={area}
      headerExtra={<MessagesBell />}
      entries={areas
        .filter((a) => a.allowed)
        .map((a) => ({
          key: a.key,
          icon: a.icon,
          to: a.key ? `/regulation/${a.key}` : '/regulation',
          label: <span data-testid={`reg-menu-${a.key || 'inbox'}`}>{t(a.label)}</span>,
        }))}
    >
      <Routes>
        <Route index element={regulator ? <PushesPage box="inbox" /> : <Navigate to="outbox" replace />} />
        <Route path="outbox" element={guard('outbox', <PushesPage box="outbox" />)} />
        <Route path="plans" element={guard('plans', <PlansPage />)} />
        <Route path="plans/:id" element={guard('plans', <PlanDetailPage />)} />
        <Route path="entities" element={<EntitiesPage />} />
        <Route path="inspectors" element={guard('inspectors', <InspectorsPage />)} />
        <Route path="assignments" element={<AssignmentsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </SideMenuLayout>
  );
}
