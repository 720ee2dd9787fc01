import { Button, Dropdown, Space } from 'antd';
import {
  GlobalOutlined,
  LogoutOutlined,
  UserOutlined,
  AppstoreOutlined,
  SettingOutlined,
  HomeOutlined,
  FileSearchOutlined,
  SolutionOutlined,
  BellOutlined,
  DashboardOutlined,
  PhoneOutlined,
  AuditOutlined,
  SafetyOutlined,
  SwapOutlined,
  DownOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useI18n, type Lang, type MessageKey } from '../i18n';
import { useAuth } from '../auth';
import { App as AntApp } from 'antd';
import { AREA_PATH, areaOf, staffAreas, type StaffArea } from '../areas';

export function LangSwitch() {
  const { lang, setLang, t } = useI18n();
  const items: MenuProps['items'] = [
    { key: 'zh-CN', label: t('lang.zh') },
    { key: 'en-US', label: t('lang.en') },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{ items, selectable: true, selectedKeys: [lang], onClick: ({ key }) => setLang(key as Lang) }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={t('lang.switch')}
        className="header-btn"
      >
        <span className="hide-xs">{lang === 'zh-CN' ? t('lang.zh') : t('lang.en')}</span>
      </Button>
    </Dropdown>
  );
}

/** Sign-in link or the signed-in user's menu (home, personal space, messages, account security, sign-out). */
export function UserMenu() {
  const { user, logout } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  if (!user) {
    return (
      <Space size={4}>
        <Link to="/login" data-testid="header-login">
          <Button type="text" className="header-btn">
            {t('nav.login')}
          </Button>
        </Link>
        <Link to="/register" className="hide-xs" data-testid="header-register">
          <Button type="text" className="header-btn">
            {t('nav.register')}
          </Button>
        </Link>
      </Space>
    );
  }
  const items: MenuProps['items'] = [
    { key: '/', icon: <HomeOutlined />, label: t('nav.home') },
    ...(user.kind !== 'staff'
      ? [
          { key: '/my', icon: <UserOutlined />, label: t('nav.my') },
          { key: '/my/cases', icon: <SolutionOutlined />, label: t('my.cases') },
          {
            key: '/my/tickets',
            icon: <PhoneOutlined />,
            label: <span data-testid="menu-tickets">{t('ch.mine')}</span>,
          },
        ]
      : []),
    { key: '/my/messages', icon: <BellOutlined />, label: t('messages.title') },
    { key: '/account', icon: <SafetyOutlined />, label: <span data-testid="menu-account">{t('acct.nav')}</span> },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), danger: true },
  ];
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'logout') {
            void logout().then(() => {
              void message.success(t('auth.logoutOk'));
              navigate('/login');
            });
          } else navigate(key);
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu" className="header-btn">
        <span className="hide-xs">{user.name}</span>
      </Button>
    </Dropdown>
  );
}

const AREA_LABEL: Record<StaffArea, MessageKey> = {
  workbench: 'nav.workbench',
  supervision: 'nav.supervision',
  hotline: 'nav.hotline',
  regulation: 'reg.nav',
  admin: 'nav.admin',
};
const AREA_ICON: Record<StaffArea, ReactNode> = {
  workbench: <AppstoreOutlined />,
  supervision: <DashboardOutlined />,
  hotline: <PhoneOutlined />,
  regulation: <AuditOutlined />,
  admin: <SettingOutlined />,
};

/**
 * 切换工作区: the staff areas the signed-in person may enter (workbench, supervision, 热线, 审管联动, administration),
 * always in the header and naming the area one is in; nothing for applicants and visitors.
 */
export function AreaSwitch() {
  const { user } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const areas = user ? staffAreas(user) : [];
  if (!areas.length) return null;
  const here = areaOf(pathname);
  const current = areas.find((a) => a === here);
  const items: MenuProps['items'] = areas.map((a) => ({
    key: a,
    icon: AREA_ICON[a],
    label: <span data-testid={`menu-${a}`}>{t(AREA_LABEL[a])}</span>,
  }));
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        selectable: true,
        selectedKeys: current ? [current] : [],
        onClick: ({ key }) => navigate(AREA_PATH[key as StaffArea]),
      }}
    >
      <Button
        type="text"
        icon={current ? AREA_ICON[current] : <SwapOutlined />}
        data-testid="area-switch"
        data-area={current ?? ''}
        aria-label={t('nav.switchArea')}
        className="header-btn area-switch"
      >
        <span className="hide-xs">{current ? t(AREA_LABEL[current]) : t('nav.switchArea')}</span>
        <DownOutlined className="area-switch-mark" />
      </Button>
    </Dropdown>
  );
}

export function Brand({ to = '/', sub }: { to?: string; sub?: string }) {
  const { t } = useI18n();
  return (
    <Link to={to} className="brand" data-testid="brand">
      <span className="brand-mark">{t('app.short')}</span>
      <span className="brand-text">
        {t('app.city')}
        <span className="hide-xs">{sub ? ` · ${sub}` : ''}</span>
      </span>
    </Link>
  );
}

/** 办件查询: the public progress query, from every portal page. */
export function TrackLink() {
  const { t } = useI18n();
  return (
    <Link to="/track" data-testid="header-track">
      <Button type="text" icon={<FileSearchOutlined />} className="header-btn" aria-label={t('track.title')}>
        <span className="hide-xs">{t('track.short')}</span>
      </Button>
    </Link>
  );
}

/** 抽查结果公示: the public results of random inspections (一公开), from every portal page. */
export function InspectionsLink() {
  const { t } = useI18n();
  return (
    <Link to="/inspections" data-testid="header-inspections">
      <Button type="text" icon={<AuditOutlined />} className="header-btn" aria-label={t('reg.public.title')}>
        <span className="hide-xs">{t('reg.public.link')}</span>
      </Button>
    </Link>
  );
}
