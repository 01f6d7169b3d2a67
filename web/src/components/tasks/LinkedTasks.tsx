import { useState } from 'react';
import { Button, List, Space, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { taskTypeName } from '../../lib/historyText';
import { ru } from '../../i18n/ru';
import { taskApi } from '../../api/endpoints';
import type { Task, TaskLink } from '../../api/types';
import { formatDateTime, formatLocalDate } from '../../lib/format';
import { ErrorState, UserName } from '../common';
import { CompleteTaskButton, RescheduleButton } from './TaskActions';
import { TaskDialog } from './TaskDialog';

export function dueText(task: Pick<Task, 'allDay' | 'dueDate' | 'dueAt'>): string {
  return task.allDay ? `${formatLocalDate(task.dueDate)}, ${ru.tasks.allDay.toLowerCase()}` : formatDateTime(task.dueAt);
}

export function StatusTag({ task }: { task: Pick<Task, 'status'> }) {
  const color = task.status === 'overdue' ? 'red' : task.status === 'done' ? 'green' : 'blue';
  return <Tag color={color}>{ru.tasks.statuses[task.status] ?? task.status}</Tag>;
}

/** The tasks of a deal, contact or company: add, complete with a result, reschedule, edit. */
export function LinkedTasks({ link, onCreated }: { link: TaskLink; onCreated?: () => void }) {
  const [showDone, setShowDone] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  const [creating, setCreating] = useState(false);
  const filter = link.type === 'deal' ? { dealId: link.id } : link.type === 'contact' ? { contactId: link.id } : { companyId: link.id };
  const tasks = useQuery({
    queryKey: ['tasks', 'linked', link.type, link.id, showDone],
    queryFn: ({ signal }) => taskApi.list({ ...filter, status: showDone ? undefined : ['open', 'overdue'], sort: 'dueAt', direction: 'asc', size: 100 }, signal),
  });
  return (
    <div className="linked-tasks" data-testid="linked-tasks">
      <Space style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 8 }}>
        <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="add-task">{ru.card.setTask}</Button>
        <Space size={6}>
          <Switch size="small" checked={showDone} onChange={setShowDone} aria-label={ru.card.showDone} />
          <span className="small muted">{ru.card.showDone}</span>
        </Space>
      </Space>
      {tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} />
      ) : (
        <List<Task>
          size="small"
          loading={tasks.isPending}
          dataSource={tasks.data?.items ?? []}
          locale={{ emptyText: ru.card.noTasks }}
          renderItem={(task) => (
            <List.Item
              data-testid="task-row"
              data-task-text={task.text}
              actions={task.status === 'done' ? [] : [
                <CompleteTaskButton key="c" task={task} />,
                <RescheduleButton key="r" task={task} />,
              ]}
            >
              <List.Item.Meta
                title={
                  <Typography.Link onClick={() => setEditing(task)} className={task.status === 'done' ? 'task-done' : undefined}>
                    {task.text}
                  </Typography.Link>
                }
                description={
                  <span className={task.status === 'overdue' ? 'error-text' : undefined}>
                    {dueText(task)} · {task.typeName ?? (task.type ? taskTypeName(task.type) : '')} · <UserName user={task.assignee} /> {task.status !== 'open' && <StatusTag task={task} />}
                    {task.result && <div className="muted">{ru.tasks.result}: {task.result}</div>}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
      <TaskDialog open={creating} defaults={{ link }} onClose={() => { setCreating(false); onCreated?.(); }} />
      <TaskDialog open={!!editing} task={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
