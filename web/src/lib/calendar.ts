import type { Task } from '../api/types';
import { dayjs, TIME_ZONE } from './format';

/**
 * The calendar runs in "UTC" mode and is fed Moscow wall-clock times written as UTC: what it
 * shows at 10:00 is 10:00 in Moscow, whatever the browser's zone. These helpers convert both
 * ways.
 */

/** An instant → the calendar's date (Moscow wall clock coded as UTC). */
export function toCalendarDate(instant: string): string {
  return dayjs(instant).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss');
}

/** A date the calendar reports (Moscow wall clock coded as UTC) → the real instant. */
export function fromCalendarDate(date: Date): string {
  const wall = dayjs(date).utc().format('YYYY-MM-DDTHH:mm:ss');
  return dayjs.tz(wall, TIME_ZONE).toISOString();
}

/** A calendar date → its Moscow day (yyyy-MM-dd). */
export function calendarDay(date: Date): string {
  return dayjs(date).utc().format('YYYY-MM-DD');
}

/** The calendar's "now": Moscow wall clock coded as UTC. */
export function calendarNow(now: Date = new Date()): string {
  return dayjs(now).tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss') + 'Z';
}

export interface CalendarEvent {
  id: string;
  title: string;
  start: string;
  end?: string;
  allDay: boolean;
  editable: boolean;
  classNames: string[];
  extendedProps: { task: Task };
}

/** A task as a calendar event: timed tasks last 30 minutes on screen; done ones are greyed and fixed. */
export function toCalendarEvent(task: Task): CalendarEvent {
  const timed = !task.allDay && !!task.dueAt;
  const start = timed ? toCalendarDate(task.dueAt!) : task.dueDate ?? toCalendarDate(task.deadline).slice(0, 10);
  return {
    id: task.id,
    title: task.text,
    start,
    end: timed ? dayjs(`${start}Z`).utc().add(30, 'minute').format('YYYY-MM-DDTHH:mm:ss') : undefined,
    allDay: !timed,
    editable: task.status !== 'done',
    classNames: [`task-${task.status}`],
    extendedProps: { task },
  };
}

/** Where a dragged event landed, as the task API's due. */
export function droppedDue(start: Date, allDay: boolean): { dueAt?: string; dueDate?: string; timeZone?: string } {
  return allDay ? { dueDate: calendarDay(start), timeZone: TIME_ZONE } : { dueAt: fromCalendarDate(start) };
}

/** The days to ask the server for: FullCalendar's [start, end) → from..to inclusive. */
export function calendarRange(start: Date, end: Date): { from: string; to: string } {
  return { from: calendarDay(start), to: dayjs(end).utc().subtract(1, 'day').format('YYYY-MM-DD') };
}
