import { ru } from '../i18n/ru';

/** A field the server named in a refusal. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A refused or failed call, with the server's Russian words when it gave them (problem+json). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly errors: FieldProblem[];
  readonly body: Record<string, unknown> | undefined;

  constructor(status: number, message: string, code?: string, errors: FieldProblem[] = [], body?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.errors = errors;
    this.body = body;
  }
}

/** What to tell a person when the server did not explain (no problem+json, or no detail). */
export function fallbackMessage(status: number): string {
  const m = ru.errors;
  if (status === 0) return m.network;
  if (status === 400) return m.badRequest;
  if (status === 401) return m.unauthenticated;
  if (status === 403) return m.forbidden;
  if (status === 404) return m.notFound;
  if (status === 409) return m.conflict;
  if (status === 412) return m.conflict;
  if (status === 413) return m.tooLarge;
  if (status === 429) return m.tooMany;
  if (status >= 500 && status !== 503) return m.server;
  if (status === 503) return m.unavailable;
  return m.unknown;
}

/** Reads a response body as a problem (RFC 9457), or falls back to plain Russian by status. */
export async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Record<string, unknown>;
      const detail = typeof body.detail === 'string' && body.detail.trim() ? body.detail : undefined;
      const code = typeof body.code === 'string' ? body.code : undefined;
      const errors = Array.isArray(body.errors)
        ? (body.errors as unknown[]).flatMap((e) => {
            const item = e as Record<string, unknown>;
            return typeof item?.field === 'string' && typeof item?.message === 'string'
              ? [{ field: item.field, message: item.message }]
              : [];
          })
        : [];
      // Spring's own texts ("Bad Request", "Forbidden") are English: keep them out of the UI.
      const message = detail && /[а-яё]/i.test(detail) ? detail : fallbackMessage(response.status);
      return new ApiError(response.status, message, code, errors, body);
    } catch {
      // not JSON after all
    }
  }
  return new ApiError(response.status, fallbackMessage(response.status));
}

/** The CSRF token the gateway keeps in a readable cookie; sent back as a header on changes. */
export function csrfToken(cookies: string = typeof document === 'undefined' ? '' : document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** ?a=1&b=x&b=y — empty values left out. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      value.forEach((v) => params.append(key, String(v)));
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

let onSessionExpired: () => void = () => {};

/** The app decides what a 401 means to the person (a dialog offering to sign in again). */
export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The header that makes a write safe to repeat: the same key and body get the first answer again (platform's IdempotencyFilter). */
export const IDEMPOTENCY_KEY = 'Idempotency-Key';

/** `{ 'Idempotency-Key': key }`, or nothing when there is no key. */
export function idempotencyHeaders(key: string | undefined, headers?: Record<string, string>): Record<string, string> | undefined {
  return key ? { ...headers, [IDEMPOTENCY_KEY]: key } : headers;
}

/** Codes of a 409 that only means "the first request with this key is still being answered": wait and ask again. */
const STILL_RUNNING = new Set(['idempotency-key-in-progress', 'idempotency-key-busy']);
const MAX_WAIT_MS = 10_000;

/** Retry-After as milliseconds (seconds or an HTTP date); 1 s when absent or unreadable; never more than 10 s. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number {
  const text = value?.trim();
  let ms = 1000;
  if (text && /^\d+(\.\d+)?$/.test(text)) ms = Number(text) * 1000;
  else if (text && !Number.isNaN(Date.parse(text))) ms = Math.max(0, Date.parse(text) - now);
  return Math.min(ms, MAX_WAIT_MS);
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * One call to the gateway: same-origin session cookie, CSRF header on changes, problem+json → ApiError.
 * A write carrying an Idempotency-Key that is told the first request with that key is still running
 * (409 `idempotency-key-in-progress`) waits for Retry-After and asks once more with the same key.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  const idempotent = Object.keys(headers).some((h) => h.toLowerCase() === IDEMPOTENCY_KEY.toLowerCase());
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(path + queryString(options.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, fallbackMessage(0));
    }
    if (response.status === 401) {
      onSessionExpired();
    }
    if (!response.ok) {
      const error = await toApiError(response);
      if (idempotent && attempt === 0 && error.status === 409 && error.code && STILL_RUNNING.has(error.code)) {
        await wait(retryAfterMs(response.headers.get('Retry-After')), options.signal);
        continue;
      }
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export const http = {
  get: <T>(path: string, query?: Record<string, QueryValue>, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) => request<T>('POST', path, { body: body ?? {}, headers }),
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) => request<T>('PATCH', path, { body, headers }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string, query?: Record<string, QueryValue>) => request<T>('DELETE', path, { query }),
};

/** The message to show for anything thrown. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && /[а-яё]/i.test(error.message)) return error.message;
  return ru.errors.unknown;
}
