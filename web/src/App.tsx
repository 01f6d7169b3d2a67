import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useRouteError } from 'react-router-dom';
import { App as AntApp, Button, Result, Spin } from 'antd';
import { AppLayout } from './components/AppLayout';
import { ru } from './i18n/ru';

const Dashboard = lazy(() => import('./pages/Dashboard'));
const DealsPage = lazy(() => import('./pages/deals/DealsPage'));
const DealCardPage = lazy(() => import('./pages/deal/DealCardPage'));
const TasksPage = lazy(() => import('./pages/tasks/TasksPage'));
const ListsPage = lazy(() => import('./pages/lists/ListsPage'));
const PartyCardPage = lazy(() => import('./pages/lists/PartyCardPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const ComingSoon = lazy(() => import('./pages/ComingSoon'));
const NotFound = lazy(() => import('./pages/NotFound'));

function Page({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={<div className="page-loading"><Spin size="large" tip={ru.app.loading}><div style={{ width: 120, height: 80 }} /></Spin></div>}>
      {children}
    </Suspense>
  );
}

function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="error"
      title={ru.app.errorBoundaryTitle}
      subTitle={ru.app.errorBoundaryText}
      extra={<Button type="primary" onClick={() => window.location.reload()}>{ru.app.reload}</Button>}
    />
  );
}

const router = createBrowserRouter([
  {
    path: '/',
    // message/modal holders inside the router, so what they show may hold links
    element: <AntApp component={false}><AppLayout /></AntApp>,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Page><Dashboard /></Page> },
      { path: 'deals', element: <Page><DealsPage /></Page> },
      { path: 'deals/:id', element: <Page><DealCardPage /></Page> },
      { path: 'tasks', element: <Page><TasksPage /></Page> },
      { path: 'lists', element: <Navigate to="/lists/companies" replace /> },
      { path: 'lists/:kind', element: <Page><ListsPage /></Page> },
      { path: 'lists/custom/:listId', element: <Page><ListsPage /></Page> },
      { path: 'companies/:id', element: <Page><PartyCardPage type="company" /></Page> },
      { path: 'contacts/:id', element: <Page><PartyCardPage type="contact" /></Page> },
      { path: 'profile', element: <Page><ProfilePage /></Page> },
      { path: 'mail', element: <Page><ComingSoon section="mail" /></Page> },
      { path: 'analytics', element: <Page><ComingSoon section="analytics" /></Page> },
      { path: 'settings', element: <Page><ComingSoon section="settings" /></Page> },
      { path: '*', element: <Page><NotFound /></Page> },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
