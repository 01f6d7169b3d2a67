import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const GATEWAY = process.env.CRM_GATEWAY_URL ?? 'http://localhost:8080';
/** Where to sign in: the gateway (Keycloak sends people back there) — also when the pages come from `npm run dev`. */
const SIGN_IN = process.env.CRM_SIGN_IN_URL ?? GATEWAY;
const CHROMIUM = process.env.CRM_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = process.env.CRM_SCREENSHOTS ?? join(process.cwd(), '..', '.crm', 'screenshots');

/** Something unique to this run, so tests never trip over data of an earlier run. */
export const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A test file's browser and the one person signed in for all its tests. */
export interface SignedIn {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the hooks every browser test file needs: a browser and `login` signed in at `path`
 * before the tests, a screenshot of their page when a test fails, the browser closed after.
 * The returned object is filled in before the first test runs.
 */
export function signedInForTheFile(login: string, path = '/', options: { phone?: boolean } = {}): SignedIn {
  const session = {} as SignedIn;
  beforeAll(async () => {
    session.browser = await launch();
    Object.assign(session, await signIn(session.browser, login, path, options));
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && session.page) await screenshot(session.page, `failed-${context.task.name.slice(0, 40)}`);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

/** The phone at the yard: 390×844, touch. */
export const PHONE = { width: 390, height: 844 };

/**
 * A person at a 1366×768 screen in Moscow (or at a phone, `{ phone: true }`) signs in through
 * Keycloak's page, as in real life.
 */
export async function signIn(browser: Browser, login: string, path = '/', options: { phone?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.phone ? PHONE : { width: 1366, height: 768 },
    isMobile: !!options.phone,
    hasTouch: !!options.phone,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(SIGN_IN + path);
  await page.locator('#username').fill(login);
  await page.locator('#password').fill(`demo-${login}`);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.toString().startsWith(SIGN_IN), { timeout: 30_000 });
  if (SIGN_IN !== GATEWAY) await page.goto(GATEWAY + path); // the session cookie is for the host, whatever the port
  await visible(page.getByRole('navigation', { name: 'Разделы' }));
  return { context, page };
}

export async function visible(locator: Locator, timeout = 20_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator;
}

export async function gone(locator: Locator, timeout = 20_000): Promise<void> {
  await locator.first().waitFor({ state: 'hidden', timeout });
}

/** Waits until the page's text holds `text` somewhere inside `scope`. */
export async function textAppears(scope: Locator, text: string | RegExp, timeout = 20_000): Promise<void> {
  await scope.filter({ hasText: text }).first().waitFor({ state: 'visible', timeout });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // let entering toasts and dialogs finish their (finite) animations, so the picture shows them
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    undefined, { timeout: 5_000 },
  ).catch(() => undefined);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The API as the signed-in browser calls it: its session cookie and the CSRF header. */
export function api(context: BrowserContext) {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const cookies = await context.cookies(GATEWAY);
    const xsrf = cookies.find((c) => c.name === 'XSRF-TOKEN')?.value;
    const response = await context.request.fetch(GATEWAY + path, {
      method,
      data: body === undefined ? undefined : JSON.stringify(body),
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(xsrf ? { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) } : {}) },
    });
    const text = await response.text();
    if (!response.ok()) throw new Error(`${method} ${path} → ${response.status()}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
    patch: <T>(path: string, body: unknown) => call<T>('PATCH', path, body),
  };
}

/** Drags with a real pointer in small steps (what dnd-kit listens to), from one element onto another. */
export async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag: element not on screen');
  await page.mouse.move(a.x + a.width / 2, a.y + Math.min(20, a.height / 2));
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + 24, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(120, b.height / 2), { steps: 12 });
  await page.mouse.up();
}

export interface DealCard { id: string; title: string; stage: string; tags: string[]; closed: boolean }

export interface Task { id: string; text: string; dueAt: string | null; dueDate: string | null; status: string; result: string | null }

export interface HistoryEntry { at: string; type: string; actor: { id: string; name: string } | null; changes: Record<string, { from?: unknown; to?: unknown }> }

/** A Moscow calendar day (yyyy-MM-dd), `offset` days from today. */
export function moscowDay(offset = 0, now = new Date()): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
}

/** A Moscow wall-clock time on a day as an ISO instant (Moscow is UTC+3 all year). */
export function moscowInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+03:00`).toISOString();
}

/**
 * What sticks out of the screen sideways: the page's width, and every visible element whose right
 * edge is past the viewport without a scroller of its own to hold it (a table or the board
 * scrolling inside itself is fine; a header cut off by the app's frame is not).
 */
export async function horizontalOverflow(page: Page): Promise<{ width: number; scrollWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const frame = ['app-frame', 'app-main', 'page', 'page-body', 'card-columns', 'card-left', 'card-right'];
    const isFrame = (el: Element) => el === document.documentElement || el === document.body || el.id === 'root' || frame.some((c) => el.classList.contains(c));
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.classList.length ? `.${[...el.classList].filter((c) => !c.startsWith('css-')).join('.')}` : ''}`
      + `${(el as HTMLElement).dataset?.testid ? `[${(el as HTMLElement).dataset.testid}]` : ''}`;
    const offenders: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      let held = false;
      for (let a = el.parentElement; a && !held; a = a.parentElement) {
        held = !isFrame(a) && getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= width + 1;
      }
      if (!held) offenders.push(`${el.parentElement ? name(el.parentElement) : ''} > ${name(el)} (right edge ${Math.round(box.right)} px)`);
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, offenders };
  });
}

/** A finger swipe (real touch events, as the phone sends them) from one point to another. */
export async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point?: { x: number; y: number }) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [point] : [] });
  await touch('touchStart', from);
  const steps = 24;
  for (let i = 1; i <= steps; i++) {
    await touch('touchMove', { x: from.x + ((to.x - from.x) * i) / steps, y: from.y + ((to.y - from.y) * i) / steps });
  }
  await touch('touchEnd');
  await cdp.detach();
}
