import { describe, expect, it } from 'vitest';
import type { Task } from '../api/types';
import { calendarEvents, visibleHours, calendarNow, calendarRange, calendarSlot, droppedDue, fromCalendarDate, moreHref, toCalendarDate, toCalendarEvent } from './calendar';
import { taskFilterFromSearchParams, taskListQuery } from './filters';

function task(extra: Partial<Task>): Task {
  return {
    id: 't1', text: 'Позвонить', type: 'call', typeName: 'Звонок', dueAt: null, dueDate: null, timeZone: null, allDay: false,
    deadline: '2026-05-10T07:00:00Z', status: 'open', assignee: { id: 'u', username: 'manager1', name: 'Павел' }, link: null, result: null,
    completedAt: null, completedBy: null, createdBy: null, createdAt: '2026-05-01T00:00:00Z', source: null, funnel: null, stage: null,
    updatedAt: '2026-05-01T00:00:00Z', version: 1, ...extra,
  };
}

describe('calendar in Moscow time', () => {
  it('shows a timed task at its Moscow wall-clock time', () => {
    expect(toCalendarDate('2026-05-10T07:00:00Z')).toBe('2026-05-10T10:00:00');
    const e = toCalendarEvent(task({ dueAt: '2026-05-10T07:00:00Z' }));
    expect(e).toMatchObject({ start: '2026-05-10T10:00:00', end: '2026-05-10T10:30:00', allDay: false, editable: true, classNames: ['task-open'] });
  });

  it('shows an all-day task on its day; a done task cannot be dragged', () => {
    const e = toCalendarEvent(task({ allDay: true, dueDate: '2026-05-11', deadline: '2026-05-11T21:00:00Z', status: 'done' }));
    expect(e).toMatchObject({ start: '2026-05-11', allDay: true, editable: false, classNames: ['task-done'] });
  });

  it('turns a drop back into the real instant or day', () => {
    // dropped at 14:30 on the calendar = 14:30 Moscow = 11:30 UTC
    expect(fromCalendarDate(new Date('2026-05-12T14:30:00Z'))).toBe('2026-05-12T11:30:00.000Z');
    expect(droppedDue(new Date('2026-05-12T14:30:00Z'), false)).toEqual({ dueAt: '2026-05-12T11:30:00.000Z' });
    expect(droppedDue(new Date('2026-05-13T00:00:00Z'), true)).toEqual({ dueDate: '2026-05-13', timeZone: 'Europe/Moscow' });
  });

  it('asks the server for the visible days, end inclusive', () => {
    expect(calendarRange(new Date('2026-05-11T00:00:00Z'), new Date('2026-05-18T00:00:00Z'))).toEqual({ from: '2026-05-11', to: '2026-05-17' });
  });

  it('puts "now" on Moscow time', () => {
    expect(calendarNow(new Date('2026-05-10T21:30:00Z'))).toBe('2026-05-11T00:30:00Z');
  });

  it('asks for hours in the day and week views, whole days in the month', () => {
    expect(calendarSlot('timeGridDay')).toBe('hour');
    expect(calendarSlot('timeGridWeek')).toBe('hour');
    expect(calendarSlot('dayGridMonth')).toBe('day');
  });

  it('turns the answer into events: each task once, and «ещё N задач» in each slot that had more, linking to them in the list', () => {
    const filter = { who: 'all', status: 'active' as const, type: 'call' };
    const events = calendarEvents({
      from: '2026-05-11', to: '2026-05-12', timeZone: 'Europe/Moscow',
      days: [
        {
          date: '2026-05-11', total: 12,
          items: [
            task({ id: 'a', allDay: true, dueDate: '2026-05-11', deadline: '2026-05-11T21:00:00Z' }),
            task({ id: 'b', dueAt: '2026-05-11T07:00:00Z' }),
            task({ id: 'c', dueAt: '2026-05-11T07:15:00Z' }),
            task({ id: 'd', dueAt: '2026-05-11T07:30:00Z' }),
          ],
          more: [
            // 10:00–11:00 Moscow had 3 more tasks than shown; the all-day row 5 more
            { start: '2026-05-11T07:00:00Z', end: '2026-05-11T08:00:00Z', allDay: false, count: 3 },
            { start: '2026-05-10T21:00:00Z', end: '2026-05-11T21:00:00Z', allDay: true, count: 5 },
          ],
        },
        // a task listed on two days is one event
        { date: '2026-05-12', total: 1, items: [task({ id: 'b', dueAt: '2026-05-11T07:00:00Z' })], more: [] },
      ],
    }, filter);

    const tasks = events.filter((e) => e.extendedProps.task);
    expect(tasks.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(tasks.every((e) => e.extendedProps.order === 0 && e.editable)).toBe(true);

    const more = events.filter((e) => e.extendedProps.more);
    expect(more).toHaveLength(2);
    expect(more[0]).toMatchObject({
      title: 'ещё 3\u00a0задачи', start: '2026-05-11T10:00:00', end: '2026-05-11T11:00:00', allDay: false, editable: false,
      classNames: ['task-more'], extendedProps: { order: 1 },
    });
    expect(more[1]).toMatchObject({ title: 'ещё 5\u00a0задач', start: '2026-05-11', end: undefined, allDay: true, editable: false });
    expect(new Set(more.map((e) => e.id)).size).toBe(2);

    // the link: the list view (no view=…) under the same filter, narrowed to the slot's [start, end)
    const url = new URL(more[0]!.url!, 'http://localhost');
    expect(url.pathname).toBe('/tasks');
    expect(url.searchParams.get('view')).toBeNull();
    expect(Object.fromEntries(url.searchParams)).toEqual({
      who: 'all', type: 'call', dueFrom: '2026-05-11T07:00:00Z', dueTo: '2026-05-11T08:00:00Z', dueAllDay: 'false',
    });
    expect(more[0]!.extendedProps.more!.href).toBe(more[0]!.url);
    // …which the list reads back into exactly that request
    const listed = taskListQuery(taskFilterFromSearchParams(url.searchParams), 'u-1', 0, 50);
    expect(listed).toMatchObject({ assigneeId: undefined, type: 'call', status: ['open', 'overdue'], from: '2026-05-11T07:00:00.000Z', to: '2026-05-11T08:00:00.000Z', allDay: false });
    // the all-day row's «ещё N» lists the all-day tasks of the day, not the day's timed ones too
    const allDayLink = new URL(more[1]!.url!, 'http://localhost').searchParams;
    expect(allDayLink.get('dueFrom')).toBe('2026-05-10T21:00:00Z');
    expect(taskListQuery(taskFilterFromSearchParams(allDayLink), 'u-1', 0, 50).allDay).toBe(true);
  });

  it('puts a whole day\'s «ещё N» (month view) on the day', () => {
    const [e] = calendarEvents({
      from: '2026-05-01', to: '2026-05-31', timeZone: 'Europe/Moscow',
      days: [{ date: '2026-05-20', total: 25, items: [], more: [{ start: '2026-05-19T21:00:00Z', end: '2026-05-20T21:00:00Z', allDay: null, count: 22 }] }],
    }, { who: 'mine', status: 'all' });
    expect(e).toMatchObject({ title: 'ещё 22\u00a0задачи', start: '2026-05-20', allDay: true });
    expect(e!.url).toBe(moreHref({ who: 'mine', status: 'all' }, { start: '2026-05-19T21:00:00Z', end: '2026-05-20T21:00:00Z' }));
    expect(e!.url).toBe('/tasks?status=all&dueFrom=2026-05-19T21%3A00%3A00Z&dueTo=2026-05-20T21%3A00%3A00Z');
  });

  it('widens the day\'s hours to every timed event, so none is cut off by the grid', () => {
    expect(visibleHours([])).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '22:00:00' });
    expect(visibleHours([
      { start: '2026-05-11T06:30:00', end: '2026-05-11T07:00:00', allDay: false },
      { start: '2026-05-11T22:00:00', end: '2026-05-11T22:30:00', allDay: false },
      { start: '2026-05-11', allDay: true },
    ])).toEqual({ slotMinTime: '06:00:00', slotMaxTime: '23:00:00' });
    expect(visibleHours([{ start: '2026-05-11T23:45:00', end: '2026-05-12T00:15:00', allDay: false }]).slotMaxTime).toBe('24:00:00');
    expect(visibleHours([{ start: '2026-05-11T00:10:00', end: '2026-05-11T00:40:00', allDay: false }]).slotMinTime).toBe('00:00:00');
  });
});
