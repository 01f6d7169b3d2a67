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
  closedFrom?: string;
  closedTo?: string;
  closed?: 'open' | 'closed' | 'all';
  /** No open task. */
  withoutTask?: boolean;
  /** An open task past its deadline. */
  overdueTask?: boolean;
  /** Lead source codes (manual, unsorted, promotion). */
  sources?: string[];
  /** Deals with at least one delivery of one of these grades. */
  grades?: string[];
  /** Delivered tonnage, inclusive; decimal text with a point ("12.5"). */
  deliveredFromT?: string;
  deliveredToT?: string;
}

/** The filter's keys in the address bar and in a saved filter's query (the API's names; days instead of instants). */
export const DEAL_FILTER_KEYS = [
  'q', 'stage', 'owner', 'tags', 'tagsMode', 'createdFrom', 'createdTo', 'updatedFrom', 'updatedTo', 'closedFrom', 'closedTo',
  'closed', 'withoutTask', 'overdueTask', 'source', 'grade', 'deliveredFromT', 'deliveredToT',
] as const;

/** Older links carried tags as "tag". */
const LEGACY_KEYS = ['tag'];

const DAY_KEYS = ['createdFrom', 'createdTo', 'updatedFrom', 'updatedTo', 'closedFrom', 'closedTo'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TONNES = /^\d{1,12}([.,]\d{1,6})?$/;

function day(value: string | null | undefined): string | undefined {
  return value && DAY.test(value) && dayjs(value).isValid() ? value : undefined;
}

function list(values: string[]): string[] | undefined {
  const clean = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  return clean.length ? clean : undefined;
}

/** "1 200,5" → "1200.5"; anything that is not a non-negative decimal → undefined. */
export function tonnes(value: string | number | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).replace(/[\s\u00a0\u202f]/g, '');
  if (!TONNES.test(text)) return undefined;
  return text.replace(',', '.').replace(/^0+(?=\d)/, '');
}

/** The day after (for an inclusive "to" day turned into an exclusive instant). */
function nextDay(value: string): string {
  return dayjs(value).add(1, 'day').format('YYYY-MM-DD');
}

function from(value: string | undefined): string | undefined {
  return value ? moscowDayStart(value) : undefined;
}

function to(value: string | undefined): string | undefined {
  return value ? moscowDayStart(nextDay(value)) : undefined;
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
  if (filter.closedFrom || filter.closedTo) n++;
  if (filter.closed && filter.closed !== 'open') n++;
  if (filter.withoutTask) n++;
  if (filter.overdueTask) n++;
  if (filter.sources?.length) n++;
  if (filter.grades?.length) n++;
  if (filter.deliveredFromT || filter.deliveredToT) n++;
  return n;
}

/** What the list and the board narrow by alike (owner resolved, days turned into instants [from, to)). */
function commonQuery(filter: DealFilter, meId: string) {
  return {
    q: filter.q?.trim() || undefined,
    stage: filter.stages?.length ? filter.stages : undefined,
    owner: filter.owner === 'me' ? meId : filter.owner || undefined,
    tags: filter.tags?.length ? filter.tags : undefined,
    tagsMode: filter.tags?.length && filter.tagsMode === 'all' ? 'all' as const : undefined,
    createdFrom: from(filter.createdFrom),
    createdTo: to(filter.createdTo),
    updatedFrom: from(filter.updatedFrom),
    updatedTo: to(filter.updatedTo),
    closedFrom: from(filter.closedFrom),
    closedTo: to(filter.closedTo),
    withoutTask: filter.withoutTask ? true : undefined,
    overdueTask: filter.overdueTask ? true : undefined,
    source: filter.sources?.length ? filter.sources : undefined,
    grade: filter.grades?.length ? filter.grades : undefined,
    deliveredFromT: tonnes(filter.deliveredFromT),
    deliveredToT: tonnes(filter.deliveredToT),
  };
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
  // a closing-day range asks for closed deals: "only open" would leave nothing
  const closed = filter.closed ?? (filter.closedFrom || filter.closedTo ? 'all' : 'open');
  return {
    funnel,
    ...commonQuery(filter, meId),
    closed: closed === 'all' ? undefined : closed === 'closed',
    sort: sort?.field ?? 'updatedAt',
    direction: sort?.direction ?? 'desc',
    page,
    size,
  };
}

/** The board narrows by the same filter as the list (its columns are the open stages; "closed" is the list's). */
export function boardQuery(filter: DealFilter, meId: string, limit: number): BoardQuery {
  return { ...commonQuery(filter, meId), limit };
}

/** The filter as query params: the address bar's and a saved filter's (funnel and view not included). */
export function filterToQuery(filter: DealFilter): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (filter.q?.trim()) query.q = filter.q.trim();
  const stages = list(filter.stages ?? []);
  if (stages) query.stage = stages;
  if (filter.owner) query.owner = filter.owner;
  const tags = list(filter.tags ?? []);
  if (tags) query.tags = tags;
  if (tags && filter.tagsMode === 'all') query.tagsMode = 'all';
  for (const key of DAY_KEYS) {
    const value = day(filter[key]);
    if (value) query[key] = value;
  }
  if (filter.closed && filter.closed !== 'open') query.closed = filter.closed;
  if (filter.withoutTask) query.withoutTask = 'true';
  if (filter.overdueTask) query.overdueTask = 'true';
  const sources = list(filter.sources ?? []);
  if (sources) query.source = sources;
  const grades = list(filter.grades ?? []);
  if (grades) query.grade = grades;
  const fromT = tonnes(filter.deliveredFromT);
  const toT = tonnes(filter.deliveredToT);
  if (fromT) query.deliveredFromT = fromT;
  if (toT) query.deliveredToT = toT;
  return query;
}

/** A filter from query params (a saved filter's or the address bar's); junk is left out. */
export function filterFromQuery(query: Record<string, string | string[] | undefined>): DealFilter {
  const all = (key: string): string[] => {
    const v = query[key];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const one = (key: string): string | undefined => all(key)[0];
  const closed = one('closed');
  const filter: DealFilter = {
    q: one('q')?.trim() || undefined,
    stages: list(all('stage')),
    owner: one('owner')?.trim() || undefined,
    tags: list([...all('tags'), ...all('tag')]),
    tagsMode: one('tagsMode') === 'all' ? 'all' : undefined,
    closed: closed === 'closed' || closed === 'all' ? closed : undefined,
    withoutTask: one('withoutTask') === 'true' || undefined,
    overdueTask: one('overdueTask') === 'true' || undefined,
    sources: list(all('source')),
    grades: list(all('grade')),
    deliveredFromT: tonnes(one('deliveredFromT')),
    deliveredToT: tonnes(one('deliveredToT')),
  };
  for (const key of DAY_KEYS) filter[key] = day(one(key));
  if (!filter.tags) filter.tagsMode = undefined;
  return filter;
}

/** The filter in the address bar, so a reload or a shared link keeps it. Other params (view, funnel) are kept. */
export function filterToSearchParams(filter: DealFilter, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  for (const key of [...DEAL_FILTER_KEYS, ...LEGACY_KEYS]) params.delete(key);
  for (const [key, value] of Object.entries(filterToQuery(filter))) {
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, value);
  }
  return params;
}

export function filterFromSearchParams(params: URLSearchParams): DealFilter {
  const query: Record<string, string[]> = {};
  for (const key of [...DEAL_FILTER_KEYS, ...LEGACY_KEYS]) {
    const values = params.getAll(key);
    if (values.length) query[key] = values;
  }
  return filterFromQuery(query);
}

// ---- tasks -----------------------------------------------------------------------------------

export interface TaskFilter {
  who: 'mine' | 'all' | string; // "mine", "all" (everything visible), or a user id
  status: 'active' | 'overdue' | 'done' | 'all';
  type?: string;
  from?: string; // Moscow day, inclusive
  to?: string; // Moscow day, inclusive
  /** A period of due times [dueFrom, dueTo) as ISO instants (a calendar slot's «ещё N»); narrows from/to further. */
  dueFrom?: string;
  dueTo?: string;
  /** With dueFrom/dueTo: only the all-day tasks (true) or only the timed ones (false) of that period. */
  dueAllDay?: boolean;
  q?: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(value: string | null | undefined): string | undefined {
  return value && INSTANT.test(value) && !Number.isNaN(new Date(value).getTime()) ? new Date(value).toISOString() : undefined;
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
    from: laterOf(filter.from ? moscowDayStart(filter.from) : undefined, filter.dueFrom),
    to: earlierOf(filter.to ? moscowDayStart(nextDay(filter.to)) : undefined, filter.dueTo),
    q: filter.q?.trim() || undefined,
    allDay: filter.dueAllDay,
    sort: filter.status === 'done' ? 'completedAt' : 'dueAt',
    direction: filter.status === 'done' ? 'desc' : 'asc',
    page,
    size,
  };
}

export function taskFilterToSearchParams(filter: TaskFilter, params: URLSearchParams = new URLSearchParams()): URLSearchParams {
  for (const key of ['who', 'status', 'type', 'from', 'to', 'dueFrom', 'dueTo', 'dueAllDay', 'q']) params.delete(key);
  if (filter.who !== DEFAULT_TASK_FILTER.who) params.set('who', filter.who);
  if (filter.status !== DEFAULT_TASK_FILTER.status) params.set('status', filter.status);
  if (filter.type) params.set('type', filter.type);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.dueFrom) params.set('dueFrom', filter.dueFrom);
  if (filter.dueTo) params.set('dueTo', filter.dueTo);
  if (filter.dueAllDay !== undefined) params.set('dueAllDay', String(filter.dueAllDay));
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
    dueFrom: instant(params.get('dueFrom')),
    dueTo: instant(params.get('dueTo')),
    dueAllDay: params.get('dueAllDay') === 'true' ? true : params.get('dueAllDay') === 'false' ? false : undefined,
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

/** One heading of the task list and the request that fills it (no page/size yet); null when the filter rules the heading out. */
export interface TaskGroupQuery {
  group: TaskGroup;
  query: TaskListQuery | null;
}

function laterOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return new Date(a).getTime() >= new Date(b).getTime() ? a : b;
}

function earlierOf(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return new Date(a).getTime() <= new Date(b).getTime() ? a : b;
}

/**
 * Every heading of the task list as its own request to GET /api/tasks, so that each heading counts all its
 * tasks (the answer's total), not just a loaded page. The server filters status by the task's status and
 * from/to by its due_sort (a timed task's moment, an all-day task's day start in its zone), [from, to):
 *  - Просроченные: status overdue;
 *  - Сегодня: status open, due before tomorrow 00:00 Moscow (also an open task of an earlier day the overdue
 *    sweep has not marked yet — shown rather than lost);
 *  - Завтра: status open, due within tomorrow (Moscow); Позже: status open, due from the day after tomorrow;
 *  - Выполненные: status done, latest completed first.
 * The filter's status picks the headings; its days narrow each heading's range.
 */
export function taskGroupQueries(filter: TaskFilter, meId: string, now: Date = new Date()): TaskGroupQuery[] {
  const base = taskListQuery(filter, meId, 0, 1);
  const allowed = taskStatuses(filter.status);
  const today = dayjs(now).tz(TIME_ZONE).format('YYYY-MM-DD');
  const tomorrowStart = moscowDayStart(nextDay(today));
  const dayAfterStart = moscowDayStart(nextDay(nextDay(today)));
  const ranges: Record<TaskGroup, { status: string; from?: string; to?: string }> = {
    overdue: { status: 'overdue' },
    today: { status: 'open', to: tomorrowStart },
    tomorrow: { status: 'open', from: tomorrowStart, to: dayAfterStart },
    later: { status: 'open', from: dayAfterStart },
    done: { status: 'done' },
  };
  return TASK_GROUP_ORDER.map((group) => {
    const range = ranges[group];
    if (allowed && !allowed.includes(range.status)) return { group, query: null };
    const from = laterOf(base.from, range.from);
    const to = earlierOf(base.to, range.to);
    if (from && to && new Date(from).getTime() >= new Date(to).getTime()) return { group, query: null };
    const done = group === 'done';
    return {
      group,
      query: {
        assigneeId: base.assigneeId, type: base.type, q: base.q, allDay: base.allDay, status: [range.status], from, to,
        sort: done ? 'completedAt' : 'dueAt', direction: done ? 'desc' : 'asc',
      },
    };
  });
}
