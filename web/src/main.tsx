import React from 'react';
import ReactDOM from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import ruRU from 'antd/locale/ru_RU';
import './lib/format'; // dayjs: Russian locale, time zones
import { ApiError } from './api/http';
import { AppRouter } from './App';
import { keys } from './api/hooks';
import { dealApi, meApi } from './api/endpoints';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      // a refusal is final; only a network or server hiccup is worth another try
      retry: (count, error) => count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 502),
    },
    mutations: { retry: false },
  },
});

// asked at once, in parallel, instead of one after the other as the pages mount
void queryClient.prefetchQuery({ queryKey: keys.me, queryFn: meApi.me, staleTime: Infinity });
void queryClient.prefetchQuery({ queryKey: keys.funnels, queryFn: dealApi.funnels, staleTime: 5 * 60_000 });

ReactDOM.createRoot(document.getElementById('root')!).render(
  <React.StrictMode>
    <ConfigProvider
      locale={ruRU}
      theme={{
        token: { colorPrimary: '#1f6feb', borderRadius: 6, fontSize: 14 },
        components: { Table: { cellPaddingBlockSM: 6 } },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AppRouter />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </React.StrictMode>,
);
