import { Button, Card, Col, Descriptions, Layout, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useAuth } from '../../shared/auth';
import { addMessages, useI18n, type MessageKey } from '../../shared/i18n';
import { issuingZh } from '../../shared/i18n/issuing.zh-CN';
import { workbenchAreaZh } from '../../shared/i18n/workbench.area.zh-CN';
import { workbenchLinks, type WorkbenchLink } from '../../shared/areas';
import { AreaSwitch, Brand, LangSwitch, UserMenu } from '../../shared/layout/header';
import { MessagesBell } from '../../shared/layout/MessagesBell';
import { NotFound, PageLoading, RequireAuth } from '../../shared/components/common';
import { Inbox } from './InboxPage';

// The area's own Chinese texts come with its code, not with every page of the app.
addMessages(workbenchAreaZh, issuingZh);

const CaseWorkPage = lazy(() => import('./CaseWorkPage'));
const RegisterCasePage = lazy(() => import('./RegisterCasePage'));
const PromisesPage = lazy(() => import('./PromisesPage'));
const RectificationsPage = lazy(() => import('./RectificationsPage'));
const AppealsPage = lazy(() => import('./AppealsPage'));
const MyTasksPage = lazy(() => import('./MyTasksPage'));
const MyTaskDetailPage = lazy(() => import('./MyTasksPage').then((m) => ({ default: m.MyTaskDetailPage })));
const IssuingPage = lazy(() => import('./issuing/IssuingPage'));
const IdentityCheckPage = lazy(() => import('./IdentityCheckPage'));

const LINKS: Record<WorkbenchLink, { to: string; label: MessageKey; testId: string }> = {
  promises: { to: '/workbench/promises', label: 'lk.promises', testId: 'wb-promises-link' },
  rectifications: { to: '/workbench/rectifications', label: 'rect.title', testId: 'wb-rectifications-link' },
  issuing: { to: '/workbench/issuing', label: 'iss.link', testId: 'wb-issuing-link' },
  tasks: { to: '/workbench/tasks', label: 'tk.mine', testId: 'wb-tasks-link' },
  identity: { to: '/workbench/identity', label: 'acct.window.menu', testId: 'wb-identity-link' },
  appeals: { to: '/workbench/rating-appeals', label: 'appeal.title', testId: 'wb-rating-appeals-link' },
};

/** Staff home: who I am, what I may see, the shortcuts that fit my roles, and the case inbox. */
function WorkbenchHome() {
  const { user } = useAuth();
  const { t, label } = useI18n();
  if (!user) return null;
  const s = user.scope;
  const links = workbenchLinks(user);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card data-testid="wb-profile" size="small">
          <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="wb-welcome">
            {t('wb.welcome', { name: user.name })}
          </Typography.Title>
          <Descriptions
            column={{ xs: 1, sm: 2, lg: 4 }}
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
              {
                key: 'region',
                label: t('common.region'),
                children: s.regionName ?? s.regionCode ?? t('common.notSet'),
              },
              { key: 'dept', label: t('common.department'), children: s.departmentName ?? t('common.notSet') },
              { key: 'hall', label: t('common.hall'), children: s.hallName ?? t('common.notSet') },
              ...(s.windowId
                ? [{ key: 'window', label: t('common.window'), children: s.windowName ?? s.windowId }]
                : []),
            ]}
            data-testid="wb-scope"
          />
          <Space wrap style={{ marginTop: 8 }} data-testid="wb-links">
            {links.map((l) => (
              <Link key={l} to={LINKS[l].to}>
                <Button size="small" data-testid={LINKS[l].testId}>
                  {t(LINKS[l].label)}
                </Button>
              </Link>
            ))}
          </Space>
        </Card>
      </Col>
      <Col xs={24}>
        <Inbox />
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
          <AreaSwitch />
          <LangSwitch />
          <MessagesBell />
          <UserMenu />
        </Space>
      </Layout.Header>
      <Layout.Content className="portal-content">
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route index element={<WorkbenchHome />} />
            <Route
              path="cases/new"
              element={
                <RequireAuth roles={['clerk']}>
                  <RegisterCasePage />
                </RequireAuth>
              }
            />
            <Route path="cases/:id" element={<CaseWorkPage />} />
            <Route path="promises" element={<PromisesPage />} />
            <Route path="rectifications" element={<RectificationsPage />} />
            <Route path="rating-appeals" element={<AppealsPage />} />
            <Route path="tasks" element={<MyTasksPage />} />
            <Route path="tasks/:id" element={<MyTaskDetailPage />} />
            <Route
              path="issuing"
              element={
                <RequireAuth roles={['clerk', 'supervisor', 'admin']}>
                  <IssuingPage />
                </RequireAuth>
              }
            />
            <Route
              path="identity"
              element={
                <RequireAuth roles={['clerk']}>
                  <IdentityCheckPage />
                </RequireAuth>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
