// Shapes of the gateway's JSON (see each service's README and /v3/api-docs).

export interface UserRef {
  id: string;
  username: string | null;
  name: string | null;
}

export interface Me {
  id: string;
  username: string;
  name: string;
  email: string | null;
  /** E.164 ("+79161234567"), from the Keycloak account; absent from older gateways. */
  phone?: string | null;
  roles: string[];
  groups: string[];
}

export interface DirectoryUser extends UserRef {
  email: string | null;
  groups: string[];
  roles: string[];
  enabled: boolean;
}

export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  code: string;
  name: string;
  kind: StageKind;
}

export interface Funnel {
  code: string;
  name: string;
  closable: boolean;
  position: number;
  stages: Stage[];
}

export interface PartyRef {
  id: string;
  name: string | null;
}

export interface DealItem {
  id: string;
  title: string;
  funnel: string;
  stage: string;
  owner: UserRef;
  contact: PartyRef | null;
  company: PartyRef | null;
  expectedVolumeT: number | null;
  tags: string[];
  deliveries: number;
  hasOpenTask: boolean | null;
  /** The nearest open task's deadline has passed (null: not known); absent from older services. */
  taskOverdue?: boolean | null;
  /** The nearest open task's deadline (ISO instant); absent from older services. */
  nearestTaskDue?: string | null;
  closed: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Questionnaire {
  scrapType: string | null;
  volumes: string | null;
  location: string | null;
  delivery: 'own' | 'pickup' | '' | null;
  paymentTerms: string | null;
  frequency: string | null;
}

export interface DealDetails {
  expectedMonthlyVolumeT: number | null;
  metalGrades: string[];
  priceTerms: string | null;
  address: string | null;
  notes: string | null;
  questionnaire: Questionnaire;
}

export interface Delivery {
  ordinal: number;
  deliveredAt: string;
  weightKg: number;
  grade: string;
  pricePerTonne: number;
  amount: number;
  ticketNo: string;
  acceptedBy: UserRef | null;
}

export interface DealCard {
  id: string;
  title: string;
  funnel: string;
  stage: string;
  owner: UserRef;
  contact: PartyRef | null;
  company: PartyRef | null;
  details: DealDetails;
  tags: string[];
  deliveries: Delivery[];
  deliveredKg: number | null;
  hasOpenTask: boolean | null;
  taskOverdue?: boolean | null;
  nearestTaskDue?: string | null;
  closed: boolean;
  lossReason: string | null;
  source: string | null;
  promotedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface BoardStage {
  code: string;
  name: string;
  kind: StageKind;
  count: number;
  volume: number;
  deals: DealItem[];
}

export interface Board {
  funnel: string;
  name: string;
  stages: BoardStage[];
}

export interface BulkResult {
  id: string;
  ok: boolean;
  error: string | null;
}

export interface HistoryChange {
  from: unknown;
  to: unknown;
}

export interface DealHistoryEntry {
  at: string;
  actor: UserRef | null;
  type: string;
  changes: Record<string, HistoryChange>;
}

export interface UnsortedLead {
  id: string;
  source: 'form' | 'mail' | 'call';
  name: string | null;
  phone: string | null;
  email: string | null;
  message: string | null;
  receivedAt: string;
  duplicateOf: string | null;
  status: 'pending' | 'accepted' | 'declined';
  dealId: string | null;
  decidedBy: string | null;
  declineReason: string | null;
}

export type PartyType = 'contact' | 'company';

export interface PartyCardFields {
  name: string;
  phones: string[];
  phoneTypes: Record<string, string>;
  emails: string[];
  address: string | null;
  notes: string | null;
  position: string | null;
  messengers: string[];
  legalName: string | null;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  site: string | null;
}

export interface Party {
  id: string;
  type: PartyType;
  name: string;
  owner: UserRef;
  status: 'potential' | 'permanent';
  deliveries: number;
  archived: boolean;
  card: PartyCardFields;
  companyIds: string[];
  tags: string[];
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DuplicateMatch {
  partyId: string;
  partyType: PartyType;
  name: string;
  owner: UserRef | null;
  matchedOn: string;
}

export interface PartyHistoryEntry {
  at: string;
  actor: UserRef | null;
  type: string;
  change: unknown;
  partyId: string;
}

/** A saved deal filter: own ones and the admins' shared ones. */
export interface SavedFilter {
  id: string;
  name: string;
  query: Record<string, string | string[]>;
  shared: boolean;
  ownerId: string;
  mine: boolean;
}

export type ListFieldType = 'text' | 'number' | 'date' | 'select' | 'phone' | 'email';

export interface ListField {
  code: string;
  name: string;
  type: ListFieldType;
  options: string[] | null;
  required: boolean | null;
}

export interface CustomList {
  id: string;
  name: string;
  fields: ListField[];
}

export interface ListElement {
  id: string;
  listId: string;
  values: Record<string, unknown>;
  owner: UserRef | null;
  createdAt: string;
  updatedAt: string;
}

export type TaskStatus = 'open' | 'overdue' | 'done';

export interface TaskLink {
  type: 'deal' | 'contact' | 'company';
  id: string;
  name?: string | null;
}

export interface Task {
  id: string;
  text: string;
  type: string | null;
  typeName: string | null;
  dueAt: string | null;
  dueDate: string | null;
  timeZone: string | null;
  allDay: boolean;
  deadline: string;
  status: TaskStatus;
  assignee: UserRef;
  link: TaskLink | null;
  result: string | null;
  completedAt: string | null;
  completedBy: UserRef | null;
  createdBy: UserRef | null;
  createdAt: string;
  source: string | null;
  funnel: string | null;
  stage: string | null;
  updatedAt: string;
  version: number;
  history?: TaskHistoryEntry[] | null;
}

export interface TaskHistoryEntry {
  at: string;
  actor: UserRef | null;
  type: string;
  changes?: Record<string, HistoryChange> | null;
  [key: string]: unknown;
}

export interface TaskType {
  code: string;
  name: string;
}

/** A slot of a calendar day that had more tasks than the answer carries: how many were left out, and its period [start, end). */
export interface CalendarMore {
  start: string;
  end: string;
  /** the all-day tasks of the day (true), the timed ones of the period (false), or both (null: a month view's day) */
  allDay: boolean | null;
  count: number;
}

export interface CalendarDay {
  date: string;
  /** All the day's tasks under the filter, shown or not. */
  total?: number;
  /** At most perSlot tasks per slot (an hour, the day's all-day tasks, or the whole day). */
  items: Task[];
  more?: CalendarMore[];
}

export interface TaskCalendar {
  from: string;
  to: string;
  timeZone: string;
  days: CalendarDay[];
}

export interface DealWithoutTask {
  dealId: string;
  title: string;
  funnel: string;
  stage: string;
  owner: UserRef;
  since: string | null;
}
