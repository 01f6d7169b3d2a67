// Shared by the party card's component tests: people, records and a card rendered in a router.
import { fakeGateway } from '../../test/dom';
import { renderRoutes } from '../../test/render';
import type { DirectoryUser, Me, Party, PartyHistoryEntry, Task } from '../../api/types';
import PartyCardPage from './PartyCardPage';

export const manager: Me = { id: 'u-m1', username: 'manager1', name: 'Павел Первов', email: null, roles: ['crm-manager'], groups: ['Активные продажи'] };
export const head: Me = { id: 'u-head', username: 'head', name: 'Ирина Руководова', email: null, roles: ['crm-head'], groups: ['Активные продажи'] };
export const manager2 = { id: 'u-m2', username: 'manager2', name: 'Мария Вторых' };

export const directory: DirectoryUser[] = [head, manager, manager2].map((u) => ({
  id: u.id, username: u.username, name: u.name, email: null, groups: ['Активные продажи'], roles: [], enabled: true,
}));

const ref = (u: { id: string; username: string; name: string }) => ({ id: u.id, username: u.username, name: u.name });

export function party(extra: Partial<Party> & { id: string; type: Party['type'] }, card: Partial<Party['card']> = {}): Party {
  return {
    name: 'Иван Петров', owner: ref(manager), status: 'potential', deliveries: 1, archived: false,
    card: {
      name: extra.name ?? 'Иван Петров', phones: ['+79161234567'], phoneTypes: {}, emails: ['ivan@mail.ru'], address: null, notes: null,
      position: null, messengers: [], legalName: null, inn: null, kpp: null, ogrn: null, site: null, ...card,
    },
    companyIds: [], tags: [], mergedInto: null, createdAt: '2026-03-01T09:00:00Z', updatedAt: '2026-03-02T09:00:00Z', version: 3,
    ...extra,
  };
}

export const contact = party({ id: 'c-1', type: 'contact', companyIds: ['co-1'] });
export const company = party({ id: 'co-1', type: 'company', name: 'ООО «Втормет»' }, { inn: '7707083893', phones: ['+74951234567'], emails: [] });

/** newest first, as party-service answers */
export const contactHistory: PartyHistoryEntry[] = [
  { at: '2026-03-02T12:00:00Z', actor: ref(head), type: 'PartyNoteAdded', change: { partyId: 'c-1', partyType: 'contact', noteId: 'n-1', text: 'Привезёт 3 т\nв пятницу' }, partyId: 'c-1' },
  { at: '2026-03-02T10:00:00Z', actor: ref(head), type: 'PartyOwnerChanged', change: { partyId: 'c-1', partyType: 'contact', fromOwnerId: 'u-m2', toOwnerId: 'u-m1', reason: 'Менеджер в отпуске' }, partyId: 'c-1' },
  { at: '2026-03-01T09:00:00Z', actor: ref(manager), type: 'ContactCreated', change: { contactId: 'c-1', name: 'Иван Петров', phones: ['+79161234567'], emails: ['ivan@mail.ru'], ownerId: 'u-m2', companyIds: ['co-1'] }, partyId: 'c-1' },
];

export function task(id: string, text: string, status: Task['status'], deadline: string, extra: Partial<Task> = {}): Task {
  return {
    id, text, type: 'call', typeName: 'Звонок', dueAt: deadline, dueDate: null, timeZone: null, allDay: false, deadline, status,
    assignee: ref(manager), link: { type: 'contact', id: 'c-1' }, result: null, completedAt: null, completedBy: null, createdBy: ref(manager),
    createdAt: '2026-03-01T09:00:00Z', source: null, funnel: null, stage: null, updatedAt: '2026-03-01T09:00:00Z', version: 1, ...extra,
  };
}

export type Routes = Parameters<typeof fakeGateway>[0];

/** The gateway as a contact's and a company's card need it; `extra` replaces or adds routes. */
export function partyGateway(extra: Routes = {}, options: { tasks?: Task[]; done?: Task[] } = {}) {
  return fakeGateway({
    'GET /api/contacts/c-1': () => ({ status: 200, json: contact }),
    'GET /api/companies/co-1': () => ({ status: 200, json: company }),
    'GET /api/contacts/c-1/history': () => ({ status: 200, json: { items: contactHistory } }),
    'GET /api/companies/co-1/history': () => ({ status: 200, json: { items: [] } }),
    'GET /api/tasks': (_body, url) => {
      const done = url.searchParams.getAll('status').includes('done');
      const items = done ? options.done ?? [] : options.tasks ?? [];
      return { status: 200, json: { items, total: items.length } };
    },
    'GET /api/tasks/types': () => ({ status: 200, json: { items: [{ code: 'call', name: 'Звонок' }] } }),
    'GET /api/users': () => ({ status: 200, json: { items: directory } }),
    'GET /api/deals': () => ({ status: 200, json: { items: [], total: 0 } }),
    'GET /api/funnels': () => ({ status: 200, json: { items: [] } }),
    'GET /api/deals/tags': () => ({ status: 200, json: { items: [] } }),
    'GET /api/contacts': () => ({ status: 200, json: { items: [], total: 0 } }),
    'GET /api/companies': () => ({ status: 200, json: { items: [], total: 0 } }),
    ...extra,
  });
}

/** The card at `path` (/contacts/… or /companies/…) as `me` sees it; the router lets links be followed. */
export function renderCard(path: string, me: Me = manager) {
  return renderRoutes(me, [
    { path: '/contacts/:id', element: <PartyCardPage type="contact" /> },
    { path: '/companies/:id', element: <PartyCardPage type="company" /> },
    { path: '/lists/:kind', element: <p>Списки</p> },
    { path: '/deals/:id', element: <p>Сделка</p> },
  ], path);
}
