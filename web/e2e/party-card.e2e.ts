import { describe, expect, it } from 'vitest';
import { api, GATEWAY, gone, RUN, screenshot, signedInForTheFile, textAppears, visible } from './support';

interface Party { id: string; name: string; owner: { id: string; name: string | null }; card: { phones: string[] }; mergedInto: string | null }
interface PartyHistoryEntry { at: string; type: string; actor: { name: string | null } | null; change: Record<string, unknown>; partyId: string }
interface User { id: string; username: string | null; name: string | null }

/** A phone no earlier run has used: +7 9xx and seven digits of this run's clock. */
function phone(prefix: '916' | '926' | '985'): string {
  return `+7${prefix}${String(Date.now()).slice(-7)}`;
}

/** "+79161234567" → "+7 916 123-45-67", as the card shows it. */
function shown(e164: string): string {
  return `+7 ${e164.slice(2, 5)} ${e164.slice(5, 8)}-${e164.slice(8, 10)}-${e164.slice(10, 12)}`;
}

/** The contact and company card as a head uses it: notes in the feed, an owner change with a reason, merging duplicates. */
describe('the contact and company card', () => {
  const head = signedInForTheFile('head', '/lists/contacts');

  it("writes a note on a contact's card and finds it in the feed after a reload", async () => {
    const { page, context } = head;
    const client = api(context);
    const contact = await client.post<Party>('/api/contacts', { name: `Николай Примечаев ${RUN}`, phones: [phone('985')] });
    await page.goto(`${GATEWAY}/contacts/${contact.id}`);
    const feed = page.getByTestId('party-feed');
    await visible(feed.locator('[data-testid="feed-change"][data-type="ContactCreated"]'));

    const text = `Привезёт 5 т 3А в пятницу ${RUN}`;
    const input = feed.getByTestId('note-input');
    await input.click();
    await input.pressSequentially(text);
    const sent = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${contact.id}/notes`) && r.request().method() === 'POST');
    await input.press('Enter');
    await textAppears(feed.getByTestId('feed-note'), text);
    expect(await input.inputValue()).toBe('');
    expect((await sent).status()).toBe(201);

    await page.reload();
    const note = feed.getByTestId('feed-note').filter({ hasText: text });
    await visible(note);
    expect(await note.locator('.feed-bubble-text').innerText()).toBe(text);
    expect(await note.textContent()).toContain('Ирина Руководова');
    expect(await note.getAttribute('data-pending')).toBeNull();
    const history = await client.get<{ items: PartyHistoryEntry[] }>(`/api/contacts/${contact.id}/history`);
    expect(history.items.filter((e) => e.type === 'PartyNoteAdded').map((e) => e.change.text)).toEqual([text]);
  });

  it("hands a company to another manager with a reason; the feed shows who, to whom and why", async () => {
    const { page, context } = head;
    const client = api(context);
    const users = (await client.get<{ items: User[] }>('/api/users')).items;
    const manager1 = users.find((u) => u.username === 'manager1')!;
    const manager2 = users.find((u) => u.username === 'manager2')!;
    const company = await client.post<Party>('/api/companies', { name: `ООО Передача ${RUN}`, phones: [phone('926')], ownerId: manager1.id });
    expect(company.owner.id).toBe(manager1.id);

    await page.goto(`${GATEWAY}/companies/${company.id}`);
    await textAppears(page.getByTestId('party-owner'), 'Павел Первов');
    await page.getByTestId('change-owner').click();
    const dialog = page.getByRole('dialog', { name: 'Сменить ответственного' });
    await visible(dialog);
    await dialog.getByRole('combobox').click();
    await dialog.getByRole('combobox').fill('Мария');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'Мария Вторых' }).click();
    const reason = `Павел в отпуске, клиент ждёт звонка ${RUN}`;
    await dialog.getByTestId('owner-reason').fill(reason);
    const changed = page.waitForResponse((r) => r.url().endsWith(`/api/companies/${company.id}/owner`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Сменить' }).click();
    expect((await changed).status()).toBe(200);
    await gone(dialog);
    await textAppears(page.getByTestId('party-owner'), 'Мария Вторых');

    const entry = page.getByTestId('party-feed').locator('[data-testid="feed-change"][data-type="PartyOwnerChanged"]');
    await textAppears(entry, reason);
    expect(await entry.textContent()).toContain('Павел Первов');
    expect(await entry.textContent()).toContain('Мария Вторых');
    await page.reload();
    await textAppears(page.getByTestId('party-feed').locator('[data-testid="feed-change"][data-type="PartyOwnerChanged"]'), reason);

    expect((await client.get<Party>(`/api/companies/${company.id}`)).owner.id).toBe(manager2.id);
    const history = await client.get<{ items: PartyHistoryEntry[] }>(`/api/companies/${company.id}/history`);
    expect(history.items.filter((e) => e.type === 'PartyOwnerChanged').map((e) => [e.change.fromOwnerId, e.change.toOwnerId, e.change.reason]))
      .toEqual([[manager1.id, manager2.id, reason]]);
  });

  it("merges two records of one contact and lands on the survivor, which now has the duplicate's phone", async () => {
    const { page, context } = head;
    const client = api(context);
    const name = `Сергей Ломов ${RUN}`;
    const keptPhone = phone('916');
    const duplicatePhone = `+7903${String(Date.now() + 1).slice(-7)}`;
    const survivor = await client.post<Party>('/api/contacts', { name, phones: [keptPhone] });
    const duplicate = await client.post<Party>('/api/contacts', { name, phones: [duplicatePhone] });

    await page.goto(`${GATEWAY}/contacts/${survivor.id}`);
    await textAppears(page.locator('.card-title'), name);
    await page.getByTestId('merge').click();
    const dialog = page.getByRole('dialog', { name: 'Объединение дублей' });
    await visible(dialog);
    // found by the duplicate's phone, as people look for a duplicate
    await dialog.getByRole('combobox').click();
    await dialog.getByRole('combobox').fill(duplicatePhone.slice(2));
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: shown(duplicatePhone) }).click();
    const compare = dialog.getByTestId('merge-compare');
    await visible(compare);
    expect(await compare.locator(`td[data-party="${survivor.id}"]`).first().textContent()).toBe(name);
    await textAppears(compare.locator(`td[data-party="${duplicate.id}"]`), shown(duplicatePhone));
    await dialog.getByTestId('merge-reason').fill(`Один клиент записан дважды ${RUN}`);
    const merged = page.waitForResponse((r) => r.url().endsWith(`/api/contacts/${survivor.id}/merge`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Объединить' }).click();
    expect((await merged).status()).toBe(200);
    await gone(dialog);
    await visible(page.getByTestId('party-fields').locator(`a[href="tel:${duplicatePhone}"]`));

    // the duplicate's own address now says where everything went; its link lands on the survivor
    await page.goto(`${GATEWAY}/contacts/${duplicate.id}`);
    const mergedPage = page.getByTestId('party-merged');
    await textAppears(mergedPage, 'Запись объединена');
    await page.getByTestId('open-survivor').click();
    await page.waitForURL(`${GATEWAY}/contacts/${survivor.id}`);
    await textAppears(page.locator('.card-title'), name);
    const fields = page.getByTestId('party-fields');
    await visible(fields.locator(`a[href="tel:${duplicatePhone}"]`));
    await visible(fields.locator(`a[href="tel:${keptPhone}"]`));
    const feed = page.getByTestId('party-feed');
    await textAppears(feed.locator('[data-testid="feed-change"][data-type="PartiesMerged"]'), `Один клиент записан дважды ${RUN}`);
    // the duplicate's past is part of the survivor's feed now, marked as such, every record named
    await visible(feed.locator('[data-testid="feed-change"][data-type="PartyMergedInto"]'));
    await textAppears(feed.locator('[data-testid="feed-change"][data-type="ContactCreated"]'), shown(duplicatePhone));
    expect(await feed.textContent()).not.toContain('запись без доступа');
    expect((await client.get<Party>(`/api/contacts/${survivor.id}`)).card.phones).toEqual(expect.arrayContaining([keptPhone, duplicatePhone]));
    expect((await client.get<Party>(`/api/contacts/${duplicate.id}`)).mergedInto).toBe(survivor.id);
    await screenshot(page, 'party-card');
  });
});
