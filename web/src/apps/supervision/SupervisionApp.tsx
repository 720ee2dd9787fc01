import {
  AlertOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FlagOutlined,
  LikeOutlined,
  MonitorOutlined,
  SettingOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { useI18n, type MessageKey } from '../../shared/i18n';
import { SideMenuLayout } from '../../shared/layout/SideMenuLayout';
import { MessagesBell } from '../../shared/layout/MessagesBell';
import { Forbidden, NotFound, PageLoading } from '../../shared/components/common';
import { svRoles } from './svApi';
import './supervision.css';

// Each page is its own chunk (the charts come with the first page that draws one).
const OverviewPage = lazy(() => import('./OverviewPage'));
const WarningsPage = lazy(() => import('./WarningsPage'));
const FiguresPage = lazy(() => import('./FiguresPage'));
const RatingsPage = lazy(() => import('./RatingsPage'));
const RulesPage = lazy(() => import('./RulesPage'));
const ScreenPage = lazy(() => import('./ScreenPage'));
const TasksPage = lazy(() => import('./TasksPage'));
const TaskDetailPage = lazy(() => import('./TasksPage').then((m) => ({ default: m.TaskDetailPage })));
const AssessmentPage = lazy(() => import('./AssessmentPage'));
const BulletinsPage = lazy(() => import('./BulletinsPage'));
const MonitorPage = lazy(() => import('./MonitorPage'));
const AlignmentPage = lazy(() => import('../../shared/components/ItemAlignmentReport'));

type Area = { key: string; icon: ReactNode; label: MessageKey; allowed: boolean };

/** Guards one page of the area. */
function Only({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  return allowed ? <>{children}</> : <Forbidden />;
}

function SvLayout() {
  const { t } = useI18n();
  const { user } = useAuth();
  const location = useLocation();
  const r = svRoles(user);
  const area = location.pathname.split('/')[2] ?? '';
  const areas: Area[] = [
    { key: '', icon: <DashboardOutlined />, label: 'sv.menu.overview', allowed: r.supervisor },
    { key: 'monitor', icon: <MonitorOutlined />, label: 'mo.menu', allowed: r.supervisor },
    { key: 'warnings', icon: <AlertOutlined />, label: 'sv.menu.warnings', allowed: true },
    { key: 'figures', icon: <BarChartOutlined />, label: 'sv.menu.figures', allowed: r.figures },
    { key: 'ratings', icon: <LikeOutlined />, label: 'sv.menu.ratings', allowed: r.figures },
    { key: 'tasks', icon: <FlagOutlined />, label: 'tk.menu', allowed: r.supervisor },
    { key: 'assessment', icon: <TrophyOutlined />, label: 'sv.menu.assessment', allowed: r.figures },
    { key: 'bulletins', icon: <FileTextOutlined />, label: 'sv.menu.bulletins', allowed: r.supervisor },
    { key: 'alignment', icon: <FileSearchOutlined />, label: 'al.menu', allowed: r.supervisor },
    { key: 'rules', icon: <SettingOutlined />, label: 'sv.menu.rules', allowed: r.supervisor },
  ];
  return (
    <SideMenuLayout
      home="/supervision"
      title={t('sv.title')}
      selected={area}
      headerExtra={<MessagesBell />}
      entries={areas
        .filter((a) => a.allowed)
        .map((a) => ({
          key: a.key,
          icon: a.icon,
          to: a.key ? `/supervision/${a.key}` : '/supervision',
          label: <span data-testid={`sv-menu-${a.key || 'overview'}`}>{t(a.label)}</span>,
        }))}
    >
      <Routes>
        <Route index element={r.supervisor ? <OverviewPage /> : <Navigate to="warnings" replace />} />
        <Route path="warnings" element={<WarningsPage />} />
        <Route
          path="monitor"
          element={
            <Only allowed={r.supervisor}>
              <MonitorPage />
            </Only>
          }
        />
        <Route
          path="alignment"
          element={
            <Only allowed={r.supervisor}>
              <AlignmentPage />
            </Only>
          }
        />
        <Route
          path="figures"
          element={
            <Only allowed={r.figures}>
              <FiguresPage />
            </Only>
          }
        />
        <Route
          path="ratings"
          element={
            <Only allowed={r.figures}>
              <RatingsPage />
            </Only>
          }
        />
        <Route
          path="assessment"
          element={
            <Only allowed={r.figures}>
              <AssessmentPage />
            </Only>
          }
        />
        <Route
          path="bulletins"
          element={
            <Only allowed={r.supervisor}>
              <BulletinsPage />
            </Only>
          }
        />
        <Route
          path="tasks"
          element={
            <Only allowed={r.supervisor}>
              <TasksPage />
            </Only>
          }
        />
        <Route
          path="tasks/:id"
          element={
            <Only allowed={r.supervisor}>
              <TaskDetailPage />
            </Only>
          }
        />
        <Route
          path="rules"
          element={
            <Only allowed={r.supervisor}>
              <RulesPage />
            </Only>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </SideMenuLayout>
  );
}

/** 运行监管: overview, warnings and cards, efficiency figures, ratings, rules; and the big screen. */
export default function SupervisionApp() {
  const { user } = useAuth();
  const r = svRoles(user);
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route
          path="screen"
          element={
            <Only allowed={r.supervisor}>
              <ScreenPage />
            </Only>
          }
        />
        <Route path="*" element={<SvLayout />} />
      </Routes>
    </Suspense>
  );
}
