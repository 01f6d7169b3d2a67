import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import type { DealHistoryEntry, Task } from '../api/types';
import { buildFeed, noteRefusal, noteToSend, showsNoTask } from './feed';

const manager = { id: 'u1', username: 'manager1', name: 'Менеджер Первый' };
const head = { id: 'u9', username: 'head', name: 'Руководитель' };

function entry(at: string, type: string, changes: DealHistoryEntry['changes'] = {}, actor = manager): DealHistoryEntry {
  return { at, actor, type, changes };
}

function note(at: string, text: string, actor = manager): DealHistoryEntry {
  return entry(at, 'DealNoteAdded', { text: { from: null, to: text } }, actor);
}

function task(id: string, status: Task['status'], deadline: string, extra: Partial<Task> = {}): Task {
  return {
    id, text: `Задача ${id}`, type: 'call', typeName: 'Звонок', dueAt: deadline, dueDate: null, timeZone: null, allDay: false, deadline, status,
    assignee: manager, link: { type: 'deal', id: 'd1' }, result: null, completedAt: null, completedBy: null, createdBy: manager,
    createdAt: '2026-03-01T08:00:00Z', source: null, funnel: null, stage: null, updatedAt: '2026-03-01T08:00:00Z', version: 1, ...extra,
  };
}

/** What the feed shows, in order, as short labels. */
function labels(feed: ReturnType<typeof buildFeed>) {
  return feed.past.map((e) => (e.kind === 'note' ? `note:${e.text}${e.pending ? ' (pending)' : ''}` : e.kind === 'task' ? `done:${e.task.id}` : e.entry.type));
}

describe('the deal feed', () => {
  // the server answers newest first
  const history = [
    note('2026-03-02T12:00:00Z', 'Перезвонить после обеда', head),
    entry('2026-03-02T09:00:00Z', 'DealStageChanged', { stage: { from: 'lead', to: 'qualified' } }),
    note('2026-03-01T10:00:00Z', 'Везёт 20 т в месяц'),
    entry('2026-03-01T09:00:00Z', 'DealCreated', { title: { from: null, to: 'Металлобаза' } }),
  ];

  it('puts changes, notes and completed tasks in the order they happened, oldest first', () => {
    const tasks = [task('t-done', 'done', '2026-03-02T08:00:00Z', { completedAt: '2026-03-02T10:30:00Z', result: 'Дозвонился' })];
    expect(labels(buildFeed(history, tasks))).toEqual([
      'DealCreated', 'note:Везёт 20 т в месяц', 'DealStageChanged', 'done:t-done', 'note:Перезвонить после обеда',
    ]);
  });

  it('keeps a note as a note, with its author and text, not as a change', () => {
    const [, second] = buildFeed(history, []).past;
    expect(second).toMatchObject({ kind: 'note', text: 'Везёт 20 т в месяц', author: manager, pending: false });
  });

  it('accepts the history in either order and keeps entries of the same moment as they came', () => {
    const same = [entry('2026-03-01T09:00:00Z', 'DealCreated'), entry('2026-03-01T09:00:00Z', 'DealTagged'), entry('2026-03-01T09:05:00Z', 'DealUpdated')];
    expect(labels(buildFeed(same, []))).toEqual(['DealCreated', 'DealTagged', 'DealUpdated']);
    expect(labels(buildFeed([...same].reverse(), []))).toEqual(['DealCreated', 'DealTagged', 'DealUpdated']);
  });

  it('lists open tasks under the past, the nearest deadline first, overdue ones included; each task once', () => {
    const later = task('t-later', 'open', '2026-03-10T09:00:00Z');
    const overdue = task('t-overdue', 'overdue', '2026-03-01T09:00:00Z');
    const soon = task('t-soon', 'open', '2026-03-03T09:00:00Z');
    const feed = buildFeed(history, [later, overdue, soon, soon]);
    expect(feed.planned.map((t) => t.id)).toEqual(['t-overdue', 't-soon', 't-later']);
    expect(feed.past.some((e) => e.kind === 'task')).toBe(false);
  });

  it('shows a note being sent after everything that happened, until the server confirms it', () => {
    const sending = { text: 'Договорились на пятницу', sentAt: '2026-03-02T11:59:00Z', author: manager };
    const before = buildFeed(history, [], [sending]);
    expect(labels(before).at(-1)).toBe('note:Договорились на пятницу (pending)');

    // confirmed (the server's clock may differ a little): shown once, as the server's entry
    const confirmed = [note('2026-03-02T11:58:30Z', 'Договорились на пятницу'), ...history];
    const after = buildFeed(confirmed, [], [sending]);
    expect(labels(after).filter((l) => l.startsWith('note:Договорились'))).toEqual(['note:Договорились на пятницу']);
  });

  it('does not take an old note with the same words for the one being sent', () => {
    const old = [note('2026-02-01T10:00:00Z', 'Ок'), ...history];
    const feed = buildFeed(old, [], [{ text: 'Ок', sentAt: '2026-03-02T13:00:00Z', author: manager }]);
    expect(labels(feed).filter((l) => l.startsWith('note:Ок'))).toEqual(['note:Ок', 'note:Ок (pending)']);
  });

  it('sends nothing blank and trims what it sends', () => {
    expect(noteToSend('   \n  ')).toBeNull();
    expect(noteToSend('  строка 1\nстрока 2 \n')).toBe('строка 1\nстрока 2');
  });
});

describe('no task warning (rule 3)', () => {
  it('warns about an open deal the server says has no open task', () => {
    expect(showsNoTask({ closed: false, hasOpenTask: false }, 0)).toBe(true);
    expect(showsNoTask({ closed: false, hasOpenTask: false }, undefined)).toBe(true);
  });

  it('stops warning as soon as the task list shows one, before the flag catches up', () => {
    expect(showsNoTask({ closed: false, hasOpenTask: false }, 1)).toBe(false);
  });

  it('never warns about a closed deal, a deal with a task (maybe a colleague\'s) or an unknown flag', () => {
    expect(showsNoTask({ closed: true, hasOpenTask: false }, 0)).toBe(false);
    expect(showsNoTask({ closed: false, hasOpenTask: true }, 0)).toBe(false);
    expect(showsNoTask({ closed: false, hasOpenTask: null }, 0)).toBe(false);
  });
});

describe('a refused note', () => {
  it("says what the server said about the text, or its detail", () => {
    const blank = new ApiError(422, 'Проверьте поля: text.', 'validation', [{ field: 'text', message: 'напишите текст примечания' }]);
    expect(noteRefusal(blank)).toBe('Напишите текст примечания');
    expect(noteRefusal(new ApiError(403, 'Недостаточно прав: сделка другого менеджера.'))).toBe('Недостаточно прав: сделка другого менеджера.');
    expect(noteRefusal(new Error('boom'))).toBe('Не удалось выполнить действие. Повторите.');
  });
});
