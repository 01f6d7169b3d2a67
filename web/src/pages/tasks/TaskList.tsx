import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { taskApi } from '../../api/endpoints';
import type { Task } from '../../api/types';
import { TASK_GROUP_ORDER, taskGroupQueries, type TaskFilter, type TaskGroup, type TaskGroupQuery } from '../../lib/filters';
import { formatDateTime, formatNumber, todayMoscow } from '../../lib/format';
import { EmptyState, ErrorState, Loading, UserName } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { CompleteTaskButton, RescheduleButton } from '../../components/tasks/TaskActions';
import { dueText, StatusTag } from '../../components/tasks/LinkedTasks';
import { TaskDialog } from '../../components/tasks/TaskDialog';
import { taskTypeName } from '../../lib/historyText';

/** Tasks loaded per heading and per «Показать ещё». */
export const GROUP_PAGE = 50;

export function linkPath(task: Pick<Task, 'link'>): string | null {
  if (!task.link) return null;
  return task.link.type === 'deal' ? `/deals/${task.link.id}` : `/${task.link.type === 'contact' ? 'contacts' : 'companies'}/${task.link.id}`;
}

/** One heading's tasks, page by page; its total is the server's count of all of them. */
function useGroupTasks({ group, query }: TaskGroupQuery, meId: string) {
  return useInfiniteQuery({
    queryKey: ['tasks', 'list', group, query, meId],
    queryFn: ({ pageParam, signal }) => taskApi.list({ ...query!, page: pageParam, size: GROUP_PAGE }, signal),
    enabled: !!query,
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (pages.length * GROUP_PAGE < last.total ? pages.length : undefined),
  });
}

/**
 * Tasks under Просроченные / Сегодня / Завтра / Позже / Выполненные. Each heading is its own paged request,
 * so the number beside it is the true total, and it loads more of its own tasks; completing asks the result in place.
 */
export function TaskList({ filter }: { filter: TaskFilter }) {
  const me = useCurrentUser();
  const [editing, setEditing] = useState<Task | null>(null);
  const today = todayMoscow(); // a new Moscow day moves the headings' boundaries
  const entries = useMemo(() => taskGroupQueries(filter, me.id, new Date()), [filter, me.id, today]); // eslint-disable-line react-hooks/exhaustive-deps
  // One request per heading, always the same five in the same order (disabled when the filter rules one out).
  const overdue = useGroupTasks(entries[0]!, me.id);
  const todays = useGroupTasks(entries[1]!, me.id);
  const tomorrow = useGroupTasks(entries[2]!, me.id);
  const later = useGroupTasks(entries[3]!, me.id);
  const done = useGroupTasks(entries[4]!, me.id);
  const results = [overdue, todays, tomorrow, later, done];

  const active = entries.map((e, i) => ({ ...e, result: results[i]! })).filter((e) => !!e.query);
  const failed = active.find((e) => e.result.isError);
  if (failed) return <ErrorState error={failed.result.error} onRetry={() => active.forEach((e) => void e.result.refetch())} />;
  if (active.some((e) => e.result.isPending)) return <Loading />;

  const groups = active
    .map(({ group, result }) => {
      const seen = new Set<string>();
      const items = (result.data?.pages ?? []).flatMap((p) => p.items).filter((t) => !seen.has(t.id) && !!seen.add(t.id));
      return { group, result, items, total: Math.max(result.data?.pages[0]?.total ?? 0, items.length) };
    })
    .filter((g) => g.total > 0);
  const total = groups.reduce((sum, g) => sum + g.total, 0);
  if (!total) return <EmptyState text={filter.status === 'active' && filter.who === 'mine' ? ru.tasks.emptyToday : ru.tasks.empty} />;

  return (
    <div className="task-list" data-testid="task-list">
      {TASK_GROUP_ORDER.map((name) => groups.find((g) => g.group === name)).filter((g) => !!g).map(({ group, result, items, total: groupTotal }) => (
        <section key={group} className={`task-group task-group-${group}`} data-testid={`task-group-${group}`}>
          <Typography.Title level={5} className="task-group-title">
            {ru.tasks.groups[group]} <span className="muted small" data-testid="task-group-total">{formatNumber(groupTotal)}</span>
          </Typography.Title>
          <GroupTable group={group} tasks={items} onOpen={setEditing} />
          {result.hasNextPage && (
            <div className="task-group-more">
              <Button size="small" onClick={() => void result.fetchNextPage()} loading={result.isFetchingNextPage} data-testid={`task-group-more-${group}`}>
                {ru.tasks.groupMore(formatNumber(groupTotal - items.length))}
              </Button>
            </div>
          )}
        </section>
      ))}
      <div className="list-footer">
        <span className="muted">{ru.app.total(formatNumber(total))}</span>
      </div>
      <TaskDialog open={!!editing} task={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

/** A heading's rows: a table at 1366 px; on a phone (CSS, ≤ 600 px) each row stacks — text, due, then the buttons. */
function GroupTable({ group, tasks, onOpen }: { group: TaskGroup; tasks: Task[]; onOpen: (task: Task) => void }) {
  const c = ru.tasks.columns;
  return (
    <Table<Task>
      className="task-table"
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={tasks}
      scroll={{ x: 1200 }}
      onRow={(task) => ({ 'data-task-text': task.text } as React.HTMLAttributes<HTMLElement>)}
      columns={[
        { key: 'due', title: c.due, width: 170, className: 'task-col-due', render: (_, t) => <span className={t.status === 'overdue' ? 'error-text' : undefined}>{dueText(t)}</span> },
        { key: 'text', title: c.text, ellipsis: true, className: 'task-col-text', render: (_, t) => <Typography.Link onClick={() => onOpen(t)}>{t.text}</Typography.Link> },
        { key: 'type', title: c.type, width: 110, className: 'task-col-type', render: (_, t) => t.typeName ?? (t.type ? taskTypeName(t.type) : '') },
        {
          key: 'link', title: c.link, width: 200, ellipsis: true, className: 'task-col-link',
          render: (_, t) => (linkPath(t) ? <Link to={linkPath(t)!}>{ru.tasks.linkTypes[t.link!.type]}: {t.link!.name ?? ru.app.open}</Link> : <span className="muted">{ru.tasks.linkNone}</span>),
        },
        { key: 'assignee', title: c.assignee, width: 150, ellipsis: true, className: 'task-col-assignee', render: (_, t) => <UserName user={t.assignee} /> },
        group === 'done'
          ? { key: 'result', title: c.result, width: 240, ellipsis: true, className: 'task-col-result', render: (_, t) => <span title={t.result ?? ''}>{t.result} <span className="muted small">{formatDateTime(t.completedAt)}</span></span> }
          : {
            key: 'actions', width: 230, className: 'task-col-actions',
            render: (_, t) => (
              <div className="task-actions">
                <CompleteTaskButton task={t} />
                <RescheduleButton task={t} />
              </div>
            ),
          },
        { key: 'status', width: 110, className: 'task-col-status', render: (_, t) => <StatusTag task={t} /> },
      ]}
    />
  );
}
