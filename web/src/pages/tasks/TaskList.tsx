import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Space, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { taskApi } from '../../api/endpoints';
import type { Task } from '../../api/types';
import { TASK_GROUP_ORDER, taskGroup, taskListQuery, type TaskFilter, type TaskGroup } from '../../lib/filters';
import { formatDateTime, formatNumber } from '../../lib/format';
import { EmptyState, ErrorState, Loading, UserName } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { CompleteTaskButton, RescheduleButton } from '../../components/tasks/TaskActions';
import { dueText, StatusTag } from '../../components/tasks/LinkedTasks';
import { TaskDialog } from '../../components/tasks/TaskDialog';

const PAGE = 100;

export function linkPath(task: Pick<Task, 'link'>): string | null {
  if (!task.link) return null;
  return task.link.type === 'deal' ? `/deals/${task.link.id}` : `/${task.link.type === 'contact' ? 'contacts' : 'companies'}/${task.link.id}`;
}

/** Tasks grouped as Просроченные / Сегодня / Завтра / Позже; completing asks the result in place. */
export function TaskList({ filter }: { filter: TaskFilter }) {
  const me = useCurrentUser();
  const [editing, setEditing] = useState<Task | null>(null);
  const tasks = useInfiniteQuery({
    queryKey: ['tasks', 'list', filter, me.id],
    queryFn: ({ pageParam, signal }) => taskApi.list(taskListQuery(filter, me.id, pageParam, PAGE), signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (pages.length * PAGE < last.total ? pages.length : undefined),
  });

  if (tasks.isPending) return <Loading />;
  if (tasks.isError) return <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} />;

  const all = tasks.data.pages.flatMap((p) => p.items);
  const total = tasks.data.pages[0]?.total ?? 0;
  const now = new Date();
  const groups = new Map<TaskGroup, Task[]>();
  for (const task of all) {
    const group = taskGroup(task, now);
    groups.set(group, [...(groups.get(group) ?? []), task]);
  }
  if (!all.length) return <EmptyState text={filter.status === 'active' && filter.who === 'mine' ? ru.tasks.emptyToday : ru.tasks.empty} />;

  const c = ru.tasks.columns;
  return (
    <div className="task-list" data-testid="task-list">
      {TASK_GROUP_ORDER.filter((g) => groups.has(g)).map((group) => (
        <section key={group} className={`task-group task-group-${group}`} data-testid={`task-group-${group}`}>
          <Typography.Title level={5} className="task-group-title">
            {ru.tasks.groups[group]} <span className="muted small">{formatNumber(groups.get(group)!.length)}</span>
          </Typography.Title>
          <Table<Task>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={groups.get(group)}
            scroll={{ x: 1200 }}
            onRow={(task) => ({ 'data-task-text': task.text } as React.HTMLAttributes<HTMLElement>)}
            columns={[
              { key: 'due', title: c.due, width: 170, render: (_, t) => <span className={t.status === 'overdue' ? 'error-text' : undefined}>{dueText(t)}</span> },
              { key: 'text', title: c.text, ellipsis: true, render: (_, t) => <Typography.Link onClick={() => setEditing(t)}>{t.text}</Typography.Link> },
              { key: 'type', title: c.type, width: 110, render: (_, t) => t.typeName ?? t.type ?? '' },
              {
                key: 'link', title: c.link, width: 200, ellipsis: true,
                render: (_, t) => (linkPath(t) ? <Link to={linkPath(t)!}>{ru.tasks.linkTypes[t.link!.type]}: {t.link!.name ?? ru.app.open}</Link> : <span className="muted">{ru.tasks.linkNone}</span>),
              },
              { key: 'assignee', title: c.assignee, width: 150, ellipsis: true, render: (_, t) => <UserName user={t.assignee} /> },
              group === 'done'
                ? { key: 'result', title: c.result, width: 240, ellipsis: true, render: (_, t) => <span title={t.result ?? ''}>{t.result} <span className="muted small">{formatDateTime(t.completedAt)}</span></span> }
                : {
                  key: 'actions', width: 230,
                  render: (_, t) => (
                    <Space size={4}>
                      <CompleteTaskButton task={t} />
                      <RescheduleButton task={t} />
                    </Space>
                  ),
                },
              { key: 'status', width: 110, render: (_, t) => <StatusTag task={t} /> },
            ]}
          />
        </section>
      ))}
      <div className="list-footer">
        <span className="muted">{ru.app.total(formatNumber(total))}</span>
        {tasks.hasNextPage && <Button onClick={() => tasks.fetchNextPage()} loading={tasks.isFetchingNextPage}>{ru.app.more}</Button>}
      </div>
      <TaskDialog open={!!editing} task={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
