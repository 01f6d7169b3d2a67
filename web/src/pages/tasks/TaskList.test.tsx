// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fakeGateway } from '../../test/dom';
import { MeContext } from '../../components/MeContext';
import type { Me, Task } from '../../api/types';
import { GROUP_PAGE, TaskList } from './TaskList';

const manager: Me = { id: 'u-manager1', username: 'manager1', name: 'Менеджер Первый', email: null, roles: ['crm-manager'], groups: [] };

function task(id: string, status: Task['status'], dueAt: string): Task {
  return {
    id, text: `Задача ${id}`, type: 'call', typeName: 'Звонок', dueAt, dueDate: null, timeZone: null, allDay: false, deadline: dueAt, status,
    assignee: { id: manager.id, username: 'manager1', name: manager.name }, link: null, result: null, completedAt: null, completedBy: null,
    createdBy: null, createdAt: '2026-05-01T00:00:00Z', source: null, funnel: null, stage: null, updatedAt: '2026-05-01T00:00:00Z', version: 1,
  };
}

/** Which heading a request is for, by what TaskList asks (status and the due range). */
function groupOf(url: URL): string {
  const status = url.searchParams.getAll('status');
  if (status.join() === 'overdue') return 'overdue';
  if (status.join() === 'done') return 'done';
  if (!url.searchParams.has('from')) return 'today';
  return url.searchParams.has('to') ? 'tomorrow' : 'later';
}

describe('task list', () => {
  it('shows each heading\'s true total and loads more of one heading on its own', async () => {
    const totals: Record<string, number> = { overdue: 3, today: 22223, tomorrow: 0, later: 7 };
    const asked: { group: string; page: string | null; size: string | null; status: string[] }[] = [];
    fakeGateway({
      'GET /api/tasks/types': () => ({ status: 200, json: { items: [] } }),
      'GET /api/tasks': (_body, url) => {
        const group = groupOf(url);
        const page = Number(url.searchParams.get('page') ?? 0);
        asked.push({ group, page: url.searchParams.get('page'), size: url.searchParams.get('size'), status: url.searchParams.getAll('status') });
        const total = totals[group] ?? 0;
        const count = Math.max(0, Math.min(GROUP_PAGE, total - page * GROUP_PAGE));
        const status = group === 'overdue' ? 'overdue' : 'open';
        const items = Array.from({ length: count }, (_, i) => task(`${group}-${page}-${i}`, status, '2030-01-01T07:00:00Z'));
        return { status: 200, json: { items, total, page, size: GROUP_PAGE } };
      },
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MeContext.Provider value={manager}>
          <MemoryRouter>
            <AntApp><TaskList filter={{ who: 'mine', status: 'active' }} /></AntApp>
          </MemoryRouter>
        </MeContext.Provider>
      </QueryClientProvider>,
    );

    const today = await screen.findByTestId('task-group-today');
    // the heading counts all of today's tasks (the answer's total), not the 50 loaded
    expect(within(today).getByTestId('task-group-total').textContent).toBe('22\u00a0223');
    expect(within(screen.getByTestId('task-group-overdue')).getByTestId('task-group-total').textContent).toBe('3');
    expect(within(screen.getByTestId('task-group-later')).getByTestId('task-group-total').textContent).toBe('7');
    expect(screen.queryByTestId('task-group-tomorrow')).toBeNull();
    expect(screen.queryByTestId('task-group-done')).toBeNull(); // «Открытые»: done ones are not asked for
    expect(asked.some((a) => a.group === 'done')).toBe(false);
    expect(asked.filter((a) => a.group === 'today')).toEqual([{ group: 'today', page: '0', size: String(GROUP_PAGE), status: ['open'] }]);
    expect(within(today).getAllByRole('row').filter((r) => r.hasAttribute('data-task-text'))).toHaveLength(GROUP_PAGE);
    expect(document.querySelector('.list-footer')?.textContent).toBe('Всего: 22\u00a0233');

    // only the heading with more than a page offers more, saying how many are left
    expect(screen.queryByTestId('task-group-more-overdue')).toBeNull();
    expect(screen.queryByTestId('task-group-more-later')).toBeNull();
    const more = within(today).getByTestId('task-group-more-today');
    expect(more.textContent).toBe('Показать ещё (22\u00a0173 ещё)');
    fireEvent.click(more);
    await waitFor(() => expect(asked.filter((a) => a.group === 'today').map((a) => a.page)).toEqual(['0', '1']));
    expect(asked.filter((a) => a.group === 'overdue').map((a) => a.page)).toEqual(['0']); // the other headings stay as they were
    await waitFor(() => expect(within(today).getAllByRole('row').filter((r) => r.hasAttribute('data-task-text'))).toHaveLength(2 * GROUP_PAGE));
    expect(within(today).getByTestId('task-group-total').textContent).toBe('22\u00a0223');
  });
});
