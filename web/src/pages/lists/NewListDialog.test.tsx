// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeGateway } from '../../test/dom';
import { renderRoutes } from '../../test/render';
import type { CustomList, Me } from '../../api/types';
import { manager } from './partyTestKit';
import ListsPage from './ListsPage';

const admin: Me = { id: 'u-admin', username: 'admin', name: 'Анна Админова', email: null, roles: ['crm-admin'], groups: [] };
const existing: CustomList = { id: 'l-1', name: 'Площадки', fields: [{ code: 'title', name: 'Название', type: 'text', options: null, required: true }] };

type Routes = Parameters<typeof fakeGateway>[0];

/** `refusals`: answers to the first POSTs, before one is accepted (and the list then served). */
function gateway(extra: Routes = {}, refusals: { status: number; json: unknown }[] = []) {
  let lists = [existing];
  const sent = fakeGateway({
    'GET /api/lists': () => ({ status: 200, json: { items: lists } }),
    'GET /api/lists/l-1/elements': () => ({ status: 200, json: { items: [], total: 0 } }),
    'GET /api/lists/l-new/elements': () => ({ status: 200, json: { items: [], total: 0 } }),
    'POST /api/lists': (body) => {
      const refusal = refusals.shift();
      if (refusal) return refusal;
      const b = body as { name: string; fields: CustomList['fields'] };
      const created: CustomList = { id: 'l-new', name: b.name, fields: b.fields.map((f) => ({ ...f, options: f.options ?? null, required: f.required ?? null })) };
      lists = [...lists, created];
      return { status: 201, json: created };
    },
    ...extra,
  });
  return sent;
}

function renderLists(me: Me) {
  return renderRoutes(me, [
    { path: '/lists/custom/:listId', element: <ListsPage /> },
    { path: '/lists/:kind', element: <ListsPage /> },
  ], '/lists/custom/l-1').router;
}

async function openDialog() {
  fireEvent.click(await screen.findByTestId('create-list'));
  return waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-modal')].find((m) => m.textContent?.startsWith('Новый список'));
    if (!found) throw new Error('no dialog');
    return found;
  });
}

const columns = (dialog: HTMLElement) => within(dialog).getAllByTestId('new-list-column');

async function chooseType(column: HTMLElement, text: string) {
  const select = within(column).getByTestId('column-type');
  fireEvent.mouseDown(select.querySelector('.ant-select-selector')!);
  const option = await waitFor(() => {
    // this select's own dropdown (closed ones of other columns stay in the document)
    const listbox = document.getElementById(select.querySelector('input')!.getAttribute('aria-controls') ?? '');
    const dropdown = listbox?.closest('.ant-select-dropdown');
    const found = [...(dropdown?.querySelectorAll('.ant-select-item-option') ?? [])].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

async function addColumn(dialog: HTMLElement, name: string, type?: string) {
  fireEvent.click(within(dialog).getByTestId('add-column'));
  const column = await waitFor(() => {
    const last = columns(dialog).at(-1)!;
    if ((within(last).getByTestId('column-name') as HTMLInputElement).value !== '') throw new Error('no new column yet');
    return last;
  });
  fireEvent.change(within(column).getByTestId('column-name'), { target: { value: name } });
  if (type) await chooseType(column, type);
  return column;
}

describe('creating a user-defined list', () => {
  it('an admin defines the name and typed columns; the body is what party-service takes; the new list opens', async () => {
    const sent = gateway({}, [{
      status: 400,
      json: { status: 400, code: 'invalid', detail: 'Проверьте поля: fields[1].name.', errors: [{ field: 'fields[1].name', message: 'не длиннее 100 символов' }] },
    }]);
    const router = renderLists(admin);
    const dialog = await openDialog();

    // the first column is there, required; a select without options and an empty name are refused before sending
    expect(columns(dialog)).toHaveLength(1);
    expect(within(columns(dialog)[0]).getByTestId('column-required')).toHaveProperty('checked', true);
    fireEvent.change(within(columns(dialog)[0]).getByTestId('column-name'), { target: { value: 'Название' } });
    const kind = await addColumn(dialog, 'Вид', 'Выбор из вариантов');
    await addColumn(dialog, 'название');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Создать' }));
    await within(dialog).findByText('Введите название списка');
    await within(kind).findByText('Добавьте хотя бы один вариант');
    await within(columns(dialog)[2]).findByText('Колонка с таким названием уже есть');
    expect(sent.some((r) => r.method === 'POST')).toBe(false);

    // fix: options, a unique name, a number column moved up, a spare column removed
    fireEvent.change(within(dialog).getByTestId('new-list-name'), { target: { value: ' Площадки приёма ' } });
    const options = within(kind).getByTestId('column-options').querySelector('input')!;
    fireEvent.change(options, { target: { value: 'Чермет;Цветмет;' } });
    await waitFor(() => expect(within(kind).getByTestId('column-options').querySelectorAll('.ant-select-selection-item')).toHaveLength(2));
    fireEvent.change(within(columns(dialog)[2]).getByTestId('column-name'), { target: { value: 'Объём, т' } });
    await chooseType(columns(dialog)[2], 'Число');
    fireEvent.click(within(columns(dialog)[2]).getByTestId('column-up'));
    await waitFor(() => expect((within(columns(dialog)[1]).getByTestId('column-name') as HTMLInputElement).value).toBe('Объём, т'));
    const spare = await addColumn(dialog, 'Лишняя', 'Телефон');
    fireEvent.click(within(spare).getByTestId('column-remove'));
    await waitFor(() => expect(columns(dialog)).toHaveLength(3));
    fireEvent.click(within(columns(dialog)[2]).getByTestId('column-required'));
    await addColumn(dialog, 'Телефон склада', 'Телефон');
    await addColumn(dialog, 'E-mail', 'E-mail');
    await addColumn(dialog, 'С какого числа', 'Дата');

    // the server's refusal lands at the column it names
    fireEvent.click(within(dialog).getByRole('button', { name: 'Создать' }));
    await within(columns(dialog)[1]).findByText('не длиннее 100 символов');
    expect(within(dialog).queryByTestId('new-list-error')).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Создать' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect(sent.filter((r) => r.method === 'POST')[1]).toEqual({
      method: 'POST', path: '/api/lists',
      body: {
        name: 'Площадки приёма',
        fields: [
          { code: 'nazvanie', name: 'Название', type: 'text', required: true },
          { code: 'obem_t', name: 'Объём, т', type: 'number' },
          { code: 'vid', name: 'Вид', type: 'select', options: ['Чермет', 'Цветмет'], required: true },
          { code: 'telefon_sklada', name: 'Телефон склада', type: 'phone' },
          { code: 'e_mail', name: 'E-mail', type: 'email' },
          { code: 's_kakogo_chisla', name: 'С какого числа', type: 'date' },
        ],
      },
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/lists/custom/l-new'));
    await waitFor(() => expect(screen.getByTestId('list-select').textContent).toContain('Площадки приёма'));
    await waitFor(() => expect(document.querySelector('.ant-message')?.textContent).toContain('Список создан')); // the toast, the dialog closed
  });

  it('shows a refusal naming no field above the form', async () => {
    gateway({}, [{ status: 403, json: { status: 403, code: 'admin-only', detail: 'Создавать и менять списки может только администратор.' } }]);
    renderLists(admin);
    const dialog = await openDialog();
    fireEvent.change(within(dialog).getByTestId('new-list-name'), { target: { value: 'Склады' } });
    fireEvent.change(within(columns(dialog)[0]).getByTestId('column-name'), { target: { value: 'Адрес' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Создать' }));
    expect((await within(dialog).findByTestId('new-list-error')).textContent).toContain('Создавать и менять списки может только администратор.');
  });

  it('is not offered to a manager', async () => {
    gateway();
    renderLists(manager);
    await screen.findByText('В списке нет записей');
    expect(screen.queryByTestId('create-list')).toBeNull();
  });
});
