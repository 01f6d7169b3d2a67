import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, http, retryAfterMs } from './http';
import { dealApi, partyApi, taskApi } from './endpoints';

type Call = { method: string; headers: Record<string, string> };

/** fetch answering from a list, recording each call's headers. */
function answers(...list: { status: number; json?: unknown; headers?: Record<string, string> }[]) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (_input: string, init: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => { headers[k] = v; });
    calls.push({ method: String(init.method), headers });
    const a = list.shift() ?? { status: 500 };
    return new Response(a.json === undefined ? null : JSON.stringify(a.json), {
      status: a.status,
      headers: { 'content-type': a.status >= 400 ? 'application/problem+json' : 'application/json', ...a.headers },
    });
  });
  return calls;
}

const inProgress = (retryAfter?: string) => ({
  status: 409,
  json: { code: 'idempotency-key-in-progress', detail: 'Такой же запрос ещё выполняется — повторите через секунду.' },
  headers: retryAfter === undefined ? undefined : { 'Retry-After': retryAfter },
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Idempotency-Key on creates', () => {
  it('each create sends the key it is given as the Idempotency-Key header, and none without one', async () => {
    const calls = answers(...Array.from({ length: 4 }, () => ({ status: 201, json: { id: 'x' } })));
    await dealApi.create({ title: 'Лом' }, { idempotencyKey: 'k-deal' });
    await taskApi.create({ text: 'Позвонить' }, { idempotencyKey: 'k-task' });
    await partyApi.create('contact', { name: 'Иван' }, { idempotencyKey: 'k-party' });
    await dealApi.create({ title: 'Лом' });
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual(['k-deal', 'k-task', 'k-party', undefined]);
  });

  it('a 409 idempotency-key-in-progress is asked again once, with the same key, after Retry-After', async () => {
    vi.useFakeTimers();
    const calls = answers(inProgress('2'), { status: 201, json: { id: 'd-1', title: 'Лом' } });
    let done = false;
    const result = dealApi.create({ title: 'Лом' }, { idempotencyKey: 'k-1' }).finally(() => { done = true; });
    await vi.advanceTimersByTimeAsync(1900);
    expect(calls).toHaveLength(1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toMatchObject({ id: 'd-1' });
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.headers['idempotency-key'])).toEqual(['k-1', 'k-1']);
  });

  it('waits 1 s when the 409 names no Retry-After', async () => {
    vi.useFakeTimers();
    const calls = answers(inProgress(), { status: 201, json: { id: 't-1' } });
    const result = taskApi.create({ text: 'Позвонить' }, { idempotencyKey: 'k-2' });
    await vi.advanceTimersByTimeAsync(900);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await expect(result).resolves.toMatchObject({ id: 't-1' });
    expect(calls).toHaveLength(2);
  });

  it('retries only once: a second 409 in progress is the error shown', async () => {
    const calls = answers(inProgress('0'), inProgress('0'), { status: 201, json: {} });
    const error = await dealApi.create({ title: 'Лом' }, { idempotencyKey: 'k-3' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('idempotency-key-in-progress');
    expect(calls).toHaveLength(2);
  });

  it('a request without an Idempotency-Key, or another 409, is not repeated', async () => {
    let calls = answers(inProgress('0'), { status: 201, json: {} });
    await expect(http.post('/api/deals/d-1/notes', { text: 'x' })).rejects.toMatchObject({ status: 409 });
    expect(calls).toHaveLength(1);
    calls = answers({ status: 409, json: { code: 'conflict', detail: 'Сделку уже изменили' } }, { status: 201, json: {} });
    await expect(dealApi.create({ title: 'Лом' }, { idempotencyKey: 'k-4' })).rejects.toMatchObject({ status: 409, message: 'Сделку уже изменили' });
    expect(calls).toHaveLength(1);
  });

  it('reads Retry-After as seconds or a date, 1 s otherwise, at most 10 s', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
    expect(retryAfterMs('600')).toBe(10_000);
    expect(retryAfterMs(new Date(5_000).toUTCString(), 3_000)).toBe(2000);
  });
});
