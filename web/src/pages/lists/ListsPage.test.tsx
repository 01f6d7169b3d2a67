// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeGateway } from '../../test/dom';
import { renderRoutes } from '../../test/render';
import type { CustomList, ListElement } from '../../api/types';
import { manager } from './partyTestKit';
import ListsPage from './ListsPage';

const list: CustomList = {
  id: 'l-1', name: 'Площадки',
  fields: [
    { code: 'title', name: 'Название', type: 'text', options: null, required: true },
    { code: 'volume', name: 'Объём, т', type: 'number', options: null, required: null },
    { code: 'since', name: 'С какого числа', type: 'date', options: null, required: null },
    { code: 'kind', name: 'Вид', type: 'select', options: ['Чермет', 'Цветмет'], required: null },
    { code: 'phone', name: 'Телефон', type: 'phone', options: null, required: null },
    { code: 'email', name: 'E-mail', type: 'email', options: null, required: null },
  ],
};

const owner = { id: manager.id, username: manager.username, name: manager.name };
const stored: ListElement = {
  id: 'e-1', listId: 'l-1', owner, createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-01T09:00:00Z',
  values: { title: 'Площадка на Складской', volume: 12.5, since: '2026-03-05', kind: 'Чермет', phone: '+79161234567' },
};

type Routes = Parameters<typeof fakeGateway>[0];

function gateway(extra: Routes = {}, elements: ListElement[] = []) {
  return fakeGateway({
    'GET /api/lists': () => ({ status: 200, json: { items: [list] } }),
    'GET /api/lists/l-1/elements': () => ({ status: 200, json: { items: elements, total: elements.length } }),
    ...extra,
  });
}

function renderList() {
  renderRoutes(manager, [{ path: '/lists/custom/:listId', element: <ListsPage /> }], '/lists/custom/l-1');
}

/** The form item of a column, by its label. */
function item(dialog: HTMLElement, label: string): HTMLElement {
  const found = [...dialog.querySelectorAll('.ant-form-item')].find((el) => el.querySelector('label')?.textContent === label);
  if (!found) throw new Error(`no field ${label}`);
  return found as HTMLElement;
}

async function choose(scope: HTMLElement, text: string) {
  fireEvent.mouseDown(within(scope).getByRole('combobox'));
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

describe('a user-defined list', () => {
  it('adds an element with a form made of the list\'s columns; the required one is asked for first', async () => {
    let elements: ListElement[] = [];
    const sent = gateway({
      'GET /api/lists/l-1/elements': () => ({ status: 200, json: { items: elements, total: elements.length } }),
      'POST /api/lists/l-1/elements': (body) => {
        const values = body as Record<string, unknown>;
        elements = [{ ...stored, id: 'e-2', values: { ...values, volume: 1200.5, phone: '+79161234567' } }];
        return { status: 201, json: elements[0] };
      },
    });
    renderList();
    await screen.findByText('В списке нет записей');
    fireEvent.click(screen.getByTestId('add-element'));
    const dialog = await screen.findByRole('dialog');
    expect([...dialog.querySelectorAll('.ant-form-item label')].map((l) => l.textContent)).toEqual(['Название', 'Объём, т', 'С какого числа', 'Вид', 'Телефон', 'E-mail']);
    expect(within(item(dialog, 'С какого числа')).getByTestId('element-since').closest('.ant-picker')).toBeTruthy();

    fireEvent.change(within(dialog).getByTestId('element-volume'), { target: { value: 'много' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await within(item(dialog, 'Название')).findByText('Заполните «Название»');
    await within(item(dialog, 'Объём, т')).findByText('Введите число, например 12,5');
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByTestId('element-title'), { target: { value: 'Площадка у вокзала ' } });
    fireEvent.change(within(dialog).getByTestId('element-volume'), { target: { value: '1 200,5' } });
    await choose(item(dialog, 'Вид'), 'Цветмет');
    fireEvent.change(within(dialog).getByTestId('element-phone'), { target: { value: '8 916 123-45-67' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));

    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'POST')).toEqual({
      method: 'POST', path: '/api/lists/l-1/elements', body: { title: 'Площадка у вокзала', volume: '1200.5', kind: 'Цветмет', phone: '8 916 123-45-67' },
    });
    const row = await screen.findByTestId('element-row');
    expect(row.textContent).toContain('Площадка у вокзала');
    expect(row.textContent).toContain('+7 916 123-45-67');
  });

  it('shows the server\'s refusal at the field it names and keeps the dialog open', async () => {
    gateway({
      'POST /api/lists/l-1/elements': () => ({
        status: 422,
        json: { status: 422, code: 'phone-invalid', detail: 'Номер телефона «123» не распознан.', errors: [{ field: 'phone', message: 'Номер телефона «123» не распознан.' }] },
      }),
    });
    renderList();
    await screen.findByText('В списке нет записей');
    fireEvent.click(screen.getByTestId('add-element'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByTestId('element-title'), { target: { value: 'Площадка' } });
    fireEvent.change(within(dialog).getByTestId('element-phone'), { target: { value: '123' } });
    fireEvent.keyDown(within(dialog).getByTestId('element-phone'), { key: 'Enter' }); // Enter saves
    await within(item(dialog, 'Телефон')).findByText('Номер телефона «123» не распознан.');
    expect(within(dialog).queryByTestId('element-error')).toBeNull();
    expect(within(dialog).getByTestId('element-title')).toHaveProperty('value', 'Площадка');
  });

  it('edits an element: its values in the form as people read them, an emptied column sent as null', async () => {
    const sent = gateway({
      'PATCH /api/lists/l-1/elements/e-1': (body) => ({ status: 200, json: { ...stored, values: body } }),
    }, [stored]);
    renderList();
    const row = await screen.findByTestId('element-row');
    expect(row.textContent).toContain('12,5');
    fireEvent.click(within(row).getByTestId('edit-element'));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getByTestId('element-volume')).toHaveProperty('value', '12,5'));
    expect(within(dialog).getByTestId('element-phone')).toHaveProperty('value', '+7 916 123-45-67');
    expect(within(dialog).getByTestId('element-since')).toHaveProperty('value', '05.03.2026');
    expect(item(dialog, 'Вид').textContent).toContain('Чермет');

    fireEvent.change(within(dialog).getByTestId('element-volume'), { target: { value: '' } });
    fireEvent.change(within(dialog).getByTestId('element-title'), { target: { value: 'Площадка на Складской, 2' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'PATCH')!.body).toEqual({
      title: 'Площадка на Складской, 2', volume: null, since: '2026-03-05', kind: 'Чермет', phone: '+7 916 123-45-67', email: null,
    });
  });

  it('deletes an element after asking', async () => {
    let elements = [stored];
    const sent = gateway({
      'GET /api/lists/l-1/elements': () => ({ status: 200, json: { items: elements, total: elements.length } }),
      'DELETE /api/lists/l-1/elements/e-1': () => {
        elements = [];
        return { status: 204 };
      },
    });
    renderList();
    const row = await screen.findByTestId('element-row');
    fireEvent.click(within(row).getByTestId('delete-element'));
    const confirm = await waitFor(() => {
      const pop = document.querySelector('.ant-popconfirm') as HTMLElement | null;
      if (!pop) throw new Error('no confirmation');
      return pop;
    });
    expect(confirm.textContent).toContain('Удалить запись из списка?');
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Удалить' }));
    await screen.findByText('В списке нет записей');
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/lists/l-1/elements/e-1']);
  });
});
