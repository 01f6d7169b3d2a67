// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeGateway } from '../../test/dom';
import { renderRoutes } from '../../test/render';
import type { Funnel, Me, SavedFilter } from '../../api/types';
import DealsPage from './DealsPage';

const manager: Me = { id: 'u-m1', username: 'manager1', name: 'Павел Первов', email: null, roles: ['crm-manager'], groups: [] };
const admin: Me = { id: 'u-admin', username: 'admin', name: 'Админ', email: null, roles: ['crm-admin'], groups: [] };

const funnel: Funnel = {
  code: 'scrap', name: 'Лом', closable: true, position: 0,
  stages: [
    { code: 'lead', name: 'Лид', kind: 'open' },
    { code: 'offer', name: 'Оферта', kind: 'open' },
    { code: 'won', name: 'Успешно', kind: 'won' },
    { code: 'lost', name: 'Не реализовано', kind: 'lost' },
  ],
};

const sharedFilter: SavedFilter = {
  id: 'f-1', name: 'Медь без задач', shared: true, ownerId: 'u-admin', mine: false,
  query: { grade: ['медь'], withoutTask: 'true', stage: ['offer'], deliveredFromT: '5' },
};

type Routes = Parameters<typeof fakeGateway>[0];

/** The gateway as Сделки needs it; every GET of the list and the board is kept with its query. */
function gateway(extra: Routes = {}, saved: SavedFilter[] = []) {
  const asked: URLSearchParams[] = [];
  const sent = fakeGateway({
    'GET /api/funnels': () => ({ status: 200, json: { items: [funnel] } }),
    'GET /api/deals': (_b, url) => {
      asked.push(url.searchParams);
      return { status: 200, json: { items: [], total: 0 } };
    },
    'GET /api/funnels/scrap/board': (_b, url) => {
      asked.push(url.searchParams);
      return { status: 200, json: { funnel: 'scrap', name: 'Лом', stages: funnel.stages.map((s) => ({ ...s, count: 0, volume: 0, deals: [] })) } };
    },
    'GET /api/deals/filters': () => ({ status: 200, json: { items: saved } }),
    'GET /api/deals/tags': () => ({ status: 200, json: { items: [] } }),
    'GET /api/users': () => ({ status: 200, json: { items: [] } }),
    ...extra,
  });
  return { sent, asked };
}

function renderDeals(me: Me = manager, url = '/deals?view=list') {
  window.localStorage.clear();
  return renderRoutes(me, [{ path: '/deals', element: <DealsPage /> }], url).router;
}

async function openPanel() {
  fireEvent.click(await screen.findByTestId('open-filter'));
  return screen.findByTestId('filter-panel');
}

async function choose(select: HTMLElement, text: string) {
  fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((el) => el.textContent === text && !el.closest('.ant-select-dropdown-hidden'));
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  fireEvent.click(option);
}

/** Types a day into one end of a range picker and confirms it. */
function typeDay(range: HTMLElement, index: 0 | 1, text: string) {
  const input = range.querySelectorAll('input')[index] as HTMLInputElement;
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

/** The «Сохранить фильтр» dialog over the panel (antd gives both the same aria-labelledby in tests, so found by class). */
function saveDialog() {
  return waitFor(() => {
    const found = document.querySelector('.ant-modal') as HTMLElement | null;
    if (!found?.textContent?.includes('Сохранить фильтр')) throw new Error('no save dialog');
    return found;
  });
}

const last = (asked: URLSearchParams[]) => asked[asked.length - 1];

describe('the deal filter', () => {
  it('sends the chosen stage, day range, «без задач», source and tonnage to the list and shows them as removable chips', async () => {
    const { asked } = gateway();
    const router = renderDeals();
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    const panel = await openPanel();

    await choose(within(panel).getByTestId('filter-stages'), 'Оферта');
    fireEvent.click(within(panel).getByLabelText('Без задач'));
    await choose(within(panel).getByTestId('filter-sources'), 'Неразобранное');
    fireEvent.change(within(panel).getByTestId('filter-delivered-from'), { target: { value: '1,5' } });
    fireEvent.change(within(panel).getByTestId('filter-delivered-to'), { target: { value: '20' } });
    const created = within(panel).getByTestId('filter-created');
    typeDay(created, 0, '01.03.2026');
    typeDay(created, 1, '31.03.2026');
    await waitFor(() => expect((created.querySelectorAll('input')[1] as HTMLInputElement).value).toBe('31.03.2026'));
    fireEvent.click(within(panel).getByTestId('apply-filter'));

    await waitFor(() => expect(last(asked).getAll('stage')).toEqual(['offer']));
    const q = last(asked);
    expect(q.get('withoutTask')).toBe('true');
    expect(q.get('overdueTask')).toBeNull();
    expect(q.getAll('source')).toEqual(['unsorted']);
    expect(q.get('deliveredFromT')).toBe('1.5');
    expect(q.get('deliveredToT')).toBe('20');
    // Moscow days → instants [from, to)
    expect(q.get('createdFrom')).toBe('2026-02-28T21:00:00.000Z');
    expect(q.get('createdTo')).toBe('2026-03-31T21:00:00.000Z');
    expect(q.get('closed')).toBe('false');
    // the address bar keeps it under the same names, with days
    const url = new URLSearchParams(router.state.location.search);
    expect(url.get('createdFrom')).toBe('2026-03-01');
    expect(url.get('withoutTask')).toBe('true');

    const chips = await screen.findByTestId('filter-chips');
    expect(chips.textContent).toContain('Этапы: Оферта');
    expect(chips.textContent).toContain('Без задач');
    expect(chips.textContent).toContain('Создана: 01.03.2026 – 31.03.2026');
    expect(chips.textContent).toContain('Вывезено: 1,5–20 т');
    expect(screen.getByTestId('open-filter').closest('.ant-badge')?.textContent).toContain('5');

    fireEvent.click(within(screen.getByTestId('filter-chip-withoutTask')).getByLabelText('Убрать из фильтра: Без задач'));
    await waitFor(() => expect(last(asked).get('withoutTask')).toBeNull());
    expect(last(asked).getAll('stage')).toEqual(['offer']);
  });

  it('refuses a tonnage that is not a number', async () => {
    const { asked } = gateway();
    renderDeals();
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    const count = asked.length;
    const panel = await openPanel();
    fireEvent.change(within(panel).getByTestId('filter-delivered-from'), { target: { value: 'много' } });
    fireEvent.click(within(panel).getByTestId('apply-filter'));
    await within(panel).findByText('Введите тонны числом, например 12,5');
    expect(asked.length).toBe(count);
  });

  it('gives the board the same filter', async () => {
    const { asked } = gateway();
    renderDeals(manager, '/deals?stage=lead&overdueTask=true&grade=3%D0%90&updatedFrom=2026-04-01&updatedTo=2026-04-01');
    await waitFor(() => expect(asked.length).toBeGreaterThan(0));
    const q = last(asked);
    expect(q.getAll('stage')).toEqual(['lead']);
    expect(q.get('overdueTask')).toBe('true');
    expect(q.getAll('grade')).toEqual(['3А']);
    expect(q.get('updatedFrom')).toBe('2026-03-31T21:00:00.000Z');
    expect(q.get('updatedTo')).toBe('2026-04-01T21:00:00.000Z');
    expect(q.get('closed')).toBeNull();
  });

  it('saves the filter with a name (an admin may share it) and posts its query', async () => {
    let saved: SavedFilter[] = [];
    const { sent } = gateway({
      'GET /api/deals/filters': () => ({ status: 200, json: { items: saved } }),
      'POST /api/deals/filters': (body) => {
        const b = body as { name: string; query: SavedFilter['query']; shared: boolean };
        if (b.name === 'Занято') return { status: 409, json: { status: 409, detail: 'У вас уже есть фильтр «Занято».' } };
        saved = [{ id: 'f-9', ownerId: admin.id, mine: true, ...b }];
        return { status: 201, json: saved[0] };
      },
    });
    renderDeals(admin, '/deals?view=list&stage=lead&withoutTask=true&deliveredToT=12.5&funnel=scrap');
    const panel = await openPanel();
    await within(panel).findByText('Сохранённых фильтров пока нет');
    fireEvent.click(within(panel).getByTestId('save-filter'));
    const dialog = await saveDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await within(dialog).findByText('Введите название фильтра');

    fireEvent.change(within(dialog).getByTestId('saved-filter-name'), { target: { value: 'Занято' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await within(dialog).findByText('У вас уже есть фильтр «Занято».');

    fireEvent.change(within(dialog).getByTestId('saved-filter-name'), { target: { value: ' Лиды без задач ' } });
    fireEvent.click(within(dialog).getByTestId('saved-filter-shared'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(2));
    expect(sent.filter((r) => r.method === 'POST')[1]).toEqual({
      method: 'POST', path: '/api/deals/filters',
      body: { name: 'Лиды без задач', query: { stage: ['lead'], withoutTask: 'true', deliveredToT: '12.5' }, shared: true },
    });

    const again = await openPanel();
    const item = await within(again).findByTestId('saved-filter');
    expect(item.textContent).toContain('Лиды без задач');
    expect(item.textContent).toContain('общий');
  });

  it('a manager saves only for themself: no «Доступен всем»', async () => {
    const { sent } = gateway({ 'POST /api/deals/filters': (body) => ({ status: 201, json: { id: 'f-2', ownerId: manager.id, mine: true, ...(body as object) } }) });
    renderDeals(manager, '/deals?view=list&source=manual');
    const panel = await openPanel();
    fireEvent.click(within(panel).getByTestId('save-filter'));
    const dialog = await saveDialog();
    expect(within(dialog).queryByTestId('saved-filter-shared')).toBeNull();
    fireEvent.change(within(dialog).getByTestId('saved-filter-name'), { target: { value: 'Ручные' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1));
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ name: 'Ручные', query: { source: ['manual'] }, shared: false });
  });

  it('applies a saved filter in place of the current one; a shared one is not deletable by a manager', async () => {
    let saved: SavedFilter[] = [sharedFilter, { id: 'f-2', name: 'Мои лиды', shared: false, ownerId: manager.id, mine: true, query: { stage: ['lead'], owner: 'me' } }];
    const { asked, sent } = gateway({
      'GET /api/deals/filters': () => ({ status: 200, json: { items: saved } }),
      'DELETE /api/deals/filters/f-2': () => {
        saved = saved.filter((f) => f.id !== 'f-2');
        return { status: 204 };
      },
    });
    const router = renderDeals(manager, '/deals?view=list&tags=%23old&closed=all');
    const panel = await openPanel();
    const items = await within(panel).findAllByTestId('saved-filter');
    expect(items.map((i) => i.textContent)).toEqual(['Медь без задачобщий', 'Мои лиды']);
    // a manager may delete only their own
    expect(within(items[0]).queryByTestId('delete-saved-filter')).toBeNull();
    fireEvent.click(within(items[1]).getByTestId('delete-saved-filter'));
    const confirm = await waitFor(() => {
      const pop = document.querySelector('.ant-popconfirm') as HTMLElement | null;
      if (!pop) throw new Error('no confirmation');
      return pop;
    });
    expect(confirm.textContent).toContain('Удалить фильтр «Мои лиды»?');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Удалить' }));
    await waitFor(() => expect(within(panel).getAllByTestId('saved-filter')).toHaveLength(1));
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual(['/api/deals/filters/f-2']);

    fireEvent.click(within(items[0]).getByRole('button', { name: 'Медь без задач' }));
    await waitFor(() => expect(last(asked).getAll('grade')).toEqual(['медь']));
    const q = last(asked);
    expect(q.get('withoutTask')).toBe('true');
    expect(q.getAll('stage')).toEqual(['offer']);
    expect(q.get('deliveredFromT')).toBe('5');
    expect(q.getAll('tags')).toEqual([]);
    expect(q.get('closed')).toBe('false');
    const url = new URLSearchParams(router.state.location.search);
    expect(url.get('view')).toBe('list');
    expect(url.get('tags')).toBeNull();
    expect((await screen.findByTestId('filter-chips')).textContent).toContain('Вывезена марка: медь');
  });
});
