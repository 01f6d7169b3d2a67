import { Fragment, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { App, Button, Grid, Input, Space, Typography } from 'antd';
import { CheckCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useMutationState, useQuery, type QueryKey } from '@tanstack/react-query';
import { ru } from '../i18n/ru';
import { taskApi } from '../api/endpoints';
import type { Funnel, Task, TaskLink } from '../api/types';
import { buildFeed, NOTE_MAX_LENGTH, noteRefusal, noteToSend, type FeedEntry, type FeedHistoryEntry, type PendingNote } from '../lib/feed';
import { formatDate, formatTime } from '../lib/format';
import { ErrorState, Loading, UserName } from './common';
import { HistoryChanges } from './HistoryTimeline';
import { historyTypeLabel, taskTypeName, type HistoryWords } from '../lib/historyText';
import { useCurrentUser } from './MeContext';
import { dueText, StatusTag } from './tasks/LinkedTasks';
import { CompleteTaskButton, RescheduleButton } from './tasks/TaskActions';
import { TaskDialog } from './tasks/TaskDialog';

/** The card a feed belongs to: a deal, a contact or a company (what its tasks are linked to). */
export type FeedSubject = TaskLink & { type: 'deal' | 'contact' | 'company'; name: string };

function taskFilter(subject: Pick<FeedSubject, 'type' | 'id'>) {
  return subject.type === 'deal' ? { dealId: subject.id } : subject.type === 'contact' ? { contactId: subject.id } : { companyId: subject.id };
}

/**
 * The card's open tasks, nearest deadline first, or its latest completed ones. Under 'tasks', so every
 * task change (useTaskInvalidation) refreshes the feed.
 */
export function useFeedTasks(subject: Pick<FeedSubject, 'type' | 'id'>, which: 'open' | 'done') {
  return useQuery({
    queryKey: ['tasks', 'feed', subject.type, subject.id, which],
    queryFn: ({ signal }) => taskApi.list(which === 'open'
      ? { ...taskFilter(subject), status: ['open', 'overdue'], sort: 'dueAt', direction: 'asc', size: 100 }
      : { ...taskFilter(subject), status: ['done'], sort: 'completedAt', direction: 'desc', size: 50 }, signal),
  });
}

/** The card's history as the feed reads it, with the query's state. */
export interface FeedHistory {
  entries: FeedHistoryEntry[] | undefined;
  pending: boolean;
  error: unknown;
  retry: () => void;
}

/** Near enough to the bottom to keep following new entries. */
const STICK_PX = 48;

/**
 * The right side of a card (deal, contact, company): one feed like a chat, oldest at the top and
 * newest at the bottom — changes, notes, completed tasks, then the open tasks; a note input and
 * "+ Задача" at the bottom. A note is shown at once and rolled back with the server's words when
 * refused (the text given back). The card's own page supplies the history and how a note is sent.
 */
export function CardFeed({ subject, history, sendNote, noteKey, words, testId, top, funnels, funnelCode, record }: {
  subject: FeedSubject;
  history: FeedHistory;
  /** Sends the note and puts the server's entry into the history (the pending bubble gives way to it). */
  sendNote: (text: string) => Promise<unknown>;
  /** Identifies this card's notes being sent (they survive a re-render of the page). */
  noteKey: QueryKey;
  words: { label: string; addTaskHint: string; tasksFailed: string };
  testId: string;
  /** Above the feed (a deal's "Нет задач"): gets the number of open tasks shown and a way to plan one. */
  top?: (state: { openTasks: number | undefined; planTask: () => void }) => ReactNode;
  funnels?: Funnel[];
  funnelCode?: string;
  /** A record named by id in the history (a deal's contact or company): its name, when known. */
  record?: HistoryWords['record'];
}) {
  const me = useCurrentUser();
  const { message } = App.useApp();
  const open = useFeedTasks(subject, 'open');
  const done = useFeedTasks(subject, 'done');
  const [draft, setDraft] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Task | null>(null);
  const wide = Grid.useBreakpoint().sm; // a phone gets the short placeholder: the input stays one line

  const pending = useMutationState({
    filters: { mutationKey: noteKey, status: 'pending' },
    select: (mutation) => mutation.state.variables as PendingNote,
  });
  const addNote = useMutation({
    mutationKey: noteKey,
    mutationFn: (note: PendingNote) => sendNote(note.text),
    onError: (error, note) => {
      message.error({ content: <span data-testid="note-error">{ru.card.feed.noteRefused}: {noteRefusal(error)}</span>, duration: 8 });
      setDraft((current) => (current.trim() ? current : note.text)); // nothing typed is lost
    },
  });

  const feed = buildFeed(history.entries ?? [], [...(done.data?.items ?? []), ...(open.data?.items ?? [])], pending);

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
    <section className="card-feed" data-testid={testId} aria-label={words.label}>
      {top?.({ openTasks: open.data?.items.length, planTask: () => setCreating(true) })}
      <div
        className="feed-scroll"
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
        }}
      >
        <div className="feed-content">
          {history.pending ? <Loading /> : history.error ? <ErrorState error={history.error} onRetry={history.retry} /> : null}
          {(open.isError || done.isError) && (
            <ErrorState title={words.tasksFailed} error={open.error ?? done.error} onRetry={() => { void open.refetch(); void done.refetch(); }} />
          )}
          {!history.pending && !feed.past.length && !feed.planned.length && <p className="muted feed-empty">{ru.card.feed.empty}</p>}
          <ol className="feed-list">
            {feed.past.map((entry) => (
              <Fragment key={entry.key}>
                {dayMark(entry.at)}
                <li className="feed-item">
                  <FeedEntryView entry={entry} mine={entry.kind === 'note' && entry.author?.id === me.id} funnels={funnels} funnelCode={funnelCode} record={record} onOpenTask={setEditing} />
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
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} title={words.addTaskHint} aria-label={words.addTaskHint} data-testid="add-task">
          <span className="btn-label">{ru.card.feed.addTask}</span>
        </Button>
      </div>
      <TaskDialog open={creating} defaults={{ link: { type: subject.type, id: subject.id, name: subject.name } }} onClose={() => setCreating(false)} />
      <TaskDialog open={!!editing} task={editing} onClose={() => setEditing(null)} />
    </section>
  );
}

function Origin({ origin }: { origin: string | null | undefined }) {
  return origin ? <span className="muted small feed-origin" data-testid="feed-origin"> · {ru.history.fromMerged(origin)}</span> : null;
}

function FeedEntryView({ entry, mine, funnels, funnelCode, record, onOpenTask }: {
  entry: FeedEntry;
  mine: boolean;
  funnels?: Funnel[];
  funnelCode?: string;
  record?: HistoryWords['record'];
  onOpenTask: (task: Task) => void;
}) {
  if (entry.kind === 'note') {
    return (
      <div className={`feed-note${mine ? ' mine' : ''}${entry.pending ? ' pending' : ''}`} data-testid="feed-note" data-pending={entry.pending || undefined}>
        <div className="feed-bubble">
          <div className="feed-bubble-head">
            <strong><UserName user={entry.author} fallback={ru.history.system} /></strong>
            <span className="muted small">{entry.pending ? ru.card.feed.sending : formatTime(entry.at)}<Origin origin={entry.origin} /></span>
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
        <strong>{historyTypeLabel(change.type)}</strong>
        <span className="muted small"> · {formatTime(change.at)} · {change.actor?.name || change.actor?.username || ru.history.system}</span>
        <Origin origin={change.origin} />
      </div>
      <HistoryChanges changes={change.changes} funnels={funnels} funnelCode={funnelCode} record={record} />
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
          <span className="muted"> · {task.typeName ?? (task.type ? taskTypeName(task.type) : '')} · </span><UserName user={task.assignee} />
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
