import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { api, GATEWAY, launch, screenshot, signIn, visible } from '../support';

/**
 * Board of 1,000 deals: time from navigation to an interactive board (every column drawn, the
 * first cards draggable), cold (first visit: the app's files downloaded) and warm (files cached).
 * Seeds a dedicated funnel once (admin), so nothing else on the system is disturbed.
 * Run on demand: npm run bench:board (against ./crm up).
 */
const FUNNEL = 'bench_board';
const DEALS = 1000;
const SPREAD: [string, number][] = [['lead', 400], ['qualified', 250], ['offer', 150], ['first_delivery', 120], ['repeat_deliveries', 80]];

describe('board of 1,000 deals', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens interactive fast enough for all-day work', { timeout: 900_000 }, async () => {
    const admin = await signIn(browser, 'admin');
    const client = api(admin.context);
    const funnels = await client.get<{ items: { code: string }[] }>('/api/funnels');
    if (!funnels.items.some((f) => f.code === FUNNEL)) {
      await client.post('/api/funnels', {
        code: FUNNEL, name: 'Бенчмарк доски', closable: true,
        stages: SPREAD.map(([code], i) => ({ code, name: ['Лид', 'Квалифицирован', 'Сделано предложение', 'Первая поставка', 'Повторные поставки'][i] })),
      });
    }
    const board = await client.get<{ stages: { count: number }[] }>(`/api/funnels/${FUNNEL}/board?limit=1`);
    let have = board.stages.reduce((n, s) => n + s.count, 0);
    const seedStart = Date.now();
    const jobs: { stage: string; n: number }[] = [];
    let n = 0;
    for (const [stage, count] of SPREAD) for (let i = 0; i < count; i++) jobs.push({ stage, n: ++n });
    const todo = jobs.slice(have);
    const tags = ['#долгая оплата', '#нужна доставка денег', '#низкая цена'];
    for (let i = 0; i < todo.length; i += 8) {
      await Promise.all(todo.slice(i, i + 8).map(async (job) => {
        const deal = await client.post<{ id: string }>('/api/deals', {
          title: `Бенч доски ${job.n}`, funnel: FUNNEL, stage: job.stage, expectedMonthlyVolumeT: (job.n % 40) + 0.5,
        });
        if (job.n % 3 === 0) await client.post(`/api/deals/${deal.id}/tags`, { tags: [tags[job.n % tags.length]] });
      }));
    }
    have += todo.length;
    console.log(`seeded ${todo.length} deals in ${Date.now() - seedStart} ms; funnel ${FUNNEL} holds ${have}`);
    expect(have).toBeGreaterThanOrEqual(DEALS);

    const measure = async (label: string, cold: boolean) => {
      const context = cold ? await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow', storageState: await admin.context.storageState() }) : admin.context;
      const page = cold ? await context.newPage() : admin.page;
      const start = Date.now();
      await page.goto(`${GATEWAY}/deals?funnel=${FUNNEL}`);
      await visible(page.getByTestId('column-repeat_deliveries').getByTestId('deal-card'), 60_000);
      await visible(page.getByTestId('column-lead').getByTestId('deal-card'), 60_000);
      const wall = Date.now() - start;
      const inPage = await page.evaluate(() => Math.round(performance.now()));
      const cards = await page.getByTestId('deal-card').count();
      const summary = await page.getByTestId('summary-lead').textContent();
      console.log(`${label}: interactive in ${wall} ms (performance.now ${inPage} ms), ${cards} cards drawn, Лид: ${summary}`);
      if (cold) await context.close();
      return { wall, cards };
    };
    const cold = await measure('cold (no cache)', true);
    await admin.page.goto(`${GATEWAY}/deals?funnel=${FUNNEL}`);
    await visible(admin.page.getByTestId('deal-card'), 60_000);
    const warm = await measure('warm (app cached)', false);
    await screenshot(admin.page, 'board-1000');
    expect(cold.cards).toBeGreaterThan(0);
    expect(warm.wall).toBeLessThan(10_000);
  });
});
