import { beforeAll, describe, expect, it } from 'vitest';
import { api, GATEWAY, horizontalOverflow, PHONE, RUN, screenshot, signedInForTheFile, swipe, visible, type DealCard } from './support';

/** A phone at the yard (390×844, touch): nothing wider than the screen, the board swipes column by column, the card stacks. */
describe('on a phone', () => {
  const manager = signedInForTheFile('manager1', '/', { phone: true });
  let deal: DealCard;

  /** The company's phone as the card shows it (a number no earlier run has used). */
  let companyPhone: string;

  beforeAll(async () => {
    const client = api(manager.context);
    const e164 = `+7985${String(Date.now()).slice(-7)}`;
    companyPhone = `+7 ${e164.slice(2, 5)} ${e164.slice(5, 8)}-${e164.slice(8, 10)}-${e164.slice(10, 12)}`;
    const company = await client.post<{ id: string }>('/api/companies', { name: `ООО Вторсырьё у переезда ${RUN}`, phones: [e164] });
    const contact = await client.post<{ id: string }>('/api/contacts', { name: `Константин Константинопольский-Длинноименный ${RUN}` });
    deal = await client.post<DealCard>('/api/deals', {
      title: `Пункт приёма у переезда, лом 3А и 5А ${RUN}`, companyId: company.id, contactId: contact.id,
    });
  });

  it('shows the board without anything sticking out sideways, and a swipe snaps to the next column', async () => {
    const { page } = manager;
    await page.goto(`${GATEWAY}/deals`);
    const board = page.getByTestId('board');
    await visible(board.locator(`[data-deal-id="${deal.id}"]`));

    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    expect(overflow.offenders).toEqual([]);
    await screenshot(page, 'mobile-board');

    // the columns are wider together than the screen: a swipe on a card scrolls the board, and it comes to rest on a column's edge
    const columns = await board.evaluate((b) => ({
      scrollable: b.scrollWidth > b.clientWidth,
      snap: getComputedStyle(b).scrollSnapType,
      starts: [...b.querySelectorAll<HTMLElement>('.board-column')].map((c) => c.offsetLeft - b.querySelector<HTMLElement>('.board-column')!.offsetLeft),
    }));
    expect(columns.scrollable).toBe(true);
    expect(columns.snap).toMatch(/^x/);
    const card = (await board.locator(`[data-deal-id="${deal.id}"]`).boundingBox())!;
    await swipe(page, { x: card.x + card.width - 10, y: card.y + card.height / 2 }, { x: card.x + 10, y: card.y + card.height / 2 });
    await expect.poll(() => board.evaluate((b) => b.scrollLeft), { timeout: 10_000 }).toBeGreaterThan(0);
    // settled on a column: the second one starts where the first one did
    await expect.poll(async () => {
      const left = await board.evaluate((b) => b.scrollLeft);
      return columns.starts.some((start) => Math.abs(start - left) <= 2);
    }, { timeout: 10_000 }).toBe(true);
    // a swipe is a scroll, not a drag
    expect(await page.getByTestId('drop-zones').count()).toBe(0);
  });

  it('stacks the deal card: fields over the feed, nothing sticking out sideways', async () => {
    const { page } = manager;
    await page.goto(`${GATEWAY}/deals/${deal.id}`);
    const feed = page.getByTestId('deal-feed');
    await visible(feed.locator('[data-testid="feed-change"]'));
    await visible(page.getByTestId('stage-stepper'));

    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    expect(overflow.offenders).toEqual([]);
    const fields = (await page.locator('.card-left').boundingBox())!;
    const feedBox = (await feed.boundingBox())!;
    expect(fields.y + fields.height).toBeLessThanOrEqual(feedBox.y + 1);
    expect(feedBox.width).toBeGreaterThan(PHONE.width * 0.7);

    // the company's phone stays on one line (it used to break one digit group per line)
    const phoneLink = page.getByTestId('deal-company').getByTestId('party-phone');
    await visible(phoneLink);
    expect(await phoneLink.textContent()).toBe(companyPhone);
    const phoneBox = (await phoneLink.boundingBox())!;
    const lineHeight = await phoneLink.evaluate((a) => parseFloat(getComputedStyle(a).lineHeight) || parseFloat(getComputedStyle(a).fontSize) * 1.6);
    expect(phoneBox.height).toBeLessThanOrEqual(lineHeight * 1.3);
    // the contact's long name does not run into «Изменить»
    const contactBlock = page.getByTestId('deal-contact');
    const name = (await contactBlock.locator('.party-name').boundingBox())!;
    const edit = (await contactBlock.getByRole('button', { name: 'Изменить' }).boundingBox())!;
    const overlaps = name.x < edit.x + edit.width && edit.x < name.x + name.width && name.y < edit.y + edit.height && edit.y < name.y + name.height;
    expect(overlaps).toBe(false);
    await screenshot(page, 'mobile-card');
  });

  it('fits Задачи on the screen: a task row with «Выполнить» and «Перенести» inside it, nothing sticking out sideways', async () => {
    const { page, context } = manager;
    const text = `Позвонить с площадки ${RUN}`;
    await api(context).post('/api/tasks', { text, type: 'call', dueAt: new Date(Date.now() + 3_600_000).toISOString() });
    await page.goto(`${GATEWAY}/tasks?q=${encodeURIComponent(text)}`);
    const row = page.locator(`[data-task-text="${text}"]`).first();
    await visible(row);

    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(PHONE.width);
    expect(overflow.offenders).toEqual([]);
    for (const name of ['Выполнить', 'Перенести']) {
      const button = (await row.getByRole('button', { name }).first().boundingBox())!;
      expect(button.x).toBeGreaterThanOrEqual(0);
      expect(button.x + button.width).toBeLessThanOrEqual(PHONE.width);
    }
    await screenshot(page, 'mobile-tasks');
  });
});
