import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, GATEWAY, launch, RUN, screenshot, signIn, textAppears, visible, type DealCard } from './support';

/** Who sees a manager's deal: the head of the group does, a colleague does not. */
describe('rights in the browser', () => {
  let browser: Browser;
  let deal: DealCard;
  const title = `Сделка первого менеджера ${RUN}`;

  beforeAll(async () => {
    browser = await launch();
    const manager = await signIn(browser, 'manager1', '/');
    const client = api(manager.context);
    deal = await client.post<DealCard>('/api/deals', { title });
    await client.post(`/api/deals/${deal.id}/stage`, { stage: 'qualified' });
    await manager.context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lets the head see manager1's deal and the group's stages", async () => {
    const head = await signIn(browser, 'head', `/deals/${deal.id}`);
    try {
      await textAppears(head.page.getByTestId('deal-title'), title);
      await head.page.goto(`${GATEWAY}/`);
      await visible(head.page.getByTestId('widget-stages').getByRole('row', { name: /Квалифицирован/ }));
      await screenshot(head.page, 'dashboard');
    } finally {
      await head.context.close();
    }
  });

  it("keeps manager1's deal from manager2, on the card and on the board", async () => {
    const colleague = await signIn(browser, 'manager2', `/deals/${deal.id}`);
    try {
      const { page } = colleague;
      await visible(page.getByText('Сделка не найдена или у вас нет к ней доступа'));
      expect(await page.getByTestId('deal-title').count()).toBe(0);
      await page.goto(`${GATEWAY}/deals?q=${encodeURIComponent(title)}`);
      await visible(page.getByTestId('board'));
      await textAppears(page.locator('.board-empty'), 'Под фильтр не подходит ни одна сделка');
      expect(await page.locator(`[data-deal-id="${deal.id}"]`).count()).toBe(0);
    } finally {
      await colleague.context.close();
    }
  });
});
