// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeGateway } from '../../test/dom';
import { renderAsUser } from '../../test/render';
import type { DealCard, DealHistoryEntry, Me, Task } from '../../api/types';
import { DealFeed } from './DealFeed';
import { ru } from '../../i18n/ru';

const me: Me = { id: 'u-manager1', username: 'manager1', name: 'Менеджер Первый', email: null, roles: ['crm-manager'], groups: [] };
const head = { id: 'u-head', username: 'head', name: 'Руководитель Отдела' };
const mine = { id: me.id, username: me.username, name: me.name };

const deal = {
  id: 'd-1', title: 'Металлобаза на Складской', funnel: 'scrap', stage: 'qualified', owner: mine, contact: null, company: null,
  details: { expectedMonthlyVolumeT: null, metalGrades: [], priceTerms: null, address: null, notes: null, questionnaire: {} },
  tags: [], deliveries: [], deliveredKg: null, hasOpenTask: true, closed: false, lossReason: null, source: 'manual', promotedFrom: null,
  createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-02T09:00:00Z', version: 3,
} as unknown as DealCard;

function task(id: string, text: string, status: Task['status'], deadline: string, extra: Partial<Task> = {}): Task {
  return {
    id, text, type: 'call', typeName: 'Звонок', dueAt: deadline, dueDate: null, timeZone: null, allDay: false, deadline, status,
    assignee: mine, link: { type: 'deal', id: 'd-1' }, result: null, completedAt: null, completedBy: null, createdBy: mine,
    createdAt: '2026-03-01T09:00:00Z', source: null, funnel: null, stage: null, updatedAt: '2026-03-01T09:00:00Z', version: 1, ...extra,
  };
}

/** newest first, as deal-service answers */
const serverHistory: DealHistoryEntry[] = [
  { at: '2026-03-02T12:00:00Z', actor: head, type: 'DealNoteAdded', changes: { text: { from: null, to: 'Клиент просил перезвонить\nпосле обеда' } } },
  { at: '2026-03-02T09:00:00Z', actor: mine, type: 'DealStageChanged', changes: { stage: { from: 'lead', to: 'qualified' } } },
  { at: '2026-03-01T09:00:00Z', actor: mine, type: 'DealCreated', changes: { title: { from: null, to: 'Металлобаза на Складской' } } },
];
const doneTask = task('t-done', 'Отправить прайс', 'done', '2026-03-02T08:00:00Z', { completedAt: '2026-03-02T10:00:00Z', completedBy: mine, result: 'Прайс отправлен на почту' });
const openTasks = [
  task('t-later', 'Съездить на площадку', 'open', '2026-03-20T09:00:00Z'),
  task('t-overdue', 'Позвонить по объёмам', 'overdue', '2026-03-02T07:00:00Z'),
];

type Routes = Parameters<typeof fakeGateway>[0];

function gateway(extra: Routes = {}, options: { open?: Task[]; history?: DealHistoryEntry[] } = {}) {
  return fakeGateway({
    'GET /api/deals/d-1/history': () => ({ status: 200, json: { items: options.history ?? serverHistory } }),
    'GET /api/tasks': (_body, url) => ({
      status: 200,
      json: url.searchParams.getAll('status').includes('done')
        ? { items: [doneTask], total: 1 }
        : { items: options.open ?? openTasks, total: (options.open ?? openTasks).length },
    }),
    'GET /api/tasks/types': () => ({ status: 200, json: { items: [{ code: 'call', name: 'Звонок' }] } }),
    ...extra,
  });
}

function renderFeed(card: DealCard = deal) {
  return renderAsUser(me, <DealFeed deal={card} />);
}

/** The feed's entries from top to bottom, as short words. */
function feedOrder(): string[] {
  const feed = screen.getByTestId('deal-feed');
  return [...feed.querySelectorAll('[data-testid="feed-change"], [data-testid="feed-note"], [data-testid="feed-task"], [data-testid="task-row"]')].map((el) => {
    const id = el.getAttribute('data-testid');
    if (id === 'feed-change') return el.getAttribute('data-type')!;
    if (id === 'feed-note') return `note:${el.querySelector('.feed-bubble-text')!.textContent}${el.hasAttribute('data-pending') ? ' (pending)' : ''}`;
    return `${el.getAttribute('data-status')}:${el.getAttribute('data-task-text')}`;
  });
}

describe('deal feed', () => {
  it('says the анкета, its values, the linked company and the stages in Russian words, never as codes', async () => {
    const companyId = '0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90';
    gateway({
      'GET /api/companies/0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90': () => ({ status: 200, json: { id: companyId, type: 'company', name: 'ООО «Вторчермет»', card: { phones: [], emails: [] } } }),
    }, {
      open: [],
      history: [
        { at: '2026-03-02T12:00:00Z', actor: mine, type: 'DealClosed', changes: { stage: { from: 'first_delivery', to: 'won' } } },
        {
          at: '2026-03-02T10:00:00Z', actor: mine, type: 'DealUpdated', changes: {
            'questionnaire.scrapType': { from: null, to: 'чермет' },
            'questionnaire.delivery': { from: 'own', to: 'pickup' },
            'questionnaire.someNewQuestion': { from: null, to: 'да' },
            companyId: { from: null, to: companyId },
          },
        },
        { at: '2026-03-01T09:00:00Z', actor: mine, type: 'DealCreated', changes: { funnel: { from: null, to: 'scrap' }, source: { from: null, to: 'unsorted' } } },
      ],
    });
    renderFeed();
    await waitFor(() => expect(screen.getAllByTestId('feed-change')).toHaveLength(3));
    const feed = screen.getByTestId('deal-feed');
    await waitFor(() => expect(feed.textContent).toContain('ООО «Вторчермет»'));
    const text = feed.textContent!;
    expect(text).toContain('Анкета: какой лом: чермет');
    expect(text).toContain('Анкета: доставка: Везёт сам → Вывоз');
    expect(text).toContain(`${ru.history.questionnaireFallback}: да`);
    expect(text).toContain('Этап: Первая поставка → Успешно реализовано');
    expect(text).toContain('Воронка: ЛОМ');
    expect(text).toContain('Источник: Неразобранное');
    expect(text).not.toMatch(/[a-z]+\.[a-zA-Z]+/);
    for (const code of ['pickup', 'own', 'won', 'first_delivery', 'scrap', 'unsorted', companyId]) expect(text).not.toContain(code);
  });

  it('shows history, notes and tasks as one chat: oldest first, completed tasks in place, open tasks last by deadline', async () => {
    gateway();
    renderFeed();
    await waitFor(() => expect(feedOrder()).toHaveLength(6));
    expect(feedOrder()).toEqual([
      'DealCreated',
      'DealStageChanged',
      'done:Отправить прайс',
      'note:Клиент просил перезвонить\nпосле обеда',
      'overdue:Позвонить по объёмам',
      'open:Съездить на площадку',
    ]);
    // a note is a bubble with its author, not a "change"
    const bubble = screen.getAllByTestId('feed-note')[0]!;
    expect(bubble.textContent).toContain('Руководитель Отдела');
    expect(bubble.className).not.toContain('mine');
    // a completed task with its result; open ones can be completed or moved in place
    expect(screen.getAllByTestId('feed-task')[0]!.textContent).toContain('Прайс отправлен на почту');
    const overdue = screen.getAllByTestId('task-row')[0]!;
    expect(within(overdue).getByTestId('complete-task')).toBeTruthy();
    expect(within(overdue).getByTestId('reschedule-task')).toBeTruthy();
    expect(screen.queryByTestId('no-task-banner')).toBeNull();
  });

  it('shows a note at once, then rolls it back with the server\'s words when refused — and gives the text back', async () => {
    let refuse: () => void = () => {};
    const answered = new Promise<void>((resolve) => { refuse = resolve; });
    const sent = gateway({
      'POST /api/deals/d-1/notes': async () => {
        await answered;
        return {
          status: 403,
          json: { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'Недостаточно прав: сделка закреплена за другим менеджером.' },
        };
      },
    });
    renderFeed();
    await waitFor(() => expect(feedOrder()).toHaveLength(6));

    const input = screen.getByTestId('note-input');
    fireEvent.change(input, { target: { value: '  Везёт 20 т в месяц  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    // on screen before the server answered, below everything that happened, above the open tasks
    await waitFor(() => expect(feedOrder()).toContain('note:Везёт 20 т в месяц (pending)'));
    expect(feedOrder().indexOf('note:Везёт 20 т в месяц (pending)')).toBe(4);
    expect(screen.getAllByTestId('feed-note').at(-1)!.className).toContain('mine');
    expect(input).toHaveProperty('value', '');
    expect(sent.filter((r) => r.method === 'POST')).toEqual([{ method: 'POST', path: '/api/deals/d-1/notes', body: { text: 'Везёт 20 т в месяц' } }]);

    refuse();
    const error = await screen.findByTestId('note-error');
    expect(error.textContent).toContain('Недостаточно прав: сделка закреплена за другим менеджером.');
    await waitFor(() => expect(feedOrder().some((e) => e.includes('Везёт 20 т'))).toBe(false));
    expect(input).toHaveProperty('value', 'Везёт 20 т в месяц');
  });

  it('keeps a confirmed note once, as the server wrote it; Shift+Enter is a new line, not a send', async () => {
    const written: DealHistoryEntry[] = [];
    const sent = gateway({
      'POST /api/deals/d-1/notes': (body) => {
        const entry = { at: '2026-03-02T13:00:00Z', actor: mine, type: 'DealNoteAdded', changes: { text: { from: null, to: (body as { text: string }).text } } };
        written.push(entry);
        return { status: 201, json: entry };
      },
      'GET /api/deals/d-1/history': () => ({ status: 200, json: { items: [...written, ...serverHistory] } }),
    });
    renderFeed();
    await waitFor(() => expect(feedOrder()).toHaveLength(6));

    const input = screen.getByTestId('note-input');
    fireEvent.change(input, { target: { value: 'строка 1' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(input, { target: { value: 'строка 1\nстрока 2' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(sent.filter((r) => r.method === 'POST')).toHaveLength(1));
    // after the answer and the history's refetch: one bubble, no longer pending
    await waitFor(() => expect(sent.filter((r) => r.path === '/api/deals/d-1/history').length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(feedOrder().filter((e) => e.startsWith('note:строка'))).toEqual(['note:строка 1\nстрока 2']));
    expect(feedOrder().indexOf('note:строка 1\nстрока 2')).toBe(4);
  });

  it('warns when the deal has no open task and plans one from the warning', async () => {
    gateway({}, { open: [] });
    renderFeed({ ...deal, hasOpenTask: false });
    const banner = await screen.findByTestId('no-task-banner');
    expect(banner.textContent).toContain('Нет задач');
    fireEvent.click(within(banner).getByTestId('set-task'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Новая задача')).toBeTruthy();
  });

  it('does not warn about a closed deal', async () => {
    gateway({}, { open: [] });
    renderFeed({ ...deal, hasOpenTask: false, closed: true });
    await waitFor(() => expect(feedOrder().length).toBeGreaterThan(0));
    expect(screen.queryByTestId('no-task-banner')).toBeNull();
  });
});
