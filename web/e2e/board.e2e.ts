import { describe, expect, it } from 'vitest';
import { api, drag, GATEWAY, gone, RUN, screenshot, signedInForTheFile, textAppears, visible, type DealCard, type Task } from './support';

/** Воронка in the browser: a new deal dragged across, a refused move, the task marks on the cards. */
describe('the board', () => {
  const manager = signedInForTheFile('manager1', '/deals');

  it('creates a deal with a new company, drags it Лид → Квалифицирован and finds it there after a reload', async () => {
    const { page } = manager;
    const dealTitle = `Металлобаза ${RUN}`;
    const companyName = `ООО Вторчермет ${RUN}`;
    await page.goto(`${GATEWAY}/deals`);
    await visible(page.getByTestId('board'));
    await page.getByTestId('new-deal').click();
    const dialog = page.getByRole('dialog', { name: 'Новая сделка' });
    await visible(dialog);
    await dialog.getByLabel('Название сделки').fill(dealTitle);
    await dialog.getByTestId('company-mode').getByText('Новая компания').click();
    const company = dialog.getByTestId('new-company');
    await company.getByLabel('Название компании').fill(companyName);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/deals') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Создать' }).click();
    const response = await created;
    expect(response.status()).toBe(201);
    const dealId = ((await response.json()) as DealCard).id;
    await gone(dialog);

    const lead = page.getByTestId('column-lead');
    const card = lead.locator(`[data-deal-id="${dealId}"]`);
    await visible(card);
    await expect(card.textContent()).resolves.toContain(companyName);

    await drag(page, card, page.getByTestId('column-qualified'));
    await visible(page.getByTestId('column-qualified').locator(`[data-deal-id="${dealId}"]`));

    await page.reload();
    await visible(page.getByTestId('column-qualified').locator(`[data-deal-id="${dealId}"]`));
    expect(await page.getByTestId('column-lead').locator(`[data-deal-id="${dealId}"]`).count()).toBe(0);
    await screenshot(page, 'board');
  });

  it("shows the server's words and puts the card back when a move is refused", async () => {
    const { page, context } = manager;
    const client = api(context);
    const title = `Уже закрытая ${RUN}`;
    const deal = await client.post<DealCard>('/api/deals', { title });
    await page.goto(`${GATEWAY}/deals?q=${encodeURIComponent(title)}`);
    const card = page.getByTestId('column-lead').locator(`[data-deal-id="${deal.id}"]`);
    await visible(card);

    // meanwhile, in another tab, the deal is closed
    await client.post(`/api/deals/${deal.id}/stage`, { stage: 'lost', lossReason: 'Сдал лом конкуренту' });

    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${deal.id}/stage`));
    await drag(page, card, page.getByTestId('column-offer'));
    const answer = await refused;
    expect(answer.status()).toBe(409);
    const detail = ((await answer.json()) as { detail: string }).detail;
    await textAppears(page.getByTestId('move-error'), detail);
    await screenshot(page, 'refused-move');
    expect(await page.getByTestId('column-offer').locator(`[data-deal-id="${deal.id}"]`).count()).toBe(0);
  });

  it('marks a deal whose nearest task is overdue in red, with the deadline in its tooltip', async () => {
    const { page, context } = manager;
    const client = api(context);
    const title = `Просроченный звонок ${RUN}`;
    const deal = await client.post<DealCard>('/api/deals', { title });
    // two hours ago, on the minute (Moscow): earlier than the stage task the new deal got by itself
    const due = new Date(Math.floor((Date.now() - 2 * 3600_000) / 60_000) * 60_000).toISOString();
    await client.post<Task>('/api/tasks', { text: `Перезвонить ${RUN}`, type: 'call', dueAt: due, link: { type: 'deal', id: deal.id } });
    const shown = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(due))
      + ' ' + new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(due));
    expect(shown).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);

    const card = page.getByTestId('column-lead').locator(`[data-deal-id="${deal.id}"]`);
    const mark = card.getByTestId('task-overdue');
    // the deal service learns the task's deadline from the task service a moment later: look again until it shows
    await expect.poll(async () => {
      await page.goto(`${GATEWAY}/deals?q=${encodeURIComponent(title)}`);
      await visible(card);
      return mark.count();
    }, { timeout: 90_000, interval: 1_000 }).toBe(1);
    expect(await mark.getAttribute('title')).toBe(`Просрочена задача: срок ${shown}`);
    expect(await card.getByTestId('task-none').count()).toBe(0);
  });
});
