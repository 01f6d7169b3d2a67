// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { company, contact, head, manager, manager2, party, partyGateway, renderCard } from './partyTestKit';

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
    await waitFor(() => expect(document.querySelector('.ant-message')?.textContent).toContain('Ответственный изменён')); // the toast, the dialog closed
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

/** Opens a select inside `scope` and clicks the option whose text starts with `text`. */
async function pickOption(scope: HTMLElement, text: string) {
  fireEvent.mouseDown(within(scope).getByRole('combobox'));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((el) => el.textContent?.startsWith(text));
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

describe('archive', () => {
  it('asks first, sends the reason, then shows «В архиве» with the edit controls gone or disabled — notes still possible', async () => {
    let archived = false;
    const sent = partyGateway({
      'GET /api/contacts/c-1': () => ({ status: 200, json: { ...contact, archived } }),
      'POST /api/contacts/c-1/archive': () => {
        archived = true;
        return { status: 200, json: { ...contact, archived, version: 4 } };
      },
    });
    renderCard('/contacts/c-1', head);
    await screen.findByTestId('change-owner');
    expect(screen.queryByTestId('party-archived')).toBeNull();
    fireEvent.click(screen.getByTestId('archive'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Отправить «Иван Петров» в архив?');
    expect(sent.some((r) => r.method === 'POST')).toBe(false); // nothing before the confirmation
    fireEvent.change(within(dialog).getByTestId('archive-reason'), { target: { value: 'Сдал лицензию, больше не работает ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'В архив' }));

    await screen.findByTestId('party-archived');
    expect(sent.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/contacts/c-1/archive', body: { reason: 'Сдал лицензию, больше не работает' } }]);
    expect(screen.getByTestId('archived-hint')).toBeTruthy();
    expect(screen.queryByTestId('archive')).toBeNull();
    expect(screen.queryByTestId('change-owner')).toBeNull();
    expect(screen.queryByTestId('link-party')).toBeNull();
    expect(screen.queryByTestId('unlink')).toBeNull();
    expect(within(screen.getByTestId('tags-editor')).queryByRole('button')).toBeNull();
    const fields = screen.getByTestId('party-fields');
    expect(within(fields).getAllByRole('textbox').every((input) => (input as HTMLInputElement).disabled)).toBe(true);
    expect((screen.getByTestId('note-input') as HTMLTextAreaElement).disabled).toBe(false);
  });

  it('archives without a reason when none is given, and shows a refusal in the dialog', async () => {
    const sent = partyGateway({
      'POST /api/contacts/c-1/archive': () => ({ status: 404, json: { status: 404, code: 'not-found', detail: 'Запись не найдена.' } }),
    });
    renderCard('/contacts/c-1', manager);
    fireEvent.click(await screen.findByTestId('archive'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'В архив' }));
    expect((await within(dialog).findByTestId('archive-error')).textContent).toContain('Запись не найдена.');
    expect(sent.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/contacts/c-1/archive', body: {} }]);
    expect(screen.queryByTestId('party-archived')).toBeNull();
  });
});

describe('a contact and a company linked from either card', () => {
  it("links a company to the contact from the contact's card (the linked one not offered again)", async () => {
    const other = party({ id: 'co-2', type: 'company', name: 'ООО «Металлург»' });
    let linked = ['co-1'];
    const sent = partyGateway({
      'GET /api/companies': () => ({ status: 200, json: { items: [company, other], total: 2 } }),
      'GET /api/companies/co-2': () => ({ status: 200, json: other }),
      'POST /api/contacts/c-1/companies/co-2': () => {
        linked = ['co-1', 'co-2'];
        return { status: 200, json: { ...contact, companyIds: linked, version: 4 } };
      },
    });
    renderCard('/contacts/c-1', manager);
    const related = await screen.findByTestId('party-related');
    await waitFor(() => expect(within(related).getAllByTestId('related-row').map((r) => r.textContent)).toEqual([expect.stringContaining('ООО «Втормет»')]));
    fireEvent.click(within(related).getByTestId('link-party'));
    const picker = await within(related).findByTestId('related-picker');
    fireEvent.mouseDown(within(picker).getByRole('combobox'));
    await waitFor(() => expect([...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent)).toEqual([expect.stringContaining('ООО «Металлург»')]));
    await pickOption(picker, 'ООО «Металлург»');

    await waitFor(() => expect(within(related).getAllByTestId('related-row')).toHaveLength(2));
    expect(within(related).getAllByTestId('related-row')[1]!.textContent).toContain('ООО «Металлург»');
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/api/contacts/c-1/companies/co-2']);
  });

  it("unlinks a contact from the company's card after asking", async () => {
    let contacts = [contact];
    const sent = partyGateway({
      'GET /api/contacts': (_b, url) => ({ status: 200, json: url.searchParams.get('companyId') === 'co-1' ? { items: contacts, total: contacts.length } : { items: [], total: 0 } }),
      'DELETE /api/contacts/c-1/companies/co-1': () => {
        contacts = [];
        return { status: 200, json: { ...contact, companyIds: [], version: 4 } };
      },
    });
    renderCard('/companies/co-1', manager);
    const related = await screen.findByTestId('party-related');
    const row = await within(related).findByTestId('related-row');
    expect(row.textContent).toContain('Иван Петров');
    fireEvent.click(within(row).getByTestId('unlink'));
    const confirm = await waitFor(() => {
      const pop = document.querySelector('.ant-popconfirm') as HTMLElement | null;
      if (!pop) throw new Error('no confirmation');
      return pop;
    });
    expect(confirm.textContent).toContain('Отвязать контакт «Иван Петров» от компании?');
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Отвязать' }));
    await waitFor(() => expect(within(related).queryAllByTestId('related-row')).toHaveLength(0));
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/contacts/c-1/companies/co-1']);
  });
});
