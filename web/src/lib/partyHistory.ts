import { ru } from '../i18n/ru';
import type { HistoryChange, PartyHistoryEntry, PartyType, UserRef } from '../api/types';
import type { FeedHistoryEntry } from './feed';

/** The fields of a contact's or company's card that an edit may change, in the order the feed lists them. */
const CARD_FIELDS = ['name', 'phones', 'emails', 'position', 'legalName', 'inn', 'kpp', 'ogrn', 'site', 'address', 'notes', 'messengers'] as const;

/** What the feed needs to say ids in words: people by name, other records by name. */
export interface PartyLookups {
  user?: (id: string) => UserRef | undefined;
  /** The record's name; undefined: not visible to this person (or gone). */
  party?: (type: PartyType, id: string) => string | undefined;
}

type Payload = Record<string, unknown>;

function payloadOf(entry: PartyHistoryEntry): Payload {
  return entry.change && typeof entry.change === 'object' ? (entry.change as Payload) : {};
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/**
 * The other records a party's history names (linked companies, a merged duplicate, the survivor,
 * the records merged in): fetched by the card so the feed can name them.
 */
export function partiesNamed(entries: readonly PartyHistoryEntry[], card: { id: string; type: PartyType }): { type: PartyType; id: string }[] {
  const found = new Map<string, { type: PartyType; id: string }>();
  const add = (type: PartyType, id: string | null) => {
    if (id && id !== card.id) found.set(`${type}:${id}`, { type, id });
  };
  for (const entry of entries) {
    const p = payloadOf(entry);
    if (entry.partyId !== card.id) add(card.type, entry.partyId);
    if (entry.type === 'ContactLinkedToCompany' || entry.type === 'ContactUnlinkedFromCompany') add('company', str(p.companyId));
    if (entry.type === 'ContactCreated' && Array.isArray(p.companyIds)) p.companyIds.forEach((c) => add('company', str(c)));
    if (entry.type === 'PartiesMerged') add(card.type, str(p.mergedId));
    if (entry.type === 'PartyMergedInto') add(card.type, str(p.survivorId));
  }
  return [...found.values()];
}

/**
 * A contact's or company's history (party-service: `change` = the event's own fields) as the feed
 * shows it: an edit as only what it changed (old → new, against the record's previous state), the
 * owner and linked records by name, ids left out, and a note as a note. Entries that happened on a
 * merged duplicate say so (`origin`). Newest first in, newest first out, like the server.
 */
export function partyFeedHistory(entries: readonly PartyHistoryEntry[], card: { id: string; type: PartyType }, lookups: PartyLookups = {}): FeedHistoryEntry[] {
  const user = (id: unknown): UserRef | null => {
    const text = str(id);
    if (!text) return null;
    return lookups.user?.(text) ?? { id: text, username: null, name: ru.history.unknownUser };
  };
  const party = (type: PartyType, id: unknown): string | null => {
    const text = str(id);
    if (!text) return null;
    if (text === card.id) return ru.history.thisRecord; // the survivor, seen from its own card
    return lookups.party?.(type, text) ?? ru.history.hiddenRecord;
  };

  // the server answers newest first; the previous state of a record is what came before in time
  const indexed = entries.map((entry, index) => ({ entry, index }));
  const ordered = [...indexed].sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || b.index - a.index);
  const cards = new Map<string, Payload>();
  const out = new Map<number, FeedHistoryEntry>();

  for (const { entry, index } of ordered) {
    const p = payloadOf(entry);
    const changes: Record<string, HistoryChange> = {};
    const set = (field: string, to: unknown, from: unknown = null) => {
      if (!isEmpty(to) || !isEmpty(from)) changes[field] = { from, to };
    };
    switch (entry.type) {
      case 'ContactCreated':
      case 'CompanyCreated': {
        const snapshot: Payload = {};
        for (const field of CARD_FIELDS) {
          snapshot[field] = p[field] ?? null;
          set(field, p[field]);
        }
        cards.set(entry.partyId, snapshot);
        set('owner', user(p.ownerId));
        if (Array.isArray(p.companyIds) && p.companyIds.length) set('company', p.companyIds.map((c) => party('company', c)));
        if (p.force === true) set('force', true);
        break;
      }
      case 'ContactUpdated':
      case 'CompanyUpdated': {
        const before = cards.get(entry.partyId);
        const after: Payload = {};
        for (const field of CARD_FIELDS) {
          after[field] = p[field] ?? null;
          if (!before) set(field, p[field]);
          else if (!same(before[field], p[field])) set(field, p[field] ?? null, before[field] ?? null);
        }
        cards.set(entry.partyId, after);
        break;
      }
      case 'ContactArchived':
      case 'CompanyArchived':
        set('reason', p.reason);
        break;
      case 'ContactLinkedToCompany':
      case 'ContactUnlinkedFromCompany':
        set('company', party('company', p.companyId));
        break;
      case 'PartyOwnerChanged':
        set('owner', user(p.toOwnerId), user(p.fromOwnerId));
        set('reason', p.reason);
        break;
      case 'PartyTagged':
      case 'PartyUntagged':
        set('tag', p.tag);
        break;
      case 'PartyNoteAdded':
        set('text', p.text);
        break;
      case 'PartyDeliveryCounted':
      case 'ClientPromoted':
        set('deliveries', p.deliveries);
        break;
      case 'PartiesMerged':
        set('merged', party(card.type, p.mergedId));
        set('reason', p.reason);
        break;
      case 'PartyMergedInto':
        set('survivor', party(card.type, p.survivorId));
        break;
      default:
        // an event this screen does not know yet: its plain fields, never ids
        for (const [field, value] of Object.entries(p)) {
          if (/id$|Id$|Ids$|^partyType$|^type$|^kind$/.test(field) || typeof value === 'object' && value !== null && !Array.isArray(value)) continue;
          set(field, value);
        }
    }
    const origin = entry.partyId && entry.partyId !== card.id ? party(card.type, entry.partyId) : null;
    out.set(index, { at: entry.at, actor: entry.actor, type: entry.type, changes, ...(origin ? { origin } : {}) });
  }
  return entries.map((_, index) => out.get(index)!);
}
