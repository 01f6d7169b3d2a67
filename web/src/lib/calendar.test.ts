import { describe, expect, it } from 'vitest';
import type { Task } from '../api/types';
import { calendarNow, calendarRange, droppedDue, fromCalendarDate, toCalendarDate, toCalendarEvent } from './calendar';

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
});
