import { describe, expect, it } from 'vitest';
import { quickDue } from './TaskActions';

// Run with TZ=Asia/Vladivostok (npm test): the browser's zone must not matter, only Moscow's clock.
describe('quick reschedule choices (Moscow wall clock)', () => {
  const now = new Date('2026-05-10T06:20:31.456Z'); // Sunday 10.05.2026 09:20:31 in Moscow, 16:20 in Vladivostok
  const at11 = { allDay: false, dueAt: '2026-05-10T08:00:00Z', dueDate: null, timeZone: null }; // 11:00 Moscow

  it('«Через неделю» keeps the task at 11:00 Moscow, a week later', () => {
    expect(quickDue('nextWeek', at11, now)).toEqual({ dueAt: '2026-05-17T08:00:00.000Z' });
  });

  it('«Завтра» keeps the time of day too', () => {
    expect(quickDue('tomorrow', at11, now)).toEqual({ dueAt: '2026-05-11T08:00:00.000Z' });
    const at1845 = { ...at11, dueAt: '2026-05-03T15:45:00Z' }; // 18:45 Moscow, an overdue task
    expect(quickDue('tomorrow', at1845, now)).toEqual({ dueAt: '2026-05-11T15:45:00.000Z' });
  });

  it('counts days on Moscow\'s calendar, not the browser\'s (late evening in Moscow is already tomorrow in Vladivostok)', () => {
    const lateEvening = new Date('2026-05-10T20:30:00Z'); // 23:30 Moscow on the 10th, 06:30 on the 11th in Vladivostok
    expect(quickDue('nextWeek', at11, lateEvening)).toEqual({ dueAt: '2026-05-17T08:00:00.000Z' });
    expect(quickDue('tomorrow', at11, lateEvening)).toEqual({ dueAt: '2026-05-11T08:00:00.000Z' });
  });

  it('«Через час» is an hour from now, to the minute', () => {
    expect(quickDue('inHour', at11, now)).toEqual({ dueAt: '2026-05-10T07:20:00.000Z' });
  });

  it('an all-day task stays all-day; a task without a time of day goes to 10:00', () => {
    expect(quickDue('nextWeek', { allDay: true, dueAt: null, dueDate: '2026-05-10', timeZone: 'Europe/Moscow' }, now))
      .toEqual({ dueDate: '2026-05-17', timeZone: 'Europe/Moscow' });
    expect(quickDue('nextWeek', null, now)).toEqual({ dueAt: '2026-05-17T07:00:00.000Z' });
  });
});
