import { ApiError, messageOf } from '../api/http';
import type { HistoryChange, Task, UserRef } from '../api/types';

/** The history types of a note written in a card's feed: a deal's, a contact's or a company's. */
export const NOTE_TYPES: ReadonlySet<string> = new Set(['DealNoteAdded', 'PartyNoteAdded']);

/**
 * One entry of a card's history as the feed reads it: who, when, what changed (a deal's history
 * comes like this; a party's is turned into it by lib/partyHistory.ts).
 */
export interface FeedHistoryEntry {
  at: string;
  actor: UserRef | null;
  type: string;
  changes: Record<string, HistoryChange>;
  /** Whose record it first happened on, when not this card's (after a merge: the duplicate's name). */
  origin?: string | null;
}

/** The server's limit for a note (after trimming). */
export const NOTE_MAX_LENGTH = 4000;

/** A note sent but not yet confirmed by the server (shown at once, dropped if refused). */
export interface PendingNote {
  text: string;
  /** When it was sent (this browser's clock). */
  sentAt: string;
  author: UserRef | null;
}

export type FeedEntry =
  | { kind: 'change'; key: string; at: string; entry: FeedHistoryEntry }
  | { kind: 'note'; key: string; at: string; author: UserRef | null; text: string; pending: boolean; origin?: string | null }
  | { kind: 'task'; key: string; at: string; task: Task };

export interface Feed {
  /** What happened, oldest first, the newest at the bottom like a chat: changes, notes, completed tasks. */
  past: FeedEntry[];
  /** What is still to be done, under the past: open tasks, the nearest deadline first. */
  planned: Task[];
}

/** The text of a note entry of the history. */
export function noteText(entry: FeedHistoryEntry): string {
  const to = entry.changes?.text?.to;
  return typeof to === 'string' ? to : '';
}

/** The text a note is sent with, or null when there is nothing to send. */
export function noteToSend(raw: string): string | null {
  const text = raw.trim();
  return text.length > 0 ? text : null;
}

function time(at: string | null | undefined): number {
  const t = at ? Date.parse(at) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** The history in the order things happened (the server answers newest first). */
function chronological<T extends { at: string }>(history: readonly T[]): T[] {
  const list = [...history];
  if (list.length > 1 && time(list[0]!.at) > time(list[list.length - 1]!.at)) list.reverse();
  return list;
}

/** A pending note the server has already confirmed (same text, from about the same time) is shown once. */
const CONFIRM_SKEW_MS = 2 * 60_000;

/**
 * One feed out of a card's history, its tasks and the notes being sent: changes and notes
 * from the history, completed tasks at the moment they were completed (with their result),
 * all in time order; notes still being sent after them; open tasks below, by deadline.
 */
export function buildFeed(history: readonly FeedHistoryEntry[], tasks: readonly Task[], pending: readonly PendingNote[] = []): Feed {
  const past: FeedEntry[] = chronological(history).map((entry, i) => (NOTE_TYPES.has(entry.type)
    ? { kind: 'note', key: `h${i}`, at: entry.at, author: entry.actor, text: noteText(entry), pending: false, origin: entry.origin }
    : { kind: 'change', key: `h${i}`, at: entry.at, entry }));
  const seen = new Set<string>();
  const planned: Task[] = [];
  for (const task of tasks) {
    if (seen.has(task.id)) continue;
    seen.add(task.id);
    if (task.status === 'done') past.push({ kind: 'task', key: `t${task.id}`, at: task.completedAt ?? task.updatedAt, task });
    else planned.push(task);
  }
  // stable: entries of the same moment keep the order they came in
  const ordered = past.map((e, i) => ({ e, i })).sort((a, b) => time(a.e.at) - time(b.e.at) || a.i - b.i).map((x) => x.e);

  const confirmed = ordered.filter((e) => e.kind === 'note');
  pending.forEach((note, i) => {
    const sent = time(note.sentAt);
    const known = confirmed.some((e) => e.kind === 'note' && e.text === note.text && time(e.at) >= sent - CONFIRM_SKEW_MS);
    if (!known) ordered.push({ kind: 'note', key: `p${i}-${note.sentAt}`, at: note.sentAt, author: note.author, text: note.text, pending: true });
  });

  planned.sort((a, b) => time(a.deadline) - time(b.deadline) || a.id.localeCompare(b.id));
  return { past: ordered, planned };
}

/**
 * Rule 3 at the top of the feed: an open deal whose flag says it has no open task — unless the
 * task list already shows one (the flag follows the task service a moment later). The list alone
 * does not decide "none": a person may not see a colleague's task on the same deal.
 */
export function showsNoTask(deal: { closed: boolean; hasOpenTask: boolean | null }, openTasksShown: number | undefined): boolean {
  if (deal.closed || deal.hasOpenTask !== false) return false;
  return !openTasksShown;
}

/** Why a note was refused, in the server's words: the field's own message when it named the text. */
export function noteRefusal(error: unknown): string {
  if (error instanceof ApiError) {
    const field = error.errors.find((e) => e.field === 'text' || e.field.endsWith('.text'));
    if (field && /[а-яё]/i.test(field.message)) return field.message.charAt(0).toUpperCase() + field.message.slice(1);
  }
  return messageOf(error);
}
