import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, DatePicker, Input, Segmented, Select, Space, Table, Tag, type InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { taskApi } from '../../api/endpoints';
import { managesOthers, stageName, useFunnels, useTaskTypes, useUsers } from '../../api/hooks';
import type { DealWithoutTask } from '../../api/types';
import { taskFilterFromSearchParams, taskFilterToSearchParams, type TaskFilter } from '../../lib/filters';
import { dayjs, formatDate, formatDateTime, formatNumber, formatTime } from '../../lib/format';
import { loadPref, savePref } from '../../lib/storage';
import { useDebounced } from '../../lib/useDebounced';
import { useSearchShortcut } from '../../lib/useSearchShortcut';
import { ErrorState, PageHeader, UserName } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { TaskDialog } from '../../components/tasks/TaskDialog';
import { TaskList } from './TaskList';
import { TaskCalendar, type CalendarView } from './TaskCalendar';

type View = 'list' | 'calendar' | 'without';

export default function TasksPage() {
  const me = useCurrentUser();
  const types = useTaskTypes();
  const users = useUsers(managesOthers(me));
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'calendar' ? 'calendar' : params.get('view') === 'without' ? 'without' : 'list';
  const filter = useMemo(() => taskFilterFromSearchParams(params), [params]);
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filter.q ?? '');
  const debounced = useDebounced(search, 350);
  const searchRef = useRef<InputRef>(null);
  useSearchShortcut(searchRef);
  const [calendarView, setCalendarView] = useState<CalendarView>(() => {
    const saved = params.get('cal') ?? loadPref(me.id, 'calendar-view');
    return saved === 'timeGridDay' || saved === 'dayGridMonth' ? saved : 'timeGridWeek';
  });

  const setFilter = (next: TaskFilter) => setParams((current) => taskFilterToSearchParams(next, new URLSearchParams(current)), { replace: true });
  useEffect(() => {
    if ((debounced.trim() || undefined) !== filter.q) setFilter({ ...filter, q: debounced.trim() || undefined });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  const setView = (next: View) => setParams((current) => {
    const p = new URLSearchParams(current);
    if (next === 'list') p.delete('view');
    else p.set('view', next);
    return p;
  });
  const f = ru.tasks.filters;
  const whoOptions = [
    { value: 'mine', label: f.mine },
    { value: 'all', label: managesOthers(me) ? f.group : f.all },
    ...(managesOthers(me) ? (users.data ?? []).filter((u) => u.id !== me.id).map((u) => ({ value: u.id, label: u.name || u.username || u.id })) : []),
  ];

  return (
    <div className="page tasks-page">
      <PageHeader
        left={<h1 className="page-title">{ru.tasks.title}</h1>}
        middle={view !== 'without' && (
          <Space wrap size={6} className="task-filters" data-testid="task-filters">
            <Select size="middle" value={filter.who} onChange={(who) => setFilter({ ...filter, who })} options={whoOptions} style={{ width: 170 }} showSearch optionFilterProp="label" aria-label={f.who} />
            <Select
              value={filter.status}
              onChange={(status) => setFilter({ ...filter, status })}
              style={{ width: 150 }}
              aria-label={f.status}
              options={[
                { value: 'active', label: f.active }, { value: 'overdue', label: f.overdue }, { value: 'done', label: f.done }, { value: 'all', label: ru.app.all },
              ]}
            />
            <Select
              value={filter.type ?? ''}
              onChange={(type) => setFilter({ ...filter, type: type || undefined })}
              style={{ width: 140 }}
              aria-label={f.type}
              options={[{ value: '', label: f.anyType }, ...(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))]}
            />
            {view === 'list' && (
              <DatePicker.RangePicker
                format="DD.MM.YYYY"
                allowEmpty={[true, true]}
                value={filter.from || filter.to ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null] : null}
                onChange={(range) => setFilter({ ...filter, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
                style={{ width: 240 }}
                aria-label={f.dates}
              />
            )}
            {view === 'list' && (filter.dueFrom || filter.dueTo) && (
              <Tag
                closable
                className="task-period"
                data-testid="task-period"
                onClose={() => setFilter({ ...filter, dueFrom: undefined, dueTo: undefined, dueAllDay: undefined })}
                closeIcon={<span aria-label={f.periodClear} title={f.periodClear}>×</span>}
              >
                {f.period(periodText(filter.dueFrom, filter.dueTo))}
                {filter.dueAllDay === true ? `, ${f.periodAllDay}` : filter.dueAllDay === false ? `, ${f.periodTimed}` : ''}
              </Tag>
            )}
            {view === 'list' && <Input.Search ref={searchRef} aria-label={f.text} data-testid="task-search" allowClear value={search} onChange={(e) => setSearch(e.target.value)} placeholder={f.text} style={{ width: 200 }} maxLength={200} />}
          </Space>
        )}
        right={
          <Space>
            <Segmented<View>
              value={view}
              onChange={setView}
              options={[{ value: 'list', label: ru.tasks.viewList }, { value: 'calendar', label: ru.tasks.viewCalendar }, { value: 'without', label: ru.tasks.viewWithoutTask }]}
              data-testid="tasks-view"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} aria-label={ru.tasks.newTask} title={ru.tasks.newTask} data-testid="new-task">
              <span className="btn-label">{ru.tasks.newTask}</span>
            </Button>
          </Space>
        }
      />
      <div className="page-body">
        {view === 'list' && <TaskList filter={filter} />}
        {view === 'calendar' && (
          <TaskCalendar
            filter={filter}
            view={calendarView}
            onViewChange={(v) => {
              setCalendarView(v);
              savePref(me.id, 'calendar-view', v);
            }}
          />
        )}
        {view === 'without' && <DealsWithoutTask />}
      </div>
      <TaskDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** A due period [from, to) in Moscow time: "11.05.2026 10:00–11:00", or both ends in full when it spans days. */
export function periodText(from?: string, to?: string): string {
  if (!from || !to) return from ? `${ru.tasks.filters.periodFrom} ${formatDateTime(from)}` : `${ru.tasks.filters.periodTo} ${formatDateTime(to)}`;
  const last = new Date(new Date(to).getTime() - 1);
  if (formatTime(from) === '00:00' && formatTime(to) === '00:00') {
    return formatDate(from) === formatDate(last) ? formatDate(from) : `${formatDate(from)}–${formatDate(last)}`;
  }
  return formatDate(from) === formatDate(last) ? `${formatDateTime(from)}–${formatTime(to)}` : `${formatDateTime(from)}–${formatDateTime(to)}`;
}

/** Rule 3 made visible: open deals nobody planned anything for. */
export function DealsWithoutTask() {
  const funnels = useFunnels();
  const [page, setPage] = useState(0);
  const [planning, setPlanning] = useState<DealWithoutTask | null>(null);
  const list = useQuery({
    queryKey: ['tasks', 'without-task', page],
    queryFn: () => taskApi.dealsWithoutTask({ page, size: 50 }),
    placeholderData: (previous) => previous,
  });
  const w = ru.tasks.withoutTask;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  return (
    <div className="without-task" data-testid="deals-without-task">
      <p className="muted">{w.hint}</p>
      <Table<DealWithoutTask>
        size="small"
        rowKey="dealId"
        loading={list.isFetching}
        dataSource={list.data?.items}
        locale={{ emptyText: w.empty }}
        pagination={{
          current: page + 1, pageSize: 50, total: list.data?.total ?? 0, onChange: (p) => setPage(p - 1), showSizeChanger: false, size: 'small',
          showTotal: (total, [from, to]) => ru.app.range(from, to, formatNumber(total)),
        }}
        columns={[
          { key: 'title', title: w.deal, render: (_, d) => <Link to={`/deals/${d.dealId}`}>{d.title}</Link> },
          { key: 'stage', title: w.stage, width: 200, render: (_, d) => stageName(funnels.data, d.funnel, d.stage) },
          { key: 'owner', title: w.owner, width: 180, render: (_, d) => <UserName user={d.owner} /> },
          { key: 'since', title: w.since, width: 150, render: (_, d) => formatDateTime(d.since) },
          { key: 'action', width: 170, render: (_, d) => <Button size="small" type="primary" onClick={() => setPlanning(d)}>{ru.card.setTask}</Button> },
        ]}
      />
      <TaskDialog
        open={!!planning}
        defaults={planning ? { link: { type: 'deal', id: planning.dealId, name: planning.title } } : undefined}
        onClose={() => setPlanning(null)}
      />
    </div>
  );
}
