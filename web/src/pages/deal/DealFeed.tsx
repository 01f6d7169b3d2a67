import { Fragment, useLayoutEffect, useRef, useState } from 'react';
import { Alert, App, Button, Grid, Input, Space, Typography } from 'antd';
import { CheckCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, taskApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import type { DealCard, DealHistoryEntry, Funnel, Task } from '../../api/types';
import { buildFeed, NOTE_MAX_LENGTH, noteRefusal, noteToSend, showsNoTask, type FeedEntry, type PendingNote } from '../../lib/feed';
import { formatDate, formatTime } from '../../lib/format';
import { ErrorState, Loading, UserName } from '../../components/common';
import { HistoryChanges } from '../../components/HistoryTimeline';
import { useCurrentUser } from '../../components/MeContext';
import { dueText, StatusTag } from '../../components/tasks/LinkedTasks';
import { CompleteTaskButton, RescheduleButton } from '../../components/tasks/TaskActions';
import { TaskDialog } from '../../components/tasks/TaskDialog';

/** The deal's open tasks as the feed shows them (the card page asks the same, to keep the no-task flag honest). */
export function useDealOpenTasks(dealId: string) {
  return useQuery({
    queryKey: ['tasks', 'deal-feed', dealId, 'open'],
    queryFn: ({ signal }) => taskApi.list({ dealId, status: ['open', 'overdue'], sort: 'dueAt', direction: 'asc', size: 100 }, signal),
  });
}

/** The latest completed tasks of the deal, shown in the feed when they were completed. */
function useDealDoneTasks(dealId: string) {
  return useQuery({
    queryKey: ['tasks', 'deal-feed', dealId, 'done'],
    queryFn: ({ signal }) => taskApi.list({ dealId, status: ['done'], sort: 'completedAt', direction: 'desc', size: 50 }, signal),
  });
}

const noteMutationKey = (dealId: string) => ['deal-note', dealId] as const;

/** Near enough to the bottom to keep following new entries. */
const STICK_PX = 48;

/**
 * The right side of the deal card: one feed like a chat, oldest at the top and newest at the
 * bottom — changes, notes, completed tasks, then the open tasks; a warning at the top when the
 * deal has no task (rule 3); a note input and "+ Задача" at the bottom.
 */
export function DealFeed({ deal, funnels }: { deal: DealCard; funnels?: Funnel[] }) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const history = useQuery({ queryKey: keys.dealHistory(deal.id), queryFn: () => dealApi.history(deal.id) });
  const open = useDealOpenTasks(deal.id);
  const done = useDealDoneTasks(deal.id);
  const [draft, setDraft] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  const wide = Grid.useBreakpoint().sm; // a phone gets the short placeholder: the input stays one line

  const pending = useMutationState({
    filters: { mutationKey: noteMutationKey(deal.id), status: 'pending' },
    select: (mutation) => mutation.state.variables as PendingNote,
  });
  const addNote = useMutation({
    mutationKey: noteMutationKey(deal.id),
    mutationFn: (note: PendingNote) => dealApi.addNote(deal.id, note.text),
    onSuccess: (entry) => {
      // the confirmed note takes the pending one's place at once; the refetch brings anything else new
      queryClient.setQueryData<DealHistoryEntry[]>(keys.dealHistory(deal.id), (current) => (current ? [entry, ...current] : current));
      void queryClient.invalidateQueries({ queryKey: keys.dealHistory(deal.id) });
    },
    onError: (error, note) => {
      message.error({ content: <span data-testid="note-error">{ru.card.feed.noteRefused}: {noteRefusal(error)}</span>, duration: 8 });
      setDraft((current) => (current.trim() ? current : note.text)); // nothing typed is lost
    },
  });

  const feed = buildFeed(history.data ?? [], [...(done.data?.items ?? []), ...(open.data?.items ?? [])], pending);

  // like a chat: start at the bottom and follow new entries, unless the person scrolled up to read
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  });

  const send = () => {
    const text = noteToSend(draft);
    if (!text) return;
    stick.current = true;
    setDraft('');
    addNote.mutate({ text, sentAt: new Date().toISOString(), author: { id: me.id, username: me.username, name: me.name } });
  };

  let day = '';
  const dayMark = (at: string) => {
    const d = formatDate(at);
    if (d === day) return null;
    day = d;
    return <li className="feed-day" role="separator">{d}</li>;
  };

  return (
    <section className="deal-feed" data-testid="deal-feed" aria-label={ru.card.feed.label}>
      {showsNoTask(deal, open.data?.items.length) && (
        <Alert
          type="warning"
          showIcon
          className="no-task-banner"
          data-testid="no-task-banner"
          message={ru.deals.noTask}
          description={ru.card.noTaskBanner}
          action={<Button size="small" type="primary" onClick={() => setCreating(true)} data-testid="set-task">{ru.card.setTask}</Button>}
        />
      )}
      <div
        className="feed-scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
        }}
      >
        <div className="feed-content">
          {history.isPending ? <Loading /> : history.isError ? <ErrorState error={history.error} onRetry={() => history.refetch()} /> : null}
          {(open.isError || done.isError) && (
            <ErrorState title={ru.card.feed.tasksFailed} error={open.error ?? done.error} onRetry={() => { void open.refetch(); void done.refetch(); }} />
          )}
          {!history.isPending && !feed.past.length && !feed.planned.length && <p className="muted feed-empty">{ru.card.feed.empty}</p>}
          <ol className="feed-list">
            {feed.past.map((entry) => (
              <Fragment key={entry.key}>
                {dayMark(entry.at)}
                <li className="feed-item">
                  <FeedEntryView entry={entry} mine={entry.kind === 'note' && entry.author?.id === me.id} funnels={funnels} funnelCode={deal.funnel} onOpenTask={setEditing} />
                </li>
              </Fragment>
            ))}
          </ol>
          {feed.planned.length > 0 && (
            <>
              <div className="feed-day" role="separator">{ru.card.feed.planned}</div>
              <ol className="feed-list" data-testid="linked-tasks">
                {feed.planned.map((task) => <li key={task.id} className="feed-item"><OpenTask task={task} onOpen={setEditing} /></li>)}
              </ol>
            </>
          )}
        </div>
      </div>
      <div className="feed-composer">
        <Input.TextArea
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              send();
            }
          }}
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={NOTE_MAX_LENGTH}
          placeholder={wide ? ru.card.feed.notePlaceholder : ru.card.feed.notePlaceholderShort}
          aria-label={ru.card.feed.noteLabel}
          data-testid="note-input"
        />
        <Button type="primary" icon={<SendOutlined />} onClick={send} disabled={!noteToSend(draft)} aria-label={ru.card.feed.send} title={ru.card.feed.send} data-testid="send-note" />
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} title={ru.card.feed.addTaskHint} aria-label={ru.card.feed.addTaskHint} data-testid="add-task">
          <span className="btn-label">{ru.card.feed.addTask}</span>
        </Button>
      </div>
      <TaskDialog open={creating} defaults={{ link: { type: 'deal', id: deal.id, name: deal.title } }} onClose={() => setCreating(false)} />
      <TaskDialog open={!!editing} task={editing} onClose={() => setEditing(null)} />
    </section>
  );
}

function FeedEntryView({ entry, mine, funnels, funnelCode, onOpenTask }: {
  entry: FeedEntry;
  mine: boolean;
  funnels?: Funnel[];
  funnelCode: string;
  onOpenTask: (task: Task) => void;
}) {
  if (entry.kind === 'note') {
    return (
      <div className={`feed-note${mine ? ' mine' : ''}${entry.pending ? ' pending' : ''}`} data-testid="feed-note" data-pending={entry.pending || undefined}>
        <div className="feed-bubble">
          <div className="feed-bubble-head">
            <strong><UserName user={entry.author} fallback={ru.history.system} /></strong>
            <span className="muted small">{entry.pending ? ru.card.feed.sending : formatTime(entry.at)}</span>
          </div>
          <div className="feed-bubble-text">{entry.text}</div>
        </div>
      </div>
    );
  }
  if (entry.kind === 'task') {
    const { task } = entry;
    return (
      <div className="feed-task done" data-testid="feed-task" data-task-text={task.text} data-status={task.status}>
        <div className="feed-meta">
          <CheckCircleOutlined className="feed-done-icon" /> <strong>{ru.card.feed.taskDone}</strong>
          <span className="muted small"> · {formatTime(entry.at)} · <UserName user={task.completedBy ?? task.assignee} /></span>
        </div>
        <Typography.Link onClick={() => onOpenTask(task)} className="feed-task-text">{task.text}</Typography.Link>
        {task.result && <div className="feed-task-result"><span className="muted">{ru.tasks.result}:</span> {task.result}</div>}
      </div>
    );
  }
  const { entry: change } = entry;
  return (
    <div className="feed-change" data-testid="feed-change" data-type={change.type}>
      <div className="feed-meta">
        <strong>{ru.history.types[change.type] ?? change.type}</strong>
        <span className="muted small"> · {formatTime(change.at)} · {change.actor?.name || change.actor?.username || ru.history.system}</span>
      </div>
      <HistoryChanges changes={change.changes} funnels={funnels} funnelCode={funnelCode} />
    </div>
  );
}

/** An open task: what, when, who; completed with a result or moved in place. */
function OpenTask({ task, onOpen }: { task: Task; onOpen: (task: Task) => void }) {
  return (
    <div className={`feed-task ${task.status}`} data-testid="task-row" data-task-text={task.text} data-status={task.status}>
      <div className="feed-task-main">
        <Typography.Link onClick={() => onOpen(task)} className="feed-task-text">{task.text}</Typography.Link>
        <div className="small">
          <span className={task.status === 'overdue' ? 'error-text' : 'muted'}>{dueText(task)}</span>
          <span className="muted"> · {task.typeName ?? task.type ?? ''} · </span><UserName user={task.assignee} />
          {task.status !== 'open' && <> <StatusTag task={task} /></>}
        </div>
      </div>
      <Space size={4} wrap className="feed-task-actions">
        <CompleteTaskButton task={task} />
        <RescheduleButton task={task} />
      </Space>
    </div>
  );
}
