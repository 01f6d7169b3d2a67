// Imported by component tests (jsdom): the browser bits jsdom lacks, clean-up, and a fake gateway.
import { afterEach, vi } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Generous ceilings for waitFor/findBy: antd in jsdom is slow on a busy 2-core machine. Tests poll for a
// state and move on as soon as it is there; the ceiling only decides when a missing state is a failure.
configure({ asyncUtilTimeout: 10_000 });

// What jsdom lacks and antd reaches for.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => {}, removeListener: () => {}, addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
  }),
});
window.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as unknown as typeof ResizeObserver;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Answer = { status: number; json?: unknown; headers?: Record<string, string> };

/** What the page sent; `headers` (names in lower case) is not enumerable, so `toEqual({ method, path, body })` still holds. */
export type Sent = { method: string; path: string; body: unknown; readonly headers: Record<string, string> };

/** A stand-in for the gateway: answers by method and path (the route also gets the full URL), records what the page sent. */
export function fakeGateway(routes: Record<string, (body: unknown, url: URL) => Answer | Promise<Answer>>) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => { headers[name] = value; });
    const record = { method, path: url.pathname, body } as Sent;
    Object.defineProperty(record, 'headers', { value: headers, enumerable: false });
    sent.push(record);
    const route = routes[`${method} ${url.pathname}`];
    const answer = route ? await route(body, url) : { status: 404, json: { detail: 'нет такого пути в тесте' } };
    return new Response(answer.json === undefined ? null : JSON.stringify(answer.json), {
      status: answer.status,
      headers: { 'content-type': answer.status >= 400 ? 'application/problem+json' : 'application/json', ...answer.headers },
    });
  });
  return sent;
}
