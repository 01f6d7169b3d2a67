// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { contact, head, manager, manager2, partyGateway, renderCard } from './partyTestKit';

/** Picks a person in the dialog's user select. */
async function pickUser(dialog: HTMLElement, name: string) {
  fireEvent.mouseDown(within(dialog).getByRole('combobox'));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((el) => el.textContent === name);
    if (!found) throw new Error(`no option ${name}`);
    return found;
  });
  fireEvent.click(option);
}

describe('owner change on the card (rule 5)', () => {
  it('is not offered to a manager', async () => {
    partyGateway();
    renderCard('/contacts/c-1', manager);
    await screen.findByTestId('party-feed');
    expect(screen.getByTestId('party-owner').textContent).toBe('Павел Первов');
    expect(screen.queryByTestId('change-owner')).toBeNull();
  });

  it('asks the head for the new owner and a reason, sends both and shows the new owner', async () => {
    let owner = { id: manager.id, username: manager.username, name: manager.name };
    const sent = partyGateway({
      'GET /api/contacts/c-1': () => ({ status: 200, json: { ...contact, owner } }),
      'POST /api/contacts/c-1/owner': () => {
        owner = manager2;
        return { status: 200, json: { ...contact, owner, version: 4 } };
      },
    });
    renderCard('/contacts/c-1', head);
    fireEvent.click(await screen.findByTestId('change-owner'));
    const dialog = await screen.findByRole('dialog');

    // the reason is required: nothing is sent without it
    await pickUser(dialog, 'Мария Вторых');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сменить' }));
    await within(dialog).findByText('Укажите причину: почему клиент переходит к другому менеджеру');
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByTestId('owner-reason'), { target: { value: '  Клиент просит другого менеджера ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сменить' }));
    await waitFor(() => expect(screen.getByTestId('party-owner').textContent).toBe('Мария Вторых'));
    expect(sent.filter((r) => r.method === 'POST')).toEqual([
      { method: 'POST', path: '/api/contacts/c-1/owner', body: { ownerId: manager2.id, reason: 'Клиент просит другого менеджера' } },
    ]);
    await screen.findByText('Ответственный изменён');
    // the feed asks for the history again (the change with its reason shows up there)
    await waitFor(() => expect(sent.filter((r) => r.path === '/api/contacts/c-1/history').length).toBeGreaterThanOrEqual(2));
  });

  it('does not send the current owner again', async () => {
    const sent = partyGateway();
    renderCard('/contacts/c-1', head);
    fireEvent.click(await screen.findByTestId('change-owner'));
    const dialog = await screen.findByRole('dialog');
    await pickUser(dialog, 'Павел Первов');
    fireEvent.change(within(dialog).getByTestId('owner-reason'), { target: { value: 'Просто так' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сменить' }));
    await within(dialog).findByText('Это текущий ответственный — выберите другого');
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
  });

  it("shows the server's refusal in the dialog and keeps it open", async () => {
    partyGateway({
      'POST /api/contacts/c-1/owner': () => ({
        status: 403,
        json: { status: 403, code: 'owner-change-forbidden', detail: 'Сменить ответственного может только руководитель группы ответственного или администратор.' },
      }),
    });
    renderCard('/contacts/c-1', head);
    fireEvent.click(await screen.findByTestId('change-owner'));
    const dialog = await screen.findByRole('dialog');
    await pickUser(dialog, 'Мария Вторых');
    fireEvent.change(within(dialog).getByTestId('owner-reason'), { target: { value: 'Передаю клиента' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сменить' }));
    const error = await within(dialog).findByTestId('owner-error');
    expect(error.textContent).toContain('Сменить ответственного может только руководитель группы ответственного или администратор.');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(screen.getByTestId('party-owner').textContent).toBe('Павел Первов');
  });
});
