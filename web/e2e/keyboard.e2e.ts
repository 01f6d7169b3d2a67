import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { GATEWAY, launch, signIn, visible } from './support';

/** "/" focuses the section's search box, on every section page that has one. */
describe('keyboard', () => {
  let browser: Browser;
  let manager: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    browser = await launch();
    manager = await signIn(browser, 'manager1', '/');
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const [section, path, label] of [
    ['Сделки', '/deals', 'Поиск и фильтр'],
    ['Сделки, список', '/deals?view=list', 'Поиск и фильтр'],
    ['Задачи', '/tasks', 'Поиск по тексту'],
    ['Списки', '/lists/companies', 'Поиск: имя, телефон, e-mail, ИНН'],
  ] as const) {
    it(`"/" focuses the search on ${section}`, async () => {
      const { page } = manager;
      await page.goto(GATEWAY + path);
      await visible(page.getByPlaceholder(label, { exact: true }));
      await page.locator('.page-header').click({ position: { x: 2, y: 2 } }); // nothing focused
      expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder') ?? null)).not.toBe(label);
      await page.keyboard.press('/');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('placeholder') ?? null)).toBe(label);
      // and the "/" is not typed into it
      expect(await page.getByPlaceholder(label, { exact: true }).inputValue()).toBe('');
    });
  }
});
