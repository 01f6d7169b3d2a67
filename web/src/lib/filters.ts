import type { BoardQuery, DealListQuery, TaskListQuery } from '../api/endpoints';
import { dayjs, moscowDayStart, TIME_ZONE } from './format';

/** What the deal filter panel holds. Days are Moscow calendar days (yyyy-MM-dd), "to" inclusive. */
export interface DealFilter {
  q?: string;
  stages?: string[];
  owner?: string; // a user id, or "me"
  tags?: string[];
  tagsMode?: 'any' | 'all';
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  closed?: 'open' | 'closed' | 'all';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null | undefined): string | undefined {
  return value && DAY.test(value) && dayjs(value).isValid() ? value : undefined;
}

function list(values: string[]): string[] | undefined {
  const clean = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return clean.length ? clean : undefined;
}

/** The day after (for an inclusive "to" day turned into an exclusive instant). */
function nextDay(value: string): string {
  return dayjs(value).add(1, 'day').format('YYYY-MM-DD');
}

/** How many things the filter narrows by (the badge on "Поиск и фильтр"). */
export function activeFilterCount(filter: DealFilter): number {
  let n = 0;
  if (filter.q?.trim()) n++;
  if (filter.stages?.length) n++;
  if (filter.owner) n++;
  if (filter.tags?.length) n++;
  if (filter.createdFrom || filter.createdTo) n++;
  if (filter.updatedFrom || filter.updatedTo) n++;
  if (filter.closed && filter.closed !== 'open') n++;
  return n;
}

/** The deal list request for a filter, a page and a sort. */
export function dealListQuery(
  filter: DealFilter,
  meId: string,
  funnel: string,
  page: number,
  size: number,
  sort?: { field: string; direction: 'asc' | 'desc' },
): DealListQuery {
  const closed = filter.closed ?? 'open';
  return {
    funnel,
    q: filter.q?.trim() || undefined,
    stage: filter.stages?.length ? filter.stages : undefined,
    owner: filter.owner === 'me' ? meId : filter.owner || undefined,
    tags: filter.tags?.length ? filter.tags : undefined,
    tagsMode: filter.tags?.length && filter.tagsMode === 'all' ? 'all' : undefined,
    createdFrom: filter.createdFrom ? moscowDayStart(filter.createdFrom) : undefined,
    createdTo: filter.createdTo ? moscowDayStart(nextDay(filter.createdTo)) : undefined,
    updatedFrom: filter.updatedFrom ? moscowDayStart(filter.updatedFrom) : undefined,
    updatedTo: filter.updatedTo ? moscowDayStart(nextDay(filter.updatedTo)) : undefined,
    closed: closed === 'all' ? undefined : closed === 'closed',
    sort: sort?.field ?? 'updatedAt',
    direction: sort?.direction ?? 'desc',
    page,
    size,
  };
}

/** The board narrows by owner, tags and text only (stages are its columns; it shows open deals). */
export function boardQuery(filter: DealFilter, meId: string, limit: number): BoardQuery {
  return {
    owner: filter.owner === 'me' ? meId : filter.owner || undefined,
    tags: filter.tags?.length ? filter.tags : undefined,
    q: filter.q?.trim() || undefined,
    limit,
  };
}

/** The filter in the address bar, so a reload or a shared link keeps it. */
export function filterToSearchParams(filter: DealFilter, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  for (const key of ['q', 'stage', 'owner', 'tag', 'tagsMode', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo', 'closed']) {
    params.delete(key);
  }
  if (filter.q?.trim()) params.set('q', filter.q.trim());
  filter.stages?.forEach((s) => params.append('stage', s));
  if (filter.owner) params.set('owner', filter.owner);
  filter.tags?.forEach((t) => params.append('tag', t));
  if (filter.tags?.length && filter.tagsMode === 'all') params.set('tagsMode', 'all');
  for (const key of ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo'] as const) {
    if (filter[key]) params.set(key, filter[key]!);
  }
  if (filter.closed && filter.closed !== 'open') params.set('closed', filter.closed);
  return params;
}

export function filterFromSearchParams(params: URLSearchParams): DealFilter {
  const closed = params.get('closed');
  return {
    q: params.get('q')?.trim() || undefined,
    stages: list(params.getAll('stage')),
    owner: params.get('owner')?.trim() || undefined,
    tags: list(params.getAll('tag')),
    tagsMode: params.get('tagsMode') === 'all' ? 'all' : undefined,
    createdFrom: day(params.get('createdFrom')),
    createdTo: day(params.get('createdTo')),
    updatedFrom: day(params.get('updatedFrom')),
    updatedTo: day(params.get('updatedTo')),
    closed: closed === 'closed' || closed === 'all' ? closed : undefined,
  };
}

// ---- tasks -----------------------------------------------------------------------------------

export interface TaskFilter {
  who: 'mine' | 'all' | string; // "mine", "all" (everything visible), or a user id
  status: 'active' | 'overdue' | 'done' | 'all';
  type?: string;
  from?: string; // Moscow day, inclusive
  to?: string; // Moscow day, inclusive
  q?: string;
}

export const DEFAULT_TASK_FILTER: TaskFilter = { who: 'mine', status: 'active' };

export function taskStatuses(status: TaskFilter['status']): string[] | undefined {
  switch (status) {
    case 'active':
      return ['open', 'overdue'];
    case 'overdue':
      return ['overdue'];
    case 'done':
      return ['done'];
    default:
      return undefined;
  }
}

export function taskAssignee(who: TaskFilter['who'], meId: string): string | undefined {
  if (who === 'mine') return meId;
  if (who === 'all' || !who) return undefined;
  return who;
}

export function taskListQuery(filter: TaskFilter, meId: string, page: number, size: number): TaskListQuery {
  return {
    assigneeId: taskAssignee(filter.who, meId),
    status: taskStatuses(filter.status),
    type: filter.type || undefined,
    from: filter.from ? moscowDayStart(filter.from) : undefined,
    to: filter.to ? moscowDayStart(nextDay(filter.to)) : undefined,
    q: filter.q?.trim() || undefined,
    sort: filter.status === 'done' ? 'completedAt' : 'dueAt',
    direction: filter.status === 'done' ? 'desc' : 'asc',
    page,
    size,
  };
}

export function taskFilterToSearchParams(filter: TaskFilter, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  for (const key of ['who', 'status', 'type', 'from', 'to', 'q']) params.delete(key);
  if (filter.who !== DEFAULT_TASK_FILTER.who) params.set('who', filter.who);
  if (filter.status !== DEFAULT_TASK_FILTER.status) params.set('status', filter.status);
  if (filter.type) params.set('type', filter.type);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.q?.trim()) params.set('q', filter.q.trim());
  return params;
}

export function taskFilterFromSearchParams(params: URLSearchParams): TaskFilter {
  const status = params.get('status');
  return {
    who: params.get('who')?.trim() || DEFAULT_TASK_FILTER.who,
    status: status === 'overdue' || status === 'done' || status === 'all' || status === 'active' ? status : DEFAULT_TASK_FILTER.status,
    type: params.get('type')?.trim() || undefined,
    from: day(params.get('from')),
    to: day(params.get('to')),
    q: params.get('q')?.trim() || undefined,
  };
}

export type TaskGroup = 'overdue' | 'today' | 'tomorrow' | 'later' | 'done';

/** Which heading a task goes under in the list: Просроченные / Сегодня / Завтра / Позже (Moscow days). */
export function taskGroup(task: { status: string; deadline: string; dueAt: string | null; dueDate: string | null }, now: Date = new Date()): TaskGroup {
  if (task.status === 'done') return 'done';
  if (task.status === 'overdue' || new Date(task.deadline).getTime() <= now.getTime()) return 'overdue';
  const today = dayjs(now).tz(TIME_ZONE).format('YYYY-MM-DD');
  const tomorrow = dayjs(now).tz(TIME_ZONE).add(1, 'day').format('YYYY-MM-DD');
  const dueDay = task.dueDate ?? (task.dueAt ? dayjs(task.dueAt).tz(TIME_ZONE).format('YYYY-MM-DD') : null);
  if (dueDay === today) return 'today';
  if (dueDay === tomorrow) return 'tomorrow';
  return 'later';
}

export const TASK_GROUP_ORDER: readonly TaskGroup[] = ['overdue', 'today', 'tomorrow', 'later', 'done'];
