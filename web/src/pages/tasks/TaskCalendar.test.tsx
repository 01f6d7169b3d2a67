// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fakeGateway } from '../../test/dom';
import { MeContext } from '../../components/MeContext';
import type { Me } from '../../api/types';
import { moscowDayStart } from '../../lib/format';
import { TaskCalendar } from './TaskCalendar';

const manager: Me = { id: 'u-manager1', username: 'manager1', name: 'Менеджер Первый', email: null, roles: ['crm-manager'], groups: [] };

function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

describe('task calendar', () => {
  it('asks for hour slots, 3 per slot, and shows the left-out tasks of an hour as a link to them in the list', async () => {
    const asked: URL[] = [];
    fakeGateway({
      'GET /api/tasks/types': () => ({ status: 200, json: { items: [] } }),
      'GET /api/tasks/calendar': (_body, url) => {
        asked.push(url);
        const day = url.searchParams.get('from')!;
        const start = new Date(new Date(moscowDayStart(day)).getTime() + 10 * 3_600_000).toISOString(); // 10:00 Moscow
        const end = new Date(new Date(start).getTime() + 3_600_000).toISOString();
        return {
          status: 200,
          json: { from: day, to: url.searchParams.get('to'), timeZone: 'Europe/Moscow', days: [{ date: day, total: 8, items: [], more: [{ start, end, allDay: false, count: 8 }] }] },
        };
      },
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <MeContext.Provider value={manager}>
          <MemoryRouter initialEntries={['/tasks?view=calendar']}>
            <AntApp>
              <Routes>
                <Route path="/tasks" element={<><TaskCalendar filter={{ who: 'mine', status: 'active' }} view="timeGridWeek" onViewChange={() => {}} /><Where /></>} />
              </Routes>
            </AntApp>
          </MemoryRouter>
        </MeContext.Provider>
      </QueryClientProvider>,
    );

    const more = await screen.findByTestId('calendar-more');
    expect(more.textContent).toBe('+8 ещё 8\u00a0задач');
    expect(asked[0]!.searchParams.get('slot')).toBe('hour');
    expect(asked[0]!.searchParams.get('perSlot')).toBe('3');
    expect(asked[0]!.searchParams.get('assigneeId')).toBe(manager.id);

    fireEvent.click(more);
    await waitFor(() => expect(screen.getByTestId('where').textContent).toMatch(/^\/tasks\?dueFrom=/));
    const target = new URLSearchParams(screen.getByTestId('where').textContent!.split('?')[1]);
    expect(target.get('view')).toBeNull();
    expect(new Date(target.get('dueTo')!).getTime() - new Date(target.get('dueFrom')!).getTime()).toBe(3_600_000);
  });
});
