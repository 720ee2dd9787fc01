import {
  BarChartOutlined,
  BookOutlined,
  BranchesOutlined,
  CustomerServiceOutlined,
  FundProjectionScreenOutlined,
  LineChartOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n, type MessageKey } from '../../shared/i18n';
import { hotlineZh } from '../../shared/i18n/hotline.zh-CN';
import { hotlineReportsZh } from '../../shared/i18n/hotlineReports.zh-CN';
import { SideMenuLayout } from '../../shared/layout/SideMenuLayout';
import { MessagesBell } from '../../shared/layout/MessagesBell';
import { Forbidden, NotFound, PageLoading } from '../../shared/components/common';
import { hlRoles } from './hotlineApi';

// The area's Chinese texts come with it, not with every page of the app.
addMessages(hotlineZh, hotlineReportsZh);

// Each page is its own chunk (the chart comes with the figures page).
const ConsolePage = lazy(() => import('./ConsolePage'));
const TicketsPage = lazy(() => import('./TicketsPage'));
const TicketPage = lazy(() => import('./TicketPage'));
const KbPage = lazy(() => import('./KbPage'));
const RulesPage = lazy(() => import('./RulesPage'));
const FiguresPage = lazy(() => import('./FiguresPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const ScreenPage = lazy(() => import('./ScreenPage'));

type Entry = { key: string; icon: ReactNode; label: MessageKey; allowed: boolean; page: ReactNode };

/** 12345 热线: the operators' console, tickets, the knowledge base, dispatch rules, figures and reports; the big screen. */
export default function HotlineApp() {
  const { user } = useAuth();
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        {/* The big screen fills the window, without the side menu. */}
        <Route path="screen" element={hlRoles(user).centre ? <ScreenPage /> : <Forbidden />} />
        <Route path="*" element={<HotlineLayout />} />
      </Routes>
    </Suspense>
  );
}

function HotlineLayout() {
  const { t } = useI18n();
  const { user } = useAuth();
  const location = useLocation();
  const r = hlRoles(user);
  const selected = location.pathname.split('/')[2] ?? '';
  const entries: Entry[] = [
    {
      key: 'console',
      icon: <CustomerServiceOutlined />,
      label: 'hl.menu.console',
      allowed: r.centre,
      page: <ConsolePage />,
    },
    { key: 'tickets', icon: <ProfileOutlined />, label: 'hl.menu.tickets', allowed: true, page: <TicketsPage /> },
    { key: 'kb', icon: <BookOutlined />, label: 'hl.menu.kb', allowed: true, page: <KbPage /> },
    { key: 'rules', icon: <BranchesOutlined />, label: 'hl.menu.rules', allowed: r.chief, page: <RulesPage /> },
    { key: 'figures', icon: <BarChartOutlined />, label: 'hl.menu.figures', allowed: true, page: <FiguresPage /> },
    { key: 'reports', icon: <LineChartOutlined />, label: 'hr.title', allowed: true, page: <ReportsPage /> },
  ];
  const screen = { key: 'screen', icon: <FundProjectionScreenOutlined />, label: 'hr.screen.title' as MessageKey };
  const guarded = (e: Entry) => (e.allowed ? e.page : <Forbidden />);
  return (
    <SideMenuLayout
      home="/hotline"
      title={t('hl.title')}
      selected={selected}
      headerExtra={<MessagesBell />}
      entries={[...entries.filter((e) => e.allowed), ...(r.centre ? [screen] : [])].map((e) => ({
        key: e.key,
        icon: e.icon,
        to: `/hotline/${e.key}`,
        label: <span data-testid={`hl-menu-${e.key}`}>{t(e.label)}</span>,
      }))}
    >
      <Routes>
        <Route index element={<Navigate to={r.centre ? 'console' : 'tickets'} replace />} />
        {entries.map((e) => (
          <Route key={e.key} path={e.key} element={guarded(e)} />
        ))}
        <Route path="tickets/:id" element={<TicketPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </SideMenuLayout>
  );
}
