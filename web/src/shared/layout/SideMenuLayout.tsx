import { Layout, Menu, Space } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageLoading } from '../components/common';
import { AreaSwitch, Brand, LangSwitch, UserMenu } from './header';

export interface SideMenuEntry {
  key: string;
  icon: ReactNode;
  label: ReactNode;
  /** Where the entry leads. */
  to: string;
}

/**
 * A staff area (administration, supervision): header with brand, language and user menu, a collapsible
 * side menu, and the area's pages in the content pane.
 */
export function SideMenuLayout(props: {
  home: string;
  title: string;
  selected: string;
  entries: SideMenuEntry[];
  headerExtra?: ReactNode;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const byKey = new Map(props.entries.map((e) => [e.key, e.to]));
  return (
    <Layout className="admin-layout">
      <Layout.Header className="app-header">
        <Brand to={props.home} sub={props.title} />
        <Space size={0} className="header-right">
          <AreaSwitch />
          <LangSwitch />
          {props.headerExtra}
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
            selectedKeys={[props.selected]}
            style={{ borderInlineEnd: 0 }}
            onClick={({ key }) => navigate(byKey.get(key) ?? props.home)}
            items={props.entries.map((e) => ({ key: e.key, icon: e.icon, label: e.label }))}
          />
        </Layout.Sider>
        <Layout.Content className="admin-content">
          <Suspense fallback={<PageLoading />}>{props.children}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
