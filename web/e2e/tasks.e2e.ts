import { describe, expect, it } from 'vitest';
import { api, GATEWAY, gone, moscowDay, moscowInstant, RUN, screenshot, signedInForTheFile, textAppears, visible, type DealCard, type Task } from './support';

/** Tasks in the browser: planned on a deal, found and completed in the calendar, moved by dragging. */
describe('tasks', () => {
  const manager = signedInForTheFile('manager1', '/tasks');

  it("plans a task on a deal, finds it in the week calendar, completes it with a result; the deal's feed shows it done", async () => {
    const { page, context } = manager;
    const dealTitle = `Металлобаза задачи ${RUN}`;
    const deal = await api(context).post<DealCard>('/api/deals', { title: dealTitle });
    const taskText = `Позвонить и уточнить объёмы ${RUN}`;
    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    await textAppears(page.getByTestId('deal-title'), dealTitle);

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
    await visible(page.getByTestId('deal-feed').locator(`[data-testid="task-row"][data-task-text="${taskText}"]`));
    await screenshot(page, 'card');

    await page.goto(`${GATEWAY}/tasks?view=calendar&cal=timeGridWeek&type=letter&q=${RUN}`);
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

    // the deal's feed shows it among what happened, with the result, no longer among the open tasks
    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    await textAppears(page.getByTestId('deal-feed').locator(`[data-testid="feed-task"][data-task-text="${taskText}"]`), 'Дозвонился');
    expect(await page.getByTestId('deal-feed').locator(`[data-testid="task-row"][data-task-text="${taskText}"]`).count()).toBe(0);
  });

  it('moves a task to another day of the week by dragging it in the calendar; after a reload it is in the new slot', async () => {
    const { page, context } = manager;
    const client = api(context);
    // a half-hour slot of its own (letters only are shown), so other tests' tasks do not crowd it
    const time = `${String(8 + (parseInt(RUN.slice(-2), 36) % 6)).padStart(2, '0')}:30`;
    const today = moscowDay();
    // the next day in the same Monday–Sunday week: tomorrow, or Saturday when today is Sunday
    const sunday = new Date(`${today}T12:00:00Z`).getUTCDay() === 0;
    const target = moscowDay(sunday ? -1 : 1);
    const text = `Отправить коммерческое ${RUN}`;
    const task = await client.post<Task>('/api/tasks', { text, type: 'letter', dueAt: moscowInstant(today, time) });

    await page.goto(`${GATEWAY}/tasks?view=calendar&cal=timeGridWeek&type=letter&q=${RUN}`);
    const calendar = page.getByTestId('task-calendar');
    const event = calendar.locator(`td.fc-timegrid-col[data-date="${today}"] [data-testid="calendar-event"]`, { hasText: text });
    await visible(event);
    await event.scrollIntoViewIfNeeded();
    const from = (await event.boundingBox())!;
    const column = (await calendar.locator(`td.fc-timegrid-col[data-date="${target}"]`).boundingBox())!;

    // grab the event near its top (its start slot) and put it down at the same height in the other day's column
    const y = from.y + 6;
    const rescheduled = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${task.id}/reschedule`));
    await page.mouse.move(from.x + from.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, y, { steps: 3 });
    await page.mouse.move(column.x + column.width / 2, y, { steps: 15 });
    await page.mouse.up();
    expect((await rescheduled).status()).toBe(200);
    await textAppears(page.locator('.ant-message'), 'Задача перенесена');

    // the server has the new due: the same time, the other day
    await expect.poll(async () => Date.parse((await client.get<Task>(`/api/tasks/${task.id}`)).dueAt ?? ''), { timeout: 60_000 })
      .toBe(Date.parse(moscowInstant(target, time)));

    await page.reload();
    const moved = calendar.locator(`td.fc-timegrid-col[data-date="${target}"] [data-testid="calendar-event"]`, { hasText: text });
    await visible(moved);
    expect(await calendar.locator(`td.fc-timegrid-col[data-date="${today}"] [data-testid="calendar-event"]`, { hasText: text }).count()).toBe(0);
    await moved.scrollIntoViewIfNeeded();
    const slot = (await calendar.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`).boundingBox())!;
    const landed = (await moved.boundingBox())!;
    expect(Math.abs(landed.y - slot.y)).toBeLessThanOrEqual(slot.height / 2);
    await screenshot(page, 'calendar-moved');
  });

  it('shows a crowded hour as its first tasks and «ещё N», which opens the list of that hour with every one of them', async () => {
    const { page, context } = manager;
    const client = api(context);
    const label = `Обзвон ${RUN}`;
    // a Wednesday far ahead, opened by the calendar's ?date=; ten in the morning, five calls in one hour
    const day = '2031-06-11';
    for (let i = 0; i < 5; i++) {
      await client.post<Task>('/api/tasks', { text: `${label} №${i + 1}`, type: 'call', dueAt: moscowInstant(day, `10:${String(i * 10).padStart(2, '0')}`) });
    }

    await page.goto(`${GATEWAY}/tasks?view=calendar&cal=timeGridWeek&date=${day}&q=${encodeURIComponent(label)}`);
    const column = page.getByTestId('task-calendar').locator(`td.fc-timegrid-col[data-date="${day}"]`);
    await expect.poll(() => column.locator('[data-testid="calendar-event"]').count(), { timeout: 30_000 }).toBe(3);
    const more = column.locator('[data-testid="calendar-more"]');
    await textAppears(more, 'ещё 2 задачи');
    await screenshot(page, 'calendar-more');

    await more.click();
    await expect.poll(() => Date.parse(new URL(page.url()).searchParams.get('dueFrom') ?? ''), { timeout: 20_000 })
      .toBe(Date.parse(moscowInstant(day, '10:00')));
    const list = page.getByTestId('task-list');
    await expect.poll(() => list.locator('[data-task-text^="Обзвон"]').count(), { timeout: 30_000 }).toBe(5);
    expect(await list.getByTestId('task-group-total').allInnerTexts()).toContain('5');
  });
});
