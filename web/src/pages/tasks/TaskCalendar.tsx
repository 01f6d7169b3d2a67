import { useMemo, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import ruLocale from '@fullcalendar/core/locales/ru';
import type { DatesSetArg, EventDropArg } from '@fullcalendar/core';
import type { DateClickArg, EventResizeDoneArg } from '@fullcalendar/interaction';
import { App, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { taskApi } from '../../api/endpoints';
import { messageOf } from '../../api/http';
import type { Task } from '../../api/types';
import { calendarNow, calendarRange, droppedDue, toCalendarEvent } from '../../lib/calendar';
import { taskAssignee, taskStatuses, type TaskFilter } from '../../lib/filters';
import { dayjs, TIME_ZONE } from '../../lib/format';
import { ErrorState } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { TaskDialog, type TaskDefaults } from '../../components/tasks/TaskDialog';
import { useTaskInvalidation } from '../../components/tasks/TaskActions';

export type CalendarView = 'timeGridDay' | 'timeGridWeek' | 'dayGridMonth';

/** Day, week and month; drag (or stretch) a task to reschedule it; click an empty slot to plan one. */
export function TaskCalendar({ filter, view, onViewChange }: { filter: TaskFilter; view: CalendarView; onViewChange: (view: CalendarView) => void }) {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const invalidate = useTaskInvalidation();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [editing, setEditing] = useState<Task | null>(null);
  const [creating, setCreating] = useState<TaskDefaults | null>(null);
  const statuses = taskStatuses(filter.status);
  const calendar = useQuery({
    queryKey: ['tasks', 'calendar', range, filter.who, statuses, filter.type, me.id],
    queryFn: ({ signal }) => taskApi.calendar({
      from: range!.from, to: range!.to, tz: TIME_ZONE, assigneeId: taskAssignee(filter.who, me.id), status: statuses, type: filter.type || undefined,
    }, signal),
    enabled: !!range,
    placeholderData: (previous) => previous,
  });
  const events = useMemo(() => {
    const seen = new Set<string>();
    return (calendar.data?.days ?? []).flatMap((d) => d.items).filter((t) => !seen.has(t.id) && seen.add(t.id)).map(toCalendarEvent);
  }, [calendar.data]);

  const move = async (info: EventDropArg | EventResizeDoneArg) => {
    const task = info.event.extendedProps.task as Task;
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
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' }}
          buttonText={{ today: ru.tasks.calendar.today, day: ru.tasks.calendar.day, week: ru.tasks.calendar.week, month: ru.tasks.calendar.month }}
          allDayText={ru.tasks.calendar.allDay}
          moreLinkText={(n) => ru.tasks.calendar.moreLinks(n)}
          firstDay={1}
          slotMinTime="07:00:00"
          slotMaxTime="22:00:00"
          scrollTime="08:00:00"
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          nowIndicator
          height="calc(100vh - 140px)"
          dayMaxEvents={4}
          eventMaxStack={3}
          eventMinHeight={36}
          slotEventOverlap={false}
          editable
          eventDurationEditable={false}
          events={events}
          datesSet={(arg: DatesSetArg) => {
            const next = calendarRange(arg.start, arg.end);
            setRange((current) => (current && current.from === next.from && current.to === next.to ? current : next));
            if (arg.view.type !== view) onViewChange(arg.view.type as CalendarView);
          }}
          eventClick={(info) => setEditing(info.event.extendedProps.task as Task)}
          eventDrop={(info) => void move(info)}
          eventResize={(info) => void move(info)}
          dateClick={(info: DateClickArg) => {
            const wall = dayjs(info.date).utc().format('YYYY-MM-DDTHH:mm:ss');
            setCreating({ due: info.allDay ? dayjs(wall.slice(0, 10)).hour(10) : dayjs(wall), allDay: false });
          }}
          eventDidMount={(info) => {
            info.el.setAttribute('data-testid', 'calendar-event');
            info.el.setAttribute('title', info.event.title);
          }}
        />
      </Spin>
      <TaskDialog open={!!editing} task={editing} onClose={() => setEditing(null)} />
      <TaskDialog open={!!creating} defaults={creating ?? undefined} onClose={() => setCreating(null)} />
    </div>
  );
}
