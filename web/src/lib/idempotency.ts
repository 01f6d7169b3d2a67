// One Idempotency-Key per opening of a form that creates something: a second click, a retry after a
// network error or a lost answer sends the same key, so the server answers it again instead of
// creating a second deal, contact, task or delivery (platform's IdempotencyFilter).
import { useEffect, useMemo, useRef } from 'react';
import { ApiError } from '../api/http';

/** A fresh key: a UUID (crypto.randomUUID only exists on https/localhost, so also from getRandomValues). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof c?.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The refusals the server keeps under a key (IdempotencyFilter.KEPT_REFUSALS): the record was not made
 * and asking again with that key only replays the refusal — a corrected form needs a new key (the same
 * key with another body is refused with 422 `idempotency-key-reused`). A network error, a 5xx, a 409 or
 * a 429 is not kept: the retry must carry the same key, the first may have gone through.
 */
export function isKeptRefusal(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.code === 'idempotency-key-reused') return false;
  return [400, 403, 404, 410, 413, 422].includes(error.status);
}

export interface IdempotencyKeys {
  /** The key of this opening (one per step when a submit makes several records: `get('company')`, `get('deal')`). */
  get(step?: string): string;
  /** A new key next time: after a success, or for one step only. */
  renew(step?: string): void;
  /** After a failed attempt: keeps the key unless the server kept a refusal under it. */
  failed(error: unknown, step?: string): void;
}

/**
 * Keys for a form that creates: the same on every submit of one opening, new when `open` turns true
 * again, after `renew()` (a success) and after a refusal the server keeps (`failed(e)`).
 */
export function useIdempotencyKey(open: boolean = true): IdempotencyKeys {
  const keys = useRef(new Map<string, string>());
  const wasOpen = useRef(open);
  useEffect(() => {
    if (open && !wasOpen.current) keys.current.clear();
    wasOpen.current = open;
  }, [open]);
  return useMemo<IdempotencyKeys>(() => ({
    get: (step = '') => {
      let key = keys.current.get(step);
      if (!key) {
        key = newIdempotencyKey();
        keys.current.set(step, key);
      }
      return key;
    },
    renew: (step) => {
      if (step === undefined) keys.current.clear();
      else keys.current.delete(step);
    },
    failed: (error, step) => {
      if (!isKeptRefusal(error)) return;
      if (step === undefined) keys.current.clear();
      else keys.current.delete(step);
    },
  }), []);
}
