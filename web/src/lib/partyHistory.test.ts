import { describe, expect, it } from 'vitest';
import type { PartyHistoryEntry } from '../api/types';
import { buildFeed } from './feed';
import { partiesNamed, partyFeedHistory } from './partyHistory';

const head = { id: 'u-head', username: 'head', name: 'Ирина Руководова' };
const manager = { id: 'u-m1', username: 'manager1', name: 'Павел Первов' };
const users = new Map([[head.id, head], [manager.id, manager], ['u-m2', { id: 'u-m2', username: 'manager2', name: 'Мария Вторых' }]]);
const names = new Map([['company:co-1', 'ООО «Втормет»'], ['contact:dup-1', 'Иван (дубль)']]);
const lookups = { user: (id: string) => users.get(id), party: (type: string, id: string) => names.get(`${type}:${id}`) };

const card = { id: 'c-1', type: 'contact' as const };

function entry(at: string, type: string, change: Record<string, unknown>, partyId = 'c-1', actor = manager): PartyHistoryEntry {
  return { at, actor, type, change, partyId };
}

const created = entry('2026-03-01T09:00:00Z', 'ContactCreated', {
  contactId: 'c-1', name: 'Иван Петров', phones: ['+79161234567'], emails: [], ownerId: 'u-m1', position: null,
  phoneTypes: {}, messengers: [], address: null, notes: null, companyIds: [], force: false,
});

describe('a contact\'s history in the feed', () => {
  it('shows an edit as only what it changed, old → new, against the state before it', () => {
    const edited = entry('2026-03-02T09:00:00Z', 'ContactUpdated', {
      contactId: 'c-1', name: 'Иван Петров', phones: ['+79161234567', '+79035550000'], emails: [], position: 'Директор',
      phoneTypes: {}, messengers: [], address: null, notes: null,
    });
    const again = entry('2026-03-03T09:00:00Z', 'ContactUpdated', {
      contactId: 'c-1', name: 'Иван Сергеевич Петров', phones: ['+79035550000'], emails: [], position: 'Директор',
      phoneTypes: {}, messengers: [], address: null, notes: null,
    });
    // newest first, as the server answers
    const [third, second, first] = partyFeedHistory([again, edited, created], card, lookups);
    expect(first!.changes).toEqual({
      name: { from: null, to: 'Иван Петров' },
      phones: { from: null, to: ['+79161234567'] },
      owner: { from: null, to: manager },
    });
    expect(second!.changes).toEqual({
      phones: { from: ['+79161234567'], to: ['+79161234567', '+79035550000'] },
      position: { from: null, to: 'Директор' },
    });
    expect(third!.changes).toEqual({
      name: { from: 'Иван Петров', to: 'Иван Сергеевич Петров' },
      phones: { from: ['+79161234567', '+79035550000'], to: ['+79035550000'] },
    });
  });

  it('names the owners of an owner change and keeps the reason; no ids on screen', () => {
    const [changed] = partyFeedHistory([
      entry('2026-03-02T10:00:00Z', 'PartyOwnerChanged', { partyId: 'c-1', partyType: 'contact', fromOwnerId: 'u-m1', toOwnerId: 'u-m2', reason: 'Менеджер в отпуске' }, 'c-1', head),
      created,
    ], card, lookups);
    expect(changed!.changes).toEqual({
      owner: { from: manager, to: { id: 'u-m2', username: 'manager2', name: 'Мария Вторых' } },
      reason: { from: null, to: 'Менеджер в отпуске' },
    });
    expect(JSON.stringify(changed!.changes)).not.toMatch(/partyType|"contact"/);
  });

  it('says who an unknown owner id is not, instead of showing the id', () => {
    const [changed] = partyFeedHistory([entry('2026-03-02T10:00:00Z', 'PartyOwnerChanged', { fromOwnerId: 'u-gone', toOwnerId: 'u-m1', reason: null })], card, lookups);
    expect(changed!.changes.owner).toEqual({ from: { id: 'u-gone', username: null, name: 'пользователь не найден' }, to: manager });
    expect(changed!.changes.reason).toBeUndefined();
  });

  it('names linked companies and merged records; one it cannot see is said so', () => {
    const feed = partyFeedHistory([
      entry('2026-03-04T09:00:00Z', 'PartiesMerged', { survivorId: 'c-1', mergedId: 'dup-1', partyType: 'contact', reason: 'Один клиент дважды' }, 'c-1', head),
      entry('2026-03-03T09:00:00Z', 'ContactUnlinkedFromCompany', { contactId: 'c-1', companyId: 'co-hidden' }),
      entry('2026-03-02T09:00:00Z', 'ContactLinkedToCompany', { contactId: 'c-1', companyId: 'co-1' }),
    ], card, lookups);
    expect(feed.map((e) => e.changes)).toEqual([
      { merged: { from: null, to: 'Иван (дубль)' }, reason: { from: null, to: 'Один клиент дважды' } },
      { company: { from: null, to: 'запись без доступа' } },
      { company: { from: null, to: 'ООО «Втормет»' } },
    ]);
  });

  it('marks what happened on a merged duplicate with its name, and diffs each record against its own past', () => {
    const dupCreated = entry('2026-02-01T09:00:00Z', 'ContactCreated', { contactId: 'dup-1', name: 'Иван', phones: ['+79990001122'], ownerId: 'u-m2' }, 'dup-1');
    const dupEdited = entry('2026-02-02T09:00:00Z', 'ContactUpdated', { contactId: 'dup-1', name: 'Иван', phones: ['+79990001122'], emails: ['ivan@mail.ru'] }, 'dup-1');
    const dupClosed = entry('2026-03-05T09:00:00Z', 'PartyMergedInto', { partyId: 'dup-1', partyType: 'contact', survivorId: 'c-1' }, 'dup-1', head);
    const feed = partyFeedHistory([dupClosed, created, dupEdited, dupCreated], card, lookups);
    const fromDuplicate = feed.filter((e) => e.origin);
    expect(fromDuplicate.map((e) => [e.type, e.origin])).toEqual([['PartyMergedInto', 'Иван (дубль)'], ['ContactUpdated', 'Иван (дубль)'], ['ContactCreated', 'Иван (дубль)']]);
    // the duplicate's "merged into" names the survivor: this very card, not a record out of reach
    expect(fromDuplicate[0]!.changes).toEqual({ survivor: { from: null, to: 'эта запись' } });
    fromDuplicate.shift();
    expect(fromDuplicate[0]!.changes).toEqual({ emails: { from: null, to: ['ivan@mail.ru'] } });
    expect(feed.find((e) => e.type === 'ContactCreated' && !e.origin)!.changes.name).toEqual({ from: null, to: 'Иван Петров' });
  });

  it('lists the records to ask names for: linked companies, the merged duplicate, the survivor — never the card itself', () => {
    expect(partiesNamed([
      entry('2026-03-04T09:00:00Z', 'PartiesMerged', { survivorId: 'c-1', mergedId: 'dup-1' }),
      entry('2026-03-03T09:00:00Z', 'ContactCreated', { name: 'Иван' }, 'dup-1'),
      entry('2026-03-02T09:00:00Z', 'ContactLinkedToCompany', { companyId: 'co-1' }),
      entry('2026-03-02T09:00:00Z', 'ContactLinkedToCompany', { companyId: 'co-1' }),
      entry('2026-03-01T09:00:00Z', 'PartyMergedInto', { survivorId: 'c-1' }),
    ], card)).toEqual([{ type: 'contact', id: 'dup-1' }, { type: 'company', id: 'co-1' }]);
  });

  it('gives a note to the feed as a note bubble (PartyNoteAdded), in time order with the rest', () => {
    const history = partyFeedHistory([
      entry('2026-03-02T12:00:00Z', 'PartyNoteAdded', { partyId: 'c-1', partyType: 'contact', noteId: 'n-1', text: 'Привезёт 3 т в пятницу' }, 'c-1', head),
      created,
    ], card, lookups);
    const feed = buildFeed(history, []);
    expect(feed.past.map((e) => e.kind)).toEqual(['change', 'note']);
    expect(feed.past[1]).toMatchObject({ kind: 'note', text: 'Привезёт 3 т в пятницу', author: head, pending: false });
  });
});
