import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api, drag, gone, GATEWAY, launch, RUN, screenshot, signIn, textAppears, visible, type DealCard } from './support';

/**
 * A manager's day in the browser, through the gateway with a real Keycloak sign-in:
 * a deal with a new company, moved on the board; bulk tags in the list; a task planned,
 * found in the week calendar and completed; rights of a head and a colleague; a refused move.
 */
describe('sales manager in the browser', () => {
  let browser: Browser;
  let manager: { context: BrowserContext; page: Page };
  let dealId = '';
  const dealTitle = `Металлобаза ${RUN}`;
  const companyName = `ООО Вторчермет ${RUN}`;

  beforeAll(async () => {
    browser = await launch();
    manager = await signIn(browser, 'manager1', '/deals');
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && manager) await screenshot(manager.page, `failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a deal with a new company, drags it Лид → Квалифицирован and finds it there after a reload', async () => {
    const { page } = manager;
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
    dealId = ((await response.json()) as DealCard).id;
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

  it('adds a tag to two deals at once in the list view, each with its own result', async () => {
    const { page, context } = manager;
    const client = api(context);
    const titles = [`Пункт приёма А ${RUN}`, `Пункт приёма Б ${RUN}`];
    for (const title of titles) await client.post('/api/deals', { title });

    await page.goto(`${GATEWAY}/deals?view=list&q=${encodeURIComponent(RUN)}`);
    const list = page.getByTestId('deal-list');
    for (const title of titles) await visible(list.getByRole('row', { name: new RegExp(title) }));
    for (const title of titles) await list.getByRole('row', { name: new RegExp(title) }).getByRole('checkbox').check();
    await visible(page.getByTestId('bulk-bar'));
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Добавить теги' }).click();
    const dialog = page.getByRole('dialog', { name: /Добавить теги/ });
    await visible(dialog);
    await dialog.getByRole('combobox').fill('#нужна доставка денег');
    await dialog.getByRole('combobox').press('Enter');
    await dialog.getByText(/Добавить теги —/).click(); // closes the tag list
    await textAppears(dialog.locator('.ant-select-selection-item'), '#нужна доставка денег');
    await dialog.getByRole('button', { name: 'Применить' }).click();

    const results = page.getByRole('dialog', { name: 'Результат' });
    await textAppears(results, 'Готово: 2');
    for (const title of titles) await textAppears(results.getByRole('row'), title);
    await results.getByRole('button', { name: 'Закрыть' }).click();
    for (const title of titles) await textAppears(list.getByRole('row', { name: new RegExp(title) }), '#нужна доставка денег');
    await screenshot(page, 'list');
  });

  it('plans a task on the deal, finds it in the week calendar and completes it with a result', async () => {
    const { page } = manager;
    const taskText = `Позвонить и уточнить объёмы ${RUN}`;
    await page.goto(`${GATEWAY}/deals/${dealId}`);
    await textAppears(page.getByTestId('deal-title'), dealTitle);
    await textAppears(page.getByTestId('deal-company'), companyName);

    await page.getByTestId('add-task').click();
    const dialog = page.getByRole('dialog', { name: 'Новая задача' });
    await visible(dialog);
    await dialog.getByTestId('task-text').fill(taskText);
    // a letter: the week calendar is then filtered to letters, clear of the many calls other tests plan
    await dialog.locator('.ant-select').filter({ has: page.locator('#type') }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Письмо' }).click();
    // today 12:00 Moscow: always inside this week's calendar
    const today = new Intl.DateTimeFormat('ru-RU', { timeZone: 'Europe/Moscow', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date());
    const due = dialog.getByLabel('Срок');
    await due.click();
    await due.fill(`${today} 12:00`);
    await due.press('Enter');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/tasks') && r.request().method() === 'POST');
    await dialog.getByTestId('task-save').click();
    expect((await saved).status()).toBe(201);
    await gone(dialog);
    await visible(page.getByTestId('linked-tasks').locator(`[data-task-text="${taskText}"]`));
    await screenshot(page, 'card');

    await page.goto(`${GATEWAY}/tasks?view=calendar&cal=timeGridWeek&type=letter`);
    const event = page.getByTestId('task-calendar').locator('[data-testid="calendar-event"]', { hasText: taskText });
    await visible(event);
    await screenshot(page, 'calendar');

    await event.click();
    const card = page.getByRole('dialog', { name: 'Задача' });
    await visible(card);
    await card.getByTestId('complete-task').click();
    const form = page.getByTestId('complete-form');
    await visible(form);
    await form.getByLabel('Результат').fill('Дозвонился: везут 20 т в месяц, 3А');
    const completed = page.waitForResponse((r) => r.url().includes('/complete') && r.request().method() === 'POST');
    await form.getByLabel('Результат').press('Enter');
    expect((await completed).status()).toBe(200);
    await textAppears(page.locator('.ant-message'), 'Задача выполнена');

    // the deal's feed shows it as done, with the result
    await page.goto(`${GATEWAY}/deals/${dealId}`);
    await textAppears(page.getByTestId('deal-feed').locator(`[data-testid="feed-task"][data-task-text="${taskText}"]`), 'Дозвонился');
  });

  it("lets the head see manager1's deal, but not manager2", async () => {
    const head = await signIn(browser, 'head', `/deals/${dealId}`);
    await textAppears(head.page.getByTestId('deal-title'), dealTitle);
    await head.page.goto(`${GATEWAY}/`);
    await visible(head.page.getByTestId('widget-stages').getByRole('row', { name: /Квалифицирован/ }));
    await screenshot(head.page, 'dashboard');
    await head.context.close();

    const colleague = await signIn(browser, 'manager2', `/deals/${dealId}`);
    await visible(colleague.page.getByText('Сделка не найдена или у вас нет к ней доступа'));
    expect(await colleague.page.getByTestId('deal-title').count()).toBe(0);
    await colleague.page.goto(`${GATEWAY}/deals?q=${encodeURIComponent(dealTitle)}`);
    await visible(colleague.page.getByTestId('board'));
    await textAppears(colleague.page.locator('.board-empty'), 'Под фильтр не подходит ни одна сделка');
    expect(await colleague.page.locator(`[data-deal-id="${dealId}"]`).count()).toBe(0);
    await colleague.context.close();
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
});
