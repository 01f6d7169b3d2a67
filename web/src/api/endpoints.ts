import { http, idempotencyHeaders } from './http';
import type {
  Board, BulkResult, CustomList, DealCard, DealHistoryEntry, DealItem, DealWithoutTask, Delivery, DirectoryUser, DuplicateMatch,
  Funnel, ListElement, ListFieldType, Me, Page, SavedFilter, Party, PartyHistoryEntry, PartyType, Task, TaskCalendar, TaskType, UnsortedLead,
} from './types';

// ---- people ---------------------------------------------------------------------------------
export const meApi = {
  me: () => http.get<Me>('/api/me'),
  users: () => http.get<{ items: DirectoryUser[] }>('/api/users').then((r) => r.items),
};

// ---- deals ----------------------------------------------------------------------------------
export interface DealListQuery {
  funnel?: string;
  stage?: string[];
  owner?: string;
  contactId?: string;
  companyId?: string;
  tags?: string[];
  tagsMode?: 'any' | 'all';
  q?: string;
  createdFrom?: string;
  createdTo?: string;
  updatedFrom?: string;
  updatedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  withoutTask?: boolean;
  overdueTask?: boolean;
  source?: string[];
  grade?: string[];
  deliveredFromT?: string;
  deliveredToT?: string;
  closed?: boolean;
  sort?: string;
  direction?: 'asc' | 'desc';
  page?: number;
  size?: number;
}

/** The board narrows by the list's filter (all but `closed`); `stage` with `offset` pages one column. */
export type BoardQuery = Omit<DealListQuery, 'funnel' | 'stage' | 'closed' | 'contactId' | 'companyId' | 'sort' | 'direction' | 'page' | 'size'> & {
  stage?: string | string[];
  offset?: number;
  limit?: number;
};

/** A saved deal filter: `query` holds the filter's address-bar params (funnel excluded). */
export interface NewSavedFilter {
  name: string;
  query: Record<string, string | string[]>;
  shared: boolean;
}

/** A user-defined list's definition as party-service takes it (admin only). */
export interface NewCustomList {
  name: string;
  fields: { code: string; name: string; type: ListFieldType; options?: string[]; required?: boolean }[];
}

export interface NewDeal {
  title: string;
  funnel?: string;
  stage?: string;
  contactId?: string;
  companyId?: string;
  ownerId?: string;
  expectedMonthlyVolumeT?: number | null;
  metalGrades?: string[];
  priceTerms?: string;
  address?: string;
  notes?: string;
}

export interface NewDelivery {
  deliveredAt: string;
  weightKg: number;
  grade: string;
  pricePerTonne: number;
  ticketNo: string;
}

export type BulkAction =
  | { action: 'move'; stage: string; lossReason?: string }
  | { action: 'tag'; tags: string[] }
  | { action: 'untag'; tags: string[] }
  | { action: 'owner'; ownerId: string };

/** For a create: the Idempotency-Key of the form's opening, the same on every attempt (see lib/idempotency.ts). */
export interface WriteOptions {
  idempotencyKey?: string;
}

const keyed = (options?: WriteOptions) => idempotencyHeaders(options?.idempotencyKey);

export const dealApi = {
  funnels: () => http.get<{ items: Funnel[] }>('/api/funnels').then((r) => r.items),
  board: (funnel: string, query: BoardQuery, signal?: AbortSignal) =>
    http.get<Board>(`/api/funnels/${encodeURIComponent(funnel)}/board`, { ...query }, signal),
  list: (query: DealListQuery, signal?: AbortSignal) => http.get<Page<DealItem>>('/api/deals', { ...query }, signal),
  card: (id: string) => http.get<DealCard>(`/api/deals/${id}`),
  create: (deal: NewDeal, options?: WriteOptions) => http.post<DealCard>('/api/deals', deal, keyed(options)),
  update: (id: string, patch: Record<string, unknown>, version?: number) =>
    http.patch<DealCard>(`/api/deals/${id}`, patch, version === undefined ? undefined : { 'If-Match': `"${version}"` }),
  move: (id: string, stage: string, lossReason?: string) => http.post<DealCard>(`/api/deals/${id}/stage`, { stage, lossReason }),
  changeOwner: (id: string, ownerId: string) => http.post<DealCard>(`/api/deals/${id}/owner`, { ownerId }),
  tag: (id: string, tags: string[]) => http.post<DealCard>(`/api/deals/${id}/tags`, { tags }),
  untag: (id: string, tag: string) => http.delete<DealCard>(`/api/deals/${id}/tags/${encodeURIComponent(tag)}`),
  tagPresets: () => http.get<{ items: string[] }>('/api/deals/tags').then((r) => r.items),
  addDelivery: (id: string, delivery: NewDelivery, options?: WriteOptions) =>
    http.post<Delivery>(`/api/deals/${id}/deliveries`, delivery, keyed(options)),
  history: (id: string) => http.get<{ items: DealHistoryEntry[] }>(`/api/deals/${id}/history`).then((r) => r.items),
  /** A note in the deal's feed (1..4000 characters after trim); answers with the history entry (DealNoteAdded). */
  addNote: (id: string, text: string) => http.post<DealHistoryEntry>(`/api/deals/${id}/notes`, { text }),
  bulk: (ids: string[], action: BulkAction) => http.post<{ results: BulkResult[] }>('/api/deals/bulk', { ids, ...action }).then((r) => r.results),
  savedFilters: () => http.get<{ items: SavedFilter[] }>('/api/deals/filters').then((r) => r.items),
  /** 400 with a Russian detail for an empty or taken name; 403 when a non-admin shares. */
  saveFilter: (filter: NewSavedFilter, options?: WriteOptions) => http.post<SavedFilter>('/api/deals/filters', filter, keyed(options)),
  removeFilter: (id: string) => http.delete<void>(`/api/deals/filters/${encodeURIComponent(id)}`),
  unsorted: (status: 'pending' | 'accepted' | 'declined' | 'all' = 'pending') =>
    http.get<{ items: UnsortedLead[]; pending: number }>('/api/unsorted', { status }),
  acceptLead: (id: string, options?: WriteOptions) => http.post<DealCard>(`/api/unsorted/${id}/accept`, undefined, keyed(options)),
  declineLead: (id: string, reason: string) => http.post<UnsortedLead>(`/api/unsorted/${id}/decline`, { reason }),
};

// ---- contacts and companies ------------------------------------------------------------------
export interface PartyListQuery {
  owner?: string;
  status?: 'potential' | 'permanent';
  q?: string;
  companyId?: string;
  tags?: string[];
  tagsMode?: 'any' | 'all';
  createdFrom?: string;
  createdTo?: string;
  archived?: boolean;
  sort?: string;
  direction?: 'asc' | 'desc';
  page?: number;
  size?: number;
}

export interface NewParty {
  name: string;
  phones?: string[];
  emails?: string[];
  inn?: string;
  position?: string;
  address?: string;
  notes?: string;
  legalName?: string;
  companyId?: string;
  force?: boolean;
}

const base = (type: PartyType) => (type === 'contact' ? '/api/contacts' : '/api/companies');

export const partyApi = {
  list: (type: PartyType, query: PartyListQuery, signal?: AbortSignal) => http.get<Page<Party>>(base(type), { ...query }, signal),
  card: (type: PartyType, id: string) => http.get<Party>(`${base(type)}/${id}`),
  create: (type: PartyType, party: NewParty, options?: WriteOptions) => http.post<Party>(base(type), party, keyed(options)),
  update: (type: PartyType, id: string, patch: Record<string, unknown>, version?: number) =>
    http.patch<Party>(`${base(type)}/${id}`, patch, version === undefined ? undefined : { 'If-Match': `"${version}"` }),
  tag: (type: PartyType, id: string, tags: string[]) => http.post<Party>(`${base(type)}/${id}/tags`, { tags }),
  untag: (type: PartyType, id: string, tag: string) => http.delete<Party>(`${base(type)}/${id}/tags`, { tag }),
  history: (type: PartyType, id: string) => http.get<{ items: PartyHistoryEntry[] }>(`${base(type)}/${id}/history`).then((r) => r.items),
  /** A note in the card's feed (1..4000 characters after trim); answers with the history entry (PartyNoteAdded). */
  addNote: (type: PartyType, id: string, text: string) => http.post<PartyHistoryEntry>(`${base(type)}/${id}/notes`, { text }),
  /** Rule 5: only the owner's head or an admin; the reason is kept in the history. */
  changeOwner: (type: PartyType, id: string, ownerId: string, reason: string) => http.post<Party>(`${base(type)}/${id}/owner`, { ownerId, reason }),
  archive: (type: PartyType, id: string, reason?: string) => http.post<Party>(`${base(type)}/${id}/archive`, reason ? { reason } : {}),
  /** Link / unlink a contact and a company (from either card); answers with the contact. */
  link: (contactId: string, companyId: string) => http.post<Party>(`/api/contacts/${contactId}/companies/${companyId}`),
  unlink: (contactId: string, companyId: string) => http.delete<Party>(`/api/contacts/${contactId}/companies/${companyId}`),
  /** The duplicate closes and passes what it holds to the survivor (head/admin); answers with the survivor's card. */
  merge: (type: PartyType, survivorId: string, duplicateId: string, reason: string) =>
    http.post<Party>(`${base(type)}/${survivorId}/merge`, { duplicateId, reason }),
  duplicates: (query: { phone?: string; email?: string; inn?: string }, signal?: AbortSignal) =>
    http.get<{ items: DuplicateMatch[] }>('/api/parties/duplicates', query, signal).then((r) => r.items),
  lists: () => http.get<{ items: CustomList[] }>('/api/lists').then((r) => r.items),
  /** Admin only (403 otherwise); refusals name `name` or `fields[i].…`. */
  createList: (list: NewCustomList, options?: WriteOptions) => http.post<CustomList>('/api/lists', list, keyed(options)),
  elements: (listId: string, query: { q?: string; page?: number; size?: number }, signal?: AbortSignal) =>
    http.get<Page<ListElement>>(`/api/lists/${listId}/elements`, query, signal),
  /** Values by column code; null or "" clears a column (on edit), an absent one is kept. */
  addElement: (listId: string, values: Record<string, unknown>, options?: WriteOptions) =>
    http.post<ListElement>(`/api/lists/${listId}/elements`, values, keyed(options)),
  updateElement: (listId: string, elementId: string, values: Record<string, unknown>) =>
    http.patch<ListElement>(`/api/lists/${listId}/elements/${elementId}`, values),
  removeElement: (listId: string, elementId: string) => http.delete<void>(`/api/lists/${listId}/elements/${elementId}`),
};

// ---- tasks ----------------------------------------------------------------------------------
export interface TaskListQuery {
  assigneeId?: string;
  status?: string[];
  type?: string;
  dealId?: string;
  contactId?: string;
  companyId?: string;
  from?: string;
  to?: string;
  q?: string;
  /** only all-day tasks (true) or only timed ones (false) */
  allDay?: boolean;
  sort?: string;
  direction?: 'asc' | 'desc';
  page?: number;
  size?: number;
}

export interface TaskCalendarQuery {
  from: string;
  to: string;
  tz?: string;
  assigneeId?: string;
  status?: string[];
  type?: string;
  q?: string;
  /** A slot is an hour of the day (all-day tasks being one more slot) or the whole day. */
  slot?: 'hour' | 'day';
  /** Tasks per slot in the answer (1..50, 3 by default); the rest are counted in the day's `more`. */
  perSlot?: number;
}

export interface TaskDue {
  dueAt?: string | null;
  dueDate?: string | null;
  timeZone?: string;
}

export interface NewTask extends TaskDue {
  text: string;
  type?: string;
  assigneeId?: string;
  link?: { type: 'deal' | 'contact' | 'company'; id: string } | null;
}

export const taskApi = {
  list: (query: TaskListQuery, signal?: AbortSignal) => http.get<Page<Task>>('/api/tasks', { ...query }, signal),
  calendar: (query: TaskCalendarQuery, signal?: AbortSignal) =>
    http.get<TaskCalendar>('/api/tasks/calendar', { ...query }, signal),
  card: (id: string) => http.get<Task>(`/api/tasks/${id}`),
  create: (task: NewTask, options?: WriteOptions) => http.post<Task>('/api/tasks', task, keyed(options)),
  update: (id: string, patch: Record<string, unknown>, version?: number) =>
    http.patch<Task>(`/api/tasks/${id}`, patch, version === undefined ? undefined : { 'If-Match': `"${version}"` }),
  reschedule: (id: string, due: TaskDue) => http.post<Task>(`/api/tasks/${id}/reschedule`, due),
  complete: (id: string, result: string) => http.post<Task>(`/api/tasks/${id}/complete`, { result }),
  reopen: (id: string) => http.post<Task>(`/api/tasks/${id}/reopen`),
  remove: (id: string) => http.delete<void>(`/api/tasks/${id}`),
  types: () => http.get<{ items: TaskType[] }>('/api/tasks/types').then((r) => r.items),
  dealsWithoutTask: (query: { ownerId?: string; funnel?: string; q?: string; page?: number; size?: number }) =>
    http.get<Page<DealWithoutTask>>('/api/tasks/deals-without-task', { ...query }),
};
