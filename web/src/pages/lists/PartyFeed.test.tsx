// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PartyHistoryEntry } from '../../api/types';
import { contact, contactHistory, head, manager, party, partyGateway, renderCard, task } from './partyTestKit';

/** The feed's entries from top to bottom, as short words. */
function feedOrder(): string[] {
  const feed = screen.getByTestId('party-feed');
  return [...feed.querySelectorAll('[data-testid="feed-change"], [data-testid="feed-note"], [data-testid="feed-task"], [data-testid="task-row"]')].map((el) => {
    const id = el.getAttribute('data-testid');
    if (id === 'feed-change') return el.getAttribute('data-type')!;
    if (id === 'feed-note') return `note:${el.querySelector('.feed-bubble-text')!.textContent}${el.hasAttribute('data-pending') ? ' (pending)' : ''}`;
    return `${el.getAttribute('data-status')}:${el.getAttribute('data-task-text')}`;
  });
}

const openTask = task('t-open', 'Перезвонить по цене', 'open', '2026-03-20T09:00:00Z');
const doneTask = task('t-done', 'Отправить прайс', 'done', '2026-03-01T10:00:00Z', { completedAt: '2026-03-01T11:00:00Z', completedBy: manager, result: 'Отправил' });

describe("the contact's feed", () => {
  it('shows history, notes and tasks as one chat: changes in words, the note a bubble, open tasks last', async () => {
    const sent = partyGateway({}, { tasks: [openTask], done: [doneTask] });
    renderCard('/contacts/c-1');
    await waitFor(() => expect(feedOrder()).toHaveLength(5));
    expect(feedOrder()).toEqual([
      'ContactCreated',
      'done:Отправить прайс',
      'PartyOwnerChanged',
      'note:Привезёт 3 т\nв пятницу',
      'open:Перезвонить по цене',
    ]);
    // the owner change by name with its reason, not ids
    const owner = screen.getByTestId('party-feed').querySelector('[data-type="PartyOwnerChanged"]')!;
    await waitFor(() => expect(owner.textContent).toContain('Мария Вторых'));
    expect(owner.textContent).toContain('Павел Первов');
    expect(owner.textContent).toContain('Менеджер в отпуске');
    expect(owner.textContent).not.toMatch(/u-m1|u-m2|partyType/);
    // the linked company named in the creation, once its card has answered
    const created = screen.getByTestId('party-feed').querySelector('[data-type="ContactCreated"]')!;
    await waitFor(() => expect(created.textContent).toContain('ООО «Втормет»'));
    expect(created.textContent).toContain('+7 916 123-45-67');
    // the head's note is a bubble with its author; tasks are asked for this contact
    expect(screen.getByTestId('feed-note').textContent).toContain('Ирина Руководова');
    expect(sent.filter((r) => r.path === '/api/tasks').length).toBeGreaterThanOrEqual(2);
    // the deals sit on the left, the feed is the whole right side
    expect(screen.getByTestId('party-feed').closest('.card-right')).toBeTruthy();
  });

  it('shows a note at once, keeps it once when the server confirms it, and after a refetch', async () => {
    const written: PartyHistoryEntry[] = [];
    let confirm: () => void = () => {};
    const confirmed = new Promise<void>((resolve) => { confirm = resolve; });
    const sent = partyGateway({
      'POST /api/contacts/c-1/notes': async (body) => {
        await confirmed;
        const entry = { at: '2026-03-03T09:00:00Z', actor: { id: manager.id, username: manager.username, name: manager.name }, type: 'PartyNoteAdded',
          change: { partyId: 'c-1', partyType: 'contact', noteId: 'n-2', text: (body as { text: string }).text }, partyId: 'c-1' };
        written.push(entry);
        return { status: 201, json: entry };
      },
      'GET /api/contacts/c-1/history': () => ({ status: 200, json: { items: [...written, ...contactHistory] } }),
    });
    renderCard('/contacts/c-1');
    await waitFor(() => expect(feedOrder()).toHaveLength(3));

    const input = screen.getByTestId('note-input');
    fireEvent.change(input, { target: { value: '  Договорились на 20 т  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(feedOrder().at(-1)).toBe('note:Договорились на 20 т (pending)'));
    expect(input).toHaveProperty('value', '');
    expect(sent.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/contacts/c-1/notes', body: { text: 'Договорились на 20 т' } }]);

    confirm();
    await waitFor(() => expect(sent.filter((r) => r.path === '/api/contacts/c-1/history').length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(feedOrder().filter((e) => e.includes('Договорились'))).toEqual(['note:Договорились на 20 т']));
    expect(screen.getAllByTestId('feed-note').at(-1)!.className).toContain('mine');
  });

  it("rolls a refused note back with the server's words and gives the text back", async () => {
    partyGateway({
      'POST /api/contacts/c-1/notes': () => ({
        status: 422,
        json: { title: 'Unprocessable Content', status: 422, code: 'note-too-long', detail: 'Примечание длиннее 4000 символов.',
          errors: [{ field: 'text', message: 'Примечание длиннее 4000 символов.' }] },
      }),
    });
    renderCard('/contacts/c-1');
    await waitFor(() => expect(feedOrder()).toHaveLength(3));
    const input = screen.getByTestId('note-input');
    fireEvent.change(input, { target: { value: 'Очень длинное примечание' } });
    fireEvent.click(screen.getByTestId('send-note'));
    const error = await screen.findByTestId('note-error');
    expect(error.textContent).toContain('Примечание длиннее 4000 символов.');
    await waitFor(() => expect(feedOrder().some((e) => e.includes('Очень длинное'))).toBe(false));
    expect(input).toHaveProperty('value', 'Очень длинное примечание');
  });

  it('a note refused because the record was merged meanwhile: the card turns into «Запись объединена» with the way to the survivor', async () => {
    let merged = false;
    partyGateway({
      'GET /api/contacts/c-1': () => ({ status: 200, json: merged ? { ...contact, mergedInto: 'c-9' } : contact }),
      'GET /api/contacts/c-9': () => ({ status: 200, json: party({ id: 'c-9', type: 'contact', name: 'Иван Петров (основной)' }) }),
      'POST /api/contacts/c-1/notes': () => {
        merged = true;
        return { status: 409, json: { status: 409, code: 'party-merged', detail: 'Эта запись объединена с другой — откройте основную запись.', survivorId: 'c-9' } };
      },
    });
    renderCard('/contacts/c-1', head);
    await waitFor(() => expect(feedOrder()).toHaveLength(3));
    fireEvent.change(screen.getByTestId('note-input'), { target: { value: 'Ещё одно' } });
    fireEvent.keyDown(screen.getByTestId('note-input'), { key: 'Enter' });
    expect((await screen.findByTestId('note-error')).textContent).toContain('Эта запись объединена с другой');
    const page = await screen.findByTestId('party-merged');
    expect(page.textContent).toContain('Запись объединена');
    const link = within(page).getByTestId('open-survivor');
    await waitFor(() => expect(link.textContent).toContain('Иван Петров (основной)'));
    expect(link.getAttribute('href')).toBe('/contacts/c-9');
    expect(screen.queryByTestId('party-feed')).toBeNull();
  });

  it("plans a task linked to the company from the company's feed", async () => {
    partyGateway();
    renderCard('/companies/co-1');
    await screen.findByTestId('party-feed');
    expect(screen.getByTestId('party-feed').getAttribute('aria-label')).toBe('Лента компании');
    fireEvent.click(screen.getByTestId('add-task'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Новая задача')).toBeTruthy();
    await waitFor(() => expect(within(dialog).getByText('ООО «Втормет»')).toBeTruthy());
  });
});
