import { StrictMode, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { ConfigProvider, unstableSetRender } from 'antd-mobile';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { ApiError } from './api/client';
import './styles.css';

// antd-mobile's Toast and Dialog render outside the tree: give them React 19's createRoot.
unstableSetRender((node, container) => {
  const c = container as (Element | DocumentFragment) & { _root?: Root };
  c._root ??= createRoot(c);
  c._root.render(node);
  return async () => {
    await new Promise((r) => setTimeout(r, 0));
    c._root?.unmount();
    delete c._root;
  };
});

/**
 * Starts one of the two phone apps built from this package (the member app under /member/, the
 * merchant app under /merchant/): the same providers, query defaults and styles, its own routes.
 */
export function mountApp(basename: string, routes: ReactNode) {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change on retry; network trouble and 5xx are retried twice (slow mobile networks).
        retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        gcTime: 10 * 60_000,
      },
    },
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ConfigProvider locale={zhCN}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter basename={basename}>{routes}</BrowserRouter>
        </QueryClientProvider>
      </ConfigProvider>
    </StrictMode>,
  );
}
