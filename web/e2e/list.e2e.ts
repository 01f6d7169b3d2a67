import { describe, it } from 'vitest';
import { api, GATEWAY, RUN, screenshot, signedInForTheFile, textAppears, visible } from './support';

/** Список: bulk actions with a result per deal. */
describe('the deal list', () => {
  const manager = signedInForTheFile('manager1', '/deals?view=list');

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
});
