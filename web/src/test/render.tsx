// Component tests: a page or a component rendered as the app renders it — a fresh query cache, the
// signed-in user, antd's App (messages, modals) and, for pages, a memory router that links can follow.
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router-dom';
import { MeContext } from '../components/MeContext';
import type { Me } from '../api/types';

export function renderAsUser(me: Me, ui: ReactNode): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MeContext.Provider value={me}>
        <AntApp>{ui}</AntApp>
      </MeContext.Provider>
    </QueryClientProvider>,
  );
  return client;
}

/** The routes opened at `url` as `me` sees them. */
export function renderRoutes(me: Me, routes: RouteObject[], url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const client = renderAsUser(me, <RouterProvider router={router} />);
  return { client, router };
}
