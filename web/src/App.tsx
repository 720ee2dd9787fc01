import { lazy, Suspense, useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale';
import zhCNLocale from 'antd/locale/zh_CN';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router-dom';
import { I18nProvider, useI18n } from './shared/i18n';
import { AuthProvider } from './shared/auth';
import { AREA_ROLES } from './shared/areas';
import { buildQuery, setErrorNotifier, setUnauthorizedHandler } from './shared/client';
import { fetchEarly } from './shared/early';
import { BUNDLES_QUERY, CITY_DEPARTMENTS_QUERY, HOME_PAGE_SIZE, itemGuidePath } from './apps/portal/requests';
import { NotFound, PageLoading, RequireAuth } from './shared/components/common';
import { PortalLayout } from './shared/layout/PortalLayout';
import { THEME } from './shared/theme';

// Route-level code splitting: each area is its own chunk, loaded on first visit.
const loadPortalHome = () => import('./apps/portal/HomePage');
const loadItemGuide = () => import('./apps/portal/ItemGuidePage');
const PortalHome = lazy(loadPortalHome);
const ItemGuidePage = lazy(loadItemGuide);
const LoginPage = lazy(() => import('./apps/portal/LoginPage'));
const RegisterPage = lazy(() => import('./apps/portal/RegisterPage'));
const MySpacePage = lazy(() => import('./apps/portal/MySpacePage'));
const ApplyPage = lazy(() => import('./apps/portal/ApplyPage'));
const BundleApplyPage = lazy(() => import('./apps/portal/BundleApplyPage'));
const BundleTrackPage = lazy(() => import('./apps/portal/BundleTrackPage'));
const MyCasesPage = lazy(() => import('./apps/portal/MyCasesPage'));
const MyCaseDetailPage = lazy(() => import('./apps/portal/MyCaseDetailPage'));
const MessagesPage = lazy(() => import('./apps/portal/MessagesPage'));
const TrackPage = lazy(() => import('./apps/portal/TrackPage'));
const VerifyPage = lazy(() => import('./apps/portal/VerifyPage'));
const RateDevicePage = lazy(() => import('./apps/portal/RateDevicePage'));
const AccountPage = lazy(() => import('./apps/portal/AccountPage'));
const HotlineFormPage = lazy(() => import('./apps/portal/HotlineFormPage'));
const MyTicketsPage = lazy(() => import('./apps/portal/MyTicketsPage'));
const MyTicketDetailPage = lazy(() => import('./apps/portal/MyTicketDetailPage'));
const AdminApp = lazy(() => import('./apps/admin/AdminApp'));
const WorkbenchApp = lazy(() => import('./apps/workbench/WorkbenchApp'));
const SupervisionApp = lazy(() => import('./apps/supervision/SupervisionApp'));
const RegulationApp = lazy(() => import('./apps/regulation/RegulationApp'));
const HotlineApp = lazy(() => import('./apps/hotline/HotlineApp'));
const InspectionsPage = lazy(() => import('./apps/portal/InspectionsPage'));

/**
 * Starts loading the code and the first data of the page being opened, before React renders down to it: the
 * citizen's entry pages (catalogue home, service guide) then wait for neither in turn. Every page asks who is
 * signed in.
 */
export function startRoute(pathname: string, search: string): void {
  fetchEarly('/api/auth/me');
  if (pathname === '/') {
    void loadPortalHome();
    fetchEarly('/api/bundles' + buildQuery(BUNDLES_QUERY));
    fetchEarly('/api/departments' + buildQuery(CITY_DEPARTMENTS_QUERY));
    // The first page of the whole catalogue, as the home page asks for it with no filters.
    if (!search) fetchEarly('/api/items' + buildQuery({ page: 1, pageSize: HOME_PAGE_SIZE }));
    return;
  }
  const guide = /^\/items\/([^/]+)$/.exec(pathname);
  if (guide?.[1]) {
    void loadItemGuide();
    try {
      fetchEarly(itemGuidePath(decodeURIComponent(guide[1])));
    } catch {
      // A malformed address: the page itself answers it.
    }
  }
}

/** Wires the API client to antd's message API and to client-side navigation on 401. */
function ApiBridge() {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  useEffect(() => {
    setErrorNotifier((text) => void message.error(text));
    setUnauthorizedHandler(() => {
      const here = window.location.pathname + window.location.search;
      if (window.location.pathname !== '/login') navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [message, navigate]);
  return null;
}

function AppRoutes() {
  return (
    <Routes>
      <Route path="rate/:token" element={<RateDevicePage />} />
      <Route element={<PortalLayout />}>
        <Route index element={<PortalHome />} />
        <Route path="items/:code" element={<ItemGuidePage />} />
        <Route
          path="items/:code/apply"
          element={
            <RequireAuth roles={['applicant', 'agent']}>
              <ApplyPage />
            </RequireAuth>
          }
        />
        <Route
          path="bundles/:code/apply"
          element={
            <RequireAuth roles={['applicant']}>
              <BundleApplyPage />
            </RequireAuth>
          }
        />
        <Route
          path="my/bundles/:id"
          element={
            <RequireAuth roles={['applicant']}>
              <BundleTrackPage />
            </RequireAuth>
          }
        />
        <Route path="track" element={<TrackPage />} />
        <Route path="inspections" element={<InspectionsPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="verify/:id" element={<VerifyPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route
          path="my"
          element={
            <RequireAuth roles={['applicant']}>
              <MySpacePage />
            </RequireAuth>
          }
        />
        <Route
          path="my/cases"
          element={
            <RequireAuth roles={['applicant']}>
              <MyCasesPage />
            </RequireAuth>
          }
        />
        <Route
          path="my/cases/:id"
          element={
            <RequireAuth roles={['applicant']}>
              <MyCaseDetailPage />
            </RequireAuth>
          }
        />
        <Route
          path="hotline/new"
          element={
            <RequireAuth roles={['applicant']}>
              <HotlineFormPage />
            </RequireAuth>
          }
        />
        <Route
          path="my/tickets"
          element={
            <RequireAuth roles={['applicant']}>
              <MyTicketsPage />
            </RequireAuth>
          }
        />
        <Route
          path="my/tickets/:id"
          element={
            <RequireAuth roles={['applicant']}>
              <MyTicketDetailPage />
            </RequireAuth>
          }
        />
        <Route
          path="account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path="my/messages"
          element={
            <RequireAuth>
              <MessagesPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route
        path="admin/*"
        element={
          <RequireAuth roles={AREA_ROLES.admin}>
            <Suspense fallback={<PageLoading />}>
              <AdminApp />
            </Suspense>
          </RequireAuth>
        }
      />
      <Route
        path="workbench/*"
        element={
          <RequireAuth roles={AREA_ROLES.workbench}>
            <Suspense fallback={<PageLoading />}>
              <WorkbenchApp />
            </Suspense>
          </RequireAuth>
        }
      />
      <Route
        path="regulation/*"
        element={
          <RequireAuth>
            <Suspense fallback={<PageLoading />}>
              <RegulationApp />
            </Suspense>
          </RequireAuth>
        }
      />
      <Route
        path="supervision/*"
        element={
          <RequireAuth roles={AREA_ROLES.supervision}>
            <Suspense fallback={<PageLoading />}>
              <SupervisionApp />
            </Suspense>
          </RequireAuth>
        }
      />
      <Route
        path="hotline/*"
        element={
          <RequireAuth roles={AREA_ROLES.hotline}>
            <Suspense fallback={<PageLoading />}>
              <HotlineApp />
            </Suspense>
          </RequireAuth>
        }
      />
    </Routes>
  );
}

function Themed() {
  const { lang } = useI18n();
  // antd's English texts come with the first switch to English.
  const [enUS, setEnUS] = useState<Locale | null>(null);
  useEffect(() => {
    if (lang === 'en-US' && !enUS) void import('antd/locale/en_US').then((m) => setEnUS(m.default));
  }, [lang, enUS]);
  return (
    <ConfigProvider locale={lang === 'en-US' && enUS ? enUS : zhCNLocale} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <ApiBridge />
          <AuthProvider>
            <Suspense fallback={<PageLoading />}>
              <AppRoutes />
            </Suspense>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <Themed />
    </I18nProvider>
  );
}
