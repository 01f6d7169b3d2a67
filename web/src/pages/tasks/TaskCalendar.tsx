import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import ruLocale from '@fullcalendar/core/locales/ru';
import type { DatesSetArg, EventDropArg, EventContentArg, DayCellContentArg } from '@fullcalendar/core';
import type { DateClickArg, EventResizeDoneArg } from '@fullcalendar/interaction';
import { App, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { taskApi } from '../../api/endpoints';
import { messageOf } from '../../api/http';
import type { CalendarMore, Task } from '../../api/types';
import { calendarDay, calendarEvents, calendarNow, calendarRange, calendarSlot, droppedDue, PER_SLOT, visibleHours } from '../../lib/calendar';
import { taskAssignee, taskStatuses, type TaskFilter } from '../../lib/filters';
import { dayjs, TIME_ZONE } from '../../lib/format';
import { ErrorState } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { TaskDialog, type TaskDefaults } from '../../components/tasks/TaskDialog';
import { useTaskInvalidation } from '../../components/tasks/TaskActions';

export type CalendarView = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth';

/**
 * Day, week and month; drag (or stretch) a task to reschedule it; click an empty slot to plan one. The server sends at
 * most PER_SLOT tasks per hour (day and week) or per day (month) and counts the rest: each such slot shows «ещё N задач»,
 * a link to those tasks in the list. FullCalendar itself hides nothing (no row or stack limits).
 */
export function TaskCalendar({ filter, view, onViewChange }: { filter: TaskFilter; view: CalendarView; onViewChange: (view: CalendarView) => void }) {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const invalidate = useTaskInvalidation();
  // the visible days and the slot size, set together from FullCalendar's datesSet (one request per view change)
  const [range, setRange] = useState<{ from: string; to: string; slot: 'hour' | 'day' } | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const [creating, setCreating] = useState<TaskDefaults | null>(null);
  const navigate = useNavigate();
  // a link may open the calendar on a given day (?date=yyyy-MM-dd); otherwise today
  const [params] = useSearchParams();
  const [initialDate] = useState(() => (/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : undefined));
  const statuses = taskStatuses(filter.status);
  const q = filter.q?.trim() || undefined;
  const calendar = useQuery({
    queryKey: ['tasks', 'calendar', range, filter.who, statuses, filter.type, q, me.id],
    queryFn: ({ signal }) => taskApi.calendar({
      from: range!.from, to: range!.to, tz: TIME_ZONE, assigneeId: taskAssignee(filter.who, me.id), status: statuses, type: filter.type || undefined,
      q, slot: range!.slot, perSlot: PER_SLOT,
    }, signal),
    enabled: !!range,
    placeholderData: (previous) => previous,
  });
  const events = useMemo(() => calendarEvents(calendar.data, filter), [calendar.data, filter]);
  const hours = useMemo(() => visibleHours(events), [events]);
  const totals = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d.total ?? d.items.length])), [calendar.data]);

  const move = async (info: EventDropArg | EventResizeDoneArg) => {
    const task = info.event.extendedProps.task as Task | undefined;
    if (!task) {
      info.revert();
      return;
    }
    if (task.status === 'done') {
      info.revert();
      message.warning(ru.tasks.doneCannotMove);
      return;
    }
    try {
      await taskApi.reschedule(task.id, droppedDue(info.event.start!, info.event.allDay));
      message.success(ru.tasks.rescheduled);
      invalidate();
    } catch (e) {
      info.revert();
      message.error(`${ru.tasks.dragRefused}. ${messageOf(e)}`, 8);
    }
  };

  return (
    <div className="task-calendar" data-testid="task-calendar">
      {calendar.isError && <ErrorState error={calendar.error} onRetry={() => calendar.refetch()} />}
      <Spin spinning={calendar.isFetching && !calendar.data}>
        <FullCalendar
          plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
          locale={ruLocale}
          timeZone="UTC"
          now={calendarNow}
          initialView={view}
          initialDate={initialDate}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' }}
          buttonText={{ today: ru.tasks.calendar.today, day: ru.tasks.calendar.day, week: ru.tasks.calendar.week, month: ru.tasks.calendar.month }}
          allDayText={ru.tasks.calendar.allDay}
          firstDay={1}
          slotMinTime={hours.slotMinTime}
          slotMaxTime={hours.slotMaxTime}
          scrollTime="08:00:00"
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          nowIndicator
          height="calc(100vh - 140px)"
          dayMaxEvents={false}
          dayMaxEventRows={false}
          eventOrder="order,start,-duration,allDay,title"
          eventMinHeight={36}
          slotEventOverlap={false}
          editable
          eventDurationEditable={false}
          events={events}
          datesSet={(arg: DatesSetArg) => {
            const next = { ...calendarRange(arg.start, arg.end), slot: calendarSlot(arg.view.type) };
            setRange((current) => (current && current.from === next.from && current.to === next.to && current.slot === next.slot ? current : next));
            if (arg.view.type !== view) onViewChange(arg.view.type as CalendarView);
          }}
          eventClick={(info) => {
            const more = info.event.extendedProps.more as (CalendarMore & { href: string }) | undefined;
            if (more) {
              info.jsEvent.preventDefault();
              navigate(more.href);
              return;
            }
            setEditing(info.event.extendedProps.task as Task);
          }}
          // "+N" first: in a narrow column (tasks side by side) the count stays readable when the words are cut
          eventContent={(arg: EventContentArg) => (arg.event.extendedProps.more
            ? <span className="task-more-link"><b>+{(arg.event.extendedProps.more as CalendarMore).count}</b> {arg.event.title}</span>
            : true)}
          dayCellContent={(arg: DayCellContentArg) => {
            const total = arg.view.type === 'dayGridMonth' ? totals.get(calendarDay(arg.date)) : undefined;
            return total ? <><span className="fc-day-total muted">{ru.tasks.calendar.dayTotal(total)}</span> {arg.dayNumberText}</> : true;
          }}
          eventDrop={(info) => void move(info)}
          eventResize={(info) => void move(info)}
          dateClick={(info: DateClickArg) => {
            const wall = dayjs(info.date).utc().format('YYYY-MM-DDTHH:mm:ss');
            setCreating({ due: info.allDay ? dayjs(wall.slice(0, 10)).hour(10) : dayjs(wall), allDay: false });
          }}
          eventDidMount={(info) => {
            const more = !!info.event.extendedProps.more;
            info.el.setAttribute('data-testid', more ? 'calendar-more' : 'calendar-event');
            info.el.setAttribute('title', more ? `${info.event.title}: ${ru.tasks.calendar.moreHint.toLowerCase()}` : info.event.title);
          }}
        />
      </Spin>
      <TaskDialog open={!!editing} task={editing} onClose={() => setEditing(null)} />
      <TaskDialog open={!!creating} defaults={creating ?? undefined} onClose={() => setCreating(null)} />
    </div>
  );
}
