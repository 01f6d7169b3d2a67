import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const GATEWAY = process.env.CRM_GATEWAY_URL ?? 'http://localhost:8080';
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

/** A person at a 1366×768 screen in Moscow signs in through Keycloak's page, as in real life. */
export async function signIn(browser: Browser, login: string, path = '/'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  await page.goto(GATEWAY + path);
  await page.locator('#username').fill(login);
  await page.locator('#password').fill(`demo-${login}`);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.toString().startsWith(GATEWAY), { timeout: 30_000 });
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
