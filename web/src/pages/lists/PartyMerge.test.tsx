// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { contact, head, manager, manager2, party, partyGateway, renderCard } from './partyTestKit';

const duplicate = party({ id: 'c-2', type: 'contact', name: 'Иван Петров (дубль)', owner: manager2, deliveries: 2 }, { phones: ['+79990001122'], emails: [] });
const merged = { ...contact, card: { ...contact.card, phones: ['+79161234567', '+79990001122'] }, deliveries: 3, version: 5 };

/** The merge dialog with the duplicate chosen in its picker. */
async function openWithDuplicate() {
  fireEvent.click(await screen.findByTestId('merge'));
  const dialog = await screen.findByRole('dialog');
  fireEvent.mouseDown(within(dialog).getByRole('combobox'));
  const option = await waitFor(() => {
    const options = [...document.querySelectorAll('.ant-select-item-option')];
    // the card itself is never offered as its own duplicate
    expect(options.some((o) => o.textContent?.startsWith('Иван Петров') && !o.textContent.includes('дубль'))).toBe(false);
    const found = options.find((o) => o.textContent?.startsWith('Иван Петров (дубль)'));
    if (!found) throw new Error('no duplicate offered');
    return found;
  });
  fireEvent.click(option);
  await within(dialog).findByTestId('merge-compare');
  return dialog;
}

function column(dialog: HTMLElement, partyId: string): string {
  return [...dialog.querySelectorAll(`[data-testid="merge-compare"] td[data-party="${partyId}"]`)].map((td) => td.textContent).join(' | ');
}

function gateway(extra: Parameters<typeof partyGateway>[0] = {}) {
  let current = contact;
  const sent = partyGateway({
    'GET /api/contacts': () => ({ status: 200, json: { items: [contact, duplicate], total: 2 } }),
    'GET /api/contacts/c-1': () => ({ status: 200, json: current }),
    'GET /api/contacts/c-2': () => ({ status: 200, json: duplicate }),
    'POST /api/contacts/c-1/merge': () => {
      current = merged;
      return { status: 200, json: merged };
    },
    ...extra,
  });
  return sent;
}

describe('merging duplicates', () => {
  it('is offered to heads and admins only', async () => {
    gateway();
    renderCard('/contacts/c-1', manager);
    await screen.findByTestId('party-feed');
    expect(screen.queryByTestId('merge')).toBeNull();
  });

  it('shows both records side by side, wants a reason, merges the duplicate into this card and reloads it with its phone', async () => {
    const sent = gateway();
    renderCard('/contacts/c-1', head);
    const dialog = await openWithDuplicate();

    expect(within(dialog).getByTestId('merge-survivor').textContent).toBe('Остаётся (основная запись)');
    expect(column(dialog, 'c-1')).toBe('Иван Петров | +7 916 123-45-67 | ivan@mail.ru | Павел Первов | 1 | Потенциальный');
    expect(column(dialog, 'c-2')).toBe('Иван Петров (дубль) | +7 999 000-11-22 | — | Мария Вторых | 2 | Потенциальный');
    expect(dialog.textContent).toContain('У записей разные ответственные');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Объединить' }));
    await within(dialog).findByText('Укажите причину объединения');
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByTestId('merge-reason'), { target: { value: 'Один клиент записан дважды' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Объединить' }));
    await waitFor(() => expect(screen.getByTestId('party-fields').querySelector('a[href="tel:+79990001122"]')).toBeTruthy());
    expect(sent.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/contacts/c-1/merge', body: { duplicateId: 'c-2', reason: 'Один клиент записан дважды' } },
    ]);
    await waitFor(() => expect(document.querySelector('.ant-message')?.textContent).toContain('Дубль объединён'));
    // the feed asks again: the duplicate's events are part of the survivor's history now
    await waitFor(() => expect(sent.filter((r) => r.path === '/api/contacts/c-1/history').length).toBeGreaterThanOrEqual(2));
  });

  it('keeps the other record when swapped, and moves to its card', async () => {
    const sent = gateway({
      'POST /api/contacts/c-2/merge': () => ({ status: 200, json: { ...duplicate, card: { ...duplicate.card, phones: ['+79990001122', '+79161234567'] } } }),
    });
    const { router } = renderCard('/contacts/c-1', head);
    const dialog = await openWithDuplicate();
    fireEvent.click(within(dialog).getByTestId('merge-swap'));
    await waitFor(() => expect(within(dialog).getByTestId('merge-compare').querySelector('tbody tr td')!.getAttribute('data-party')).toBe('c-2'));
    fireEvent.change(within(dialog).getByTestId('merge-reason'), { target: { value: 'Основная — у второго менеджера' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Объединить' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/contacts/c-2'));
    expect(sent.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/contacts/c-2/merge', body: { duplicateId: 'c-1', reason: 'Основная — у второго менеджера' } },
    ]);
  });

  it("shows the server's refusal in the dialog", async () => {
    gateway({
      'POST /api/contacts/c-1/merge': () => ({
        status: 409,
        json: { status: 409, code: 'duplicate', detail: 'Телефон +7 999 000-11-22 уже у записи «Пётр» (ответственный Мария Вторых).' },
      }),
    });
    renderCard('/contacts/c-1', head);
    const dialog = await openWithDuplicate();
    fireEvent.change(within(dialog).getByTestId('merge-reason'), { target: { value: 'Дубль' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Объединить' }));
    expect((await within(dialog).findByTestId('merge-error')).textContent).toContain('Телефон +7 999 000-11-22 уже у записи «Пётр»');
    expect(screen.getByTestId('party-fields').querySelector('a[href="tel:+79990001122"]')).toBeNull();
  });
});
