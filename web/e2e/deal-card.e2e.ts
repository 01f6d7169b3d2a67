import { describe, expect, it } from 'vitest';
import { api, GATEWAY, gone, RUN, screenshot, signedInForTheFile, textAppears, visible, type DealCard, type HistoryEntry, type Task } from './support';

/** The deal card's feed: notes like a chat, and rule 3 ("Нет задач") at its top. */
describe('the deal feed', () => {
  const manager = signedInForTheFile('manager1', '/deals');

  it('writes a note (Shift+Enter for a new line, Enter to send) and finds it in the feed after a reload', async () => {
    const { page, context } = manager;
    const client = api(context);
    const deal = await client.post<DealCard>('/api/deals', { title: `Примечания ${RUN}` });
    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    const feed = page.getByTestId('deal-feed');
    await visible(feed.locator('[data-testid="feed-change"][data-type="DealCreated"]'));

    const first = `Везёт 20 т в месяц ${RUN}`;
    const second = 'просит цену на 500 ₽/т выше';
    const input = feed.getByTestId('note-input');
    await input.click();
    await input.pressSequentially(first);
    await input.press('Shift+Enter');
    await input.pressSequentially(second);
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${deal.id}/notes`) && r.request().method() === 'POST');
    await input.press('Enter');
    // on screen at once, the input empty for the next one
    await textAppears(feed.getByTestId('feed-note'), first);
    expect(await input.inputValue()).toBe('');
    const answer = await sent;
    expect(answer.status()).toBe(201);
    expect(((await answer.json()) as HistoryEntry).changes.text?.to).toBe(`${first}\n${second}`);

    await page.reload();
    const note = feed.getByTestId('feed-note').filter({ hasText: first });
    await visible(note);
    expect(await note.locator('.feed-bubble-text').innerText()).toBe(`${first}\n${second}`);
    expect(await note.textContent()).toContain('Павел Первов');
    expect(await note.getAttribute('data-pending')).toBeNull();
    // newest at the bottom: the note comes after the deal's creation
    const order = await feed.locator('[data-testid="feed-change"], [data-testid="feed-note"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order.indexOf('feed-note')).toBeGreaterThan(0);
    const history = await client.get<{ items: HistoryEntry[] }>(`/api/deals/${deal.id}/history`);
    expect(history.items.filter((e) => e.type === 'DealNoteAdded').map((e) => e.changes.text?.to)).toEqual([`${first}\n${second}`]);
    await screenshot(page, 'card-note');
  });

  it("warns at the top of the feed when the deal has no open task, and «Поставить задачу» plans one", async () => {
    const { page, context } = manager;
    const client = api(context);
    const deal = await client.post<DealCard>('/api/deals', { title: `Без задачи ${RUN}` });
    // the stage task the new deal gets by itself: completed, so nothing is planned any more
    await expect.poll(async () => (await client.get<{ items: Task[] }>(`/api/tasks?dealId=${deal.id}&status=open&status=overdue`)).items.length, { timeout: 60_000 })
      .toBeGreaterThan(0);
    for (const task of (await client.get<{ items: Task[] }>(`/api/tasks?dealId=${deal.id}&status=open&status=overdue`)).items) {
      await client.post(`/api/tasks/${task.id}/complete`, { result: 'Не дозвонился, клиент сам перезвонит' });
    }
    await expect.poll(async () => (await client.get<DealCard & { hasOpenTask: boolean | null }>(`/api/deals/${deal.id}`)).hasOpenTask, { timeout: 60_000 }).toBe(false);

    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    const banner = page.getByTestId('no-task-banner');
    await textAppears(banner, 'Нет задач');
    await banner.getByTestId('set-task').click();
    const dialog = page.getByRole('dialog', { name: 'Новая задача' });
    await visible(dialog);
    await dialog.getByTestId('task-text').fill(`Перезвонить в пятницу ${RUN}`);
    await dialog.getByTestId('task-save').click();
    await gone(dialog);
    await gone(banner);
    await visible(page.getByTestId('deal-feed').locator(`[data-testid="task-row"][data-task-text="Перезвонить в пятницу ${RUN}"]`));
  });

  it('keeps typed анкета answers: the unsaved bar, a prompt before leaving that saves, and the feed in Russian words', async () => {
    const { page, context } = manager;
    const client = api(context);
    const deal = await client.post<DealCard>('/api/deals', { title: `Анкета ${RUN}` });
    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    const fields = page.getByTestId('deal-fields');
    await visible(fields);

    await fields.getByLabel('Какой лом').fill(`Чугун и 3А ${RUN}`);
    await fields.getByText('Вывоз', { exact: true }).click();
    await visible(page.getByTestId('unsaved-bar'));

    // leaving through the sidebar asks first; «Сохранить» saves and then goes on
    await page.locator('nav.sidebar').getByRole('link', { name: 'Задачи' }).click();
    const prompt = page.getByTestId('unsaved-prompt');
    await visible(prompt);
    await textAppears(page.getByRole('dialog'), 'Сохранить изменения?');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/deals/${deal.id}`) && r.request().method() === 'PATCH');
    await prompt.getByTestId('unsaved-save').click();
    expect((await saved).status()).toBe(200);
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toBe('/tasks');
    const card = await client.get<DealCard & { details: { questionnaire: { scrapType: string; delivery: string } } }>(`/api/deals/${deal.id}`);
    expect(card.details.questionnaire.scrapType).toBe(`Чугун и 3А ${RUN}`);
    expect(card.details.questionnaire.delivery).toBe('pickup');

    // what changed reads as people say it: no field keys, no code values
    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    const feed = page.getByTestId('deal-feed');
    const change = feed.locator('[data-testid="feed-change"][data-type="DealUpdated"]');
    await textAppears(change, 'Анкета: какой лом');
    const words = await feed.innerText();
    expect(words).toContain('Вывоз');
    expect(words).not.toMatch(/questionnaire|scrapType|pickup|\b[a-z]+\.[a-zA-Z]+\b/);
  });

  it('shows every column of the deliveries at 1366 px, the price and the amount included, none cut off', async () => {
    const { page, context } = manager;
    const client = api(context);
    const deal = await client.post<DealCard>('/api/deals', { title: `Поставки ${RUN}` });
    await client.post(`/api/deals/${deal.id}/deliveries`, {
      deliveredAt: new Date(Date.now() - 3_600_000).toISOString(), weightKg: '40000', grade: 'Нержавеющая сталь',
      pricePerTonne: '125000', ticketNo: `ВС-${RUN}`,
    });
    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    const table = page.getByTestId('deliveries').locator('.deliveries-table');
    await visible(table.locator('tbody tr.ant-table-row'));
    await table.scrollIntoViewIfNeeded();

    const frame = (await table.boundingBox())!;
    const headers = table.locator('thead th');
    expect(await headers.count()).toBeGreaterThanOrEqual(5);
    for (const header of await headers.all()) {
      const box = (await header.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(frame.x - 1);
      expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 1);
    }
    // nothing to scroll to: the table is as wide as its frame
    expect(await table.locator('.ant-table-content, .ant-table-body').first().evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    const row = await table.locator('tbody tr.ant-table-row').first().innerText();
    expect(row).toMatch(/5\s000\s000/); // 40 т × 125 000 ₽/т
    expect(row).toMatch(/125\s000/);
    await screenshot(page, 'card-deliveries');
  });
});
