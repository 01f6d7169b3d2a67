import type { CalendarMore, Task, TaskCalendar } from '../api/types';
import { ru } from '../i18n/ru';
import { taskFilterToSearchParams, type TaskFilter } from './filters';
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
  url?: string;
  /** Sorts before FullCalendar's own order: a day's or an hour's «ещё N» comes after its tasks. */
  extendedProps: { task?: Task; more?: CalendarMore & { href: string }; order: number };
}

/** How the calendar asks: an hour per slot in the day and week views, the whole day in the month. */
export const PER_SLOT = 3;
export function calendarSlot(view: string): 'hour' | 'day' {
  return view === 'dayGridMonth' ? 'day' : 'hour';
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
    extendedProps: { task, order: 0 },
  };
}

/** The task list (Задачи, list view) under the calendar's filter, narrowed to a slot's period [start, end). */
export function moreHref(filter: TaskFilter, more: Pick<CalendarMore, 'start' | 'end'> & Partial<Pick<CalendarMore, 'allDay'>>): string {
  const params = taskFilterToSearchParams({
    ...filter, from: undefined, to: undefined, dueFrom: more.start, dueTo: more.end, dueAllDay: more.allDay ?? undefined,
  });
  return `/tasks?${params.toString()}`;
}

/**
 * The calendar's answer as FullCalendar events: every task it carries (once, even if listed on two days), and for
 * each slot that had more tasks than it carries, one «ещё N задач» event in that slot — the hour it covers, the
 * all-day row, or (month view, whole-day slots) the day — linking to those tasks in the list.
 */
export function calendarEvents(answer: TaskCalendar | undefined, filter: TaskFilter): CalendarEvent[] {
  const seen = new Set<string>();
  const events: CalendarEvent[] = [];
  for (const day of answer?.days ?? []) {
    for (const task of day.items) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      events.push(toCalendarEvent(task));
    }
  }
  for (const day of answer?.days ?? []) {
    for (const more of day.more ?? []) {
      if (!(more.count > 0)) continue;
      const href = moreHref(filter, more);
      const start = toCalendarDate(more.start);
      const end = toCalendarDate(more.end);
      // a timed slot within the day keeps its hour; an all-day slot or a whole day sits in the day's all-day row / cell
      const wholeDay = more.allDay || new Date(more.end).getTime() - new Date(more.start).getTime() >= 24 * 3_600_000;
      events.push({
        id: `more:${day.date}:${more.allDay ? 'all-day' : more.start}`,
        title: ru.tasks.calendar.moreLinks(more.count),
        start: wholeDay ? day.date : start,
        end: wholeDay ? undefined : end,
        allDay: wholeDay,
        editable: false,
        classNames: ['task-more'],
        url: href,
        extendedProps: { more: { ...more, href }, order: 1 },
      });
    }
  }
  return events;
}

/** Where a dragged event landed, as the task API's due. */
export function droppedDue(start: Date, allDay: boolean): { dueAt?: string; dueDate?: string; timeZone?: string } {
  return allDay ? { dueDate: calendarDay(start), timeZone: TIME_ZONE } : { dueAt: fromCalendarDate(start) };
}

/** The days to ask the server for: FullCalendar's [start, end) → from..to inclusive. */
export function calendarRange(start: Date, end: Date): { from: string; to: string } {
  return { from: calendarDay(start), to: dayjs(end).utc().subtract(1, 'day').format('YYYY-MM-DD') };
}

/**
 * The hours the day and week views show: 07:00–22:00, widened to every timed event in the answer, so a task at
 * 06:30 or 23:00 is on screen rather than cut off by the grid.
 */
export function visibleHours(events: Pick<CalendarEvent, 'start' | 'end' | 'allDay'>[], min = 7, max = 22): { slotMinTime: string; slotMaxTime: string } {
  let from = min;
  let to = max;
  for (const e of events) {
    if (e.allDay || e.start.length < 16) continue;
    const startHour = Number(e.start.slice(11, 13));
    from = Math.min(from, startHour);
    const end = e.end ?? e.start;
    const endHour = end.slice(0, 10) > e.start.slice(0, 10) ? 24 : Number(end.slice(11, 13)) + (end.slice(13, 19) > ':00:00' ? 1 : 0);
    to = Math.max(to, Math.max(endHour, startHour + 1));
  }
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00:00`;
  return { slotMinTime: hh(from), slotMaxTime: hh(Math.min(to, 24)) };
}
