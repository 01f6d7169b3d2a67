import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { Alert, App, Avatar, Badge, Button, Dropdown, Result, Spin, Tooltip } from 'antd';
import {
  AppstoreOutlined, BarChartOutlined, CheckSquareOutlined, DollarOutlined, LogoutOutlined, MailOutlined, SettingOutlined,
  UnorderedListOutlined, UserOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../i18n/ru';
import { hasSection, keys, useMe } from '../api/hooks';
import { dealApi, taskApi } from '../api/endpoints';
import { messageOf, setSessionExpiredHandler } from '../api/http';
import { initials } from '../lib/format';
import { logout } from '../lib/session';
import { MeContext } from './MeContext';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  badge?: number;
  badgeTitle?: string;
}

/** The frame: a narrow dark sidebar (sections the user has), the user menu, the page. */
export function AppLayout() {
  const me = useMe();
  const { modal } = App.useApp();
  const shown = useRef(false);
  const location = useLocation();

  useEffect(() => {
    setSessionExpiredHandler(() => {
      if (shown.current) return;
      shown.current = true;
      modal.warning({
        title: ru.app.sessionExpiredTitle,
        content: ru.app.sessionExpiredText,
        okText: ru.app.signInAgain,
        keyboard: false,
        onOk: () => window.location.reload(),
      });
    });
  }, [modal]);

  const user = me.data;
  const unsortedAllowed = hasSection(user, 'unsorted');
  const overdue = useQuery({
    queryKey: [...keys.tasks, 'overdue-count', user?.id],
    queryFn: () => taskApi.list({ assigneeId: user!.id, status: ['overdue'], size: 1 }).then((p) => p.total),
    enabled: !!user,
    refetchInterval: 60_000,
  });
  const unsorted = useQuery({
    queryKey: [...keys.unsorted, 'count'],
    queryFn: () => dealApi.unsorted('pending').then((r) => r.pending),
    enabled: !!user && unsortedAllowed,
    refetchInterval: 60_000,
  });

  if (me.isPending) {
    return <div className="page-loading"><Spin size="large" /></div>;
  }
  if (me.isError || !user) {
    return <Result status="error" title={ru.errors.loadFailed} subTitle={messageOf(me.error)} extra={<Button onClick={() => me.refetch()}>{ru.app.retry}</Button>} />;
  }

  const items: NavItem[] = [
    { to: '/', label: ru.nav.dashboard, icon: <AppstoreOutlined /> },
    {
      to: '/deals', label: ru.nav.deals, icon: <DollarOutlined />, badge: unsortedAllowed ? unsorted.data : undefined,
      badgeTitle: unsorted.data ? ru.nav.unsortedBadge(unsorted.data) : undefined,
    },
    { to: '/tasks', label: ru.nav.tasks, icon: <CheckSquareOutlined />, badge: overdue.data, badgeTitle: overdue.data ? ru.nav.overdueBadge(overdue.data) : undefined },
    { to: '/lists', label: ru.nav.lists, icon: <UnorderedListOutlined /> },
  ];
  if (hasSection(user, 'mail')) items.push({ to: '/mail', label: ru.nav.mail, icon: <MailOutlined /> });
  if (hasSection(user, 'analytics')) items.push({ to: '/analytics', label: ru.nav.analytics, icon: <BarChartOutlined /> });
  if (hasSection(user, 'settings')) items.push({ to: '/settings', label: ru.nav.settings, icon: <SettingOutlined /> });

  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to)
    || (to === '/lists' && /^\/(companies|contacts)\//.test(location.pathname)));

  return (
    <MeContext.Provider value={user}>
      <div className="app-frame">
        <nav className="sidebar" aria-label={ru.nav.sections}>
          <div className="sidebar-logo" aria-hidden>Лом</div>
          <ul className="sidebar-items">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={() => `sidebar-item${active(item.to) ? ' active' : ''}`} title={item.badgeTitle ?? item.label}>
                  <Badge count={item.badge ?? 0} size="small" overflowCount={99} offset={[4, -2]}>
                    <span className="sidebar-icon">{item.icon}</span>
                  </Badge>
                  <span className="sidebar-label">{item.label}</span>
                </NavLink>
              </li>
            ))}
          </ul>
          <Dropdown
            placement="topLeft"
            trigger={['click']}
            menu={{
              items: [
                { key: 'who', label: <strong>{user.name}</strong>, disabled: true },
                { type: 'divider' },
                { key: 'profile', icon: <UserOutlined />, label: <NavLink to="/profile">{ru.nav.profile}</NavLink> },
                { key: 'logout', icon: <LogoutOutlined />, label: ru.nav.logout, onClick: logout },
              ],
            }}
          >
            <button type="button" className="sidebar-user" aria-label={ru.nav.userMenu} data-testid="user-menu">
              <Tooltip title={user.name} placement="right">
                <Avatar style={{ background: '#3b82f6' }}>{initials(user.name)}</Avatar>
              </Tooltip>
            </button>
          </Dropdown>
        </nav>
        <main className="app-main">
          <OfflineNotice />
          <Outlet />
        </main>
      </div>
    </MeContext.Provider>
  );
}

function OfflineNotice() {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online ? null : <Alert type="warning" banner message={ru.errors.network} />;
}
