import { describe, expect, it } from 'vitest';
import { ru } from '../i18n/ru';
import type { Funnel, HistoryChange, PartyHistoryEntry } from '../api/types';
import { HISTORY_FIELDS, historyFieldLabel, historyLines, historyTypeLabel, historyValue, taskTypeName } from './historyText';
import { partyFeedHistory } from './partyHistory';

/**
 * Every field key the histories can name, collected from the Java side (written out here on purpose:
 * a key added there without words here shows up as a failure, not as code on the screen).
 */
const JAVA_KEYS = {
  // deal-service DealHistoryController: DealCreated, the flattened DealUpdated diff, stage/close/owner/tags/note/delivery
  deal: [
    'title', 'funnel', 'stage', 'owner', 'source', 'contactId', 'companyId', 'expectedMonthlyVolumeT', 'metalGrades', 'priceTerms',
    'address', 'notes', 'questionnaire.scrapType', 'questionnaire.volumes', 'questionnaire.location', 'questionnaire.delivery',
    'questionnaire.paymentTerms', 'questionnaire.frequency', 'reason', 'tags', 'text', 'delivery',
    // DeliveryCompleted's map inside `delivery`
    'ordinal', 'weightKg', 'grade', 'pricePerTonne', 'amount', 'ticketNo',
  ],
  // task-service TaskHistory
  task: ['text', 'type', 'due', 'assignee', 'link', 'source', 'reason', 'status', 'result', 'deleted'],
  // party-service events as lib/partyHistory.ts turns them into changes (and its fallback for an unknown event's plain fields)
  party: [
    'name', 'phones', 'emails', 'position', 'legalName', 'inn', 'kpp', 'ogrn', 'site', 'address', 'notes', 'messengers', 'owner',
    'company', 'force', 'reason', 'tag', 'text', 'deliveries', 'merged', 'survivor', 'forced', 'ordinal', 'promotedAt', 'partyType',
  ],
  // the record fields of the contracts' events (ru.lomcrm.contracts.*), should an event reach a feed as it is
  events: [
    'dealId', 'fromStage', 'toStage', 'outcome', 'ownerId', 'fromOwnerId', 'toOwnerId', 'createdAt', 'details', 'deliveredAt',
    'acceptedBy', 'fromDealId', 'partyId', 'deliveredKg', 'companyIds', 'mergedId', 'survivorId', 'phoneTypes', 'noteId', 'taskId',
    'dueAt', 'dueDate', 'timeZone', 'assigneeId', 'createdBy', 'completedBy', 'completedAt', 'previousDueAt', 'previousDueDate',
    'previousLink', 'deadline', 'fromAssigneeId', 'toAssigneeId', 'wasOpen', 'lossReason', 'hasOpenTask', 'openTasks', 'nearestDeadline',
  ],
};
const ALL_JAVA_KEYS = [...new Set(Object.values(JAVA_KEYS).flat())];

/** Every code the histories carry as a value (deal-service, task-service, party-service, the default funnels and task types). */
const CODES: Record<string, string[]> = {
  delivery: ['own', 'pickup'],
  'questionnaire.delivery': ['own', 'pickup'],
  outcome: ['won', 'lost'],
  stage: ['lead', 'qualified', 'offer', 'first_delivery', 'repeat_deliveries', 'handed_over', 'delivering', 'not_delivering', 'won', 'lost'],
  fromStage: ['lead', 'first_delivery'],
  toStage: ['won', 'repeat_deliveries'],
  funnel: ['scrap', 'permanent'],
  source: ['manual', 'unsorted', 'promotion', 'business-process', 'form', 'mail', 'call'],
  status: ['open', 'overdue', 'done', 'potential', 'permanent'],
  type: ['call', 'meeting', 'letter', 'follow_up'],
  partyType: ['contact', 'company'],
};
const ENGLISH = [...new Set([...Object.values(CODES).flat(), 'true', 'false', 'deal', 'contact', 'company', 'null', 'undefined', 'object'])];

const CODE_TOKEN = /[a-z]+\.[a-zA-Z]+/;
const LATIN = /[a-zA-Z]/;

/** A plausible value of each field as the server sends it (Russian free text; ids; instants; numbers; codes). */
function sample(field: string): unknown {
  const codes = CODES[field];
  if (codes) return codes[0];
  if (/Id$/.test(field) || field === 'partyId') return '0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90';
  if (/Ids$/.test(field)) return ['0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90'];
  if (/At$|deadline|^due|DueAt$/.test(field)) return '2026-03-02T09:00:00Z';
  if (/Date$/.test(field)) return '2026-03-02';
  if (['force', 'forced', 'deleted', 'wasOpen', 'hasOpenTask'].includes(field)) return true;
  if (['expectedMonthlyVolumeT', 'ordinal', 'weightKg', 'pricePerTonne', 'amount', 'deliveries', 'deliveredKg', 'openTasks'].includes(field)) return 40000.5;
  if (field === 'phones') return ['+79161234567'];
  if (field === 'link' || field === 'previousLink') return { type: 'deal', id: '0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90' };
  if (field === 'delivery') return { ordinal: 2, weightKg: 12500, grade: '3А', pricePerTonne: 18500, amount: 231250, ticketNo: '№ 123' };
  if (field === 'details') return { expectedMonthlyVolumeT: 40, questionnaire: { delivery: 'pickup', scrapType: 'чермет' } };
  if (field === 'questionnaire') return { delivery: 'pickup', paymentTerms: 'по факту' };
  if (field === 'phoneTypes') return { '+79161234567': 'мобильный' };
  if (/owner$|assignee$|By$|Owner/.test(field)) return { id: 'u-1', username: null, name: 'Павел Первов' };
  if (field === 'timeZone') return 'Москва';
  return 'Текст по-русски';
}

const funnels: Funnel[] = [
  { code: 'scrap', name: 'ЛОМ', closable: true, stages: [{ code: 'lead', name: 'Лид', kind: 'open' }, { code: 'won', name: 'Успешно', kind: 'won' }] },
] as unknown as Funnel[];

function expectRussian(text: string, what: string) {
  expect(text, what).not.toMatch(CODE_TOKEN);
  expect(text.replace(/E-mail/g, ''), what).not.toMatch(LATIN); // «E-mail» is how the app writes it in Russian
  for (const word of ENGLISH) expect(text.split(/[\s:;,«»()]+/), what).not.toContain(word);
}

describe('history in Russian words', () => {
  it('has a label of its own for every field key the Java side can name', () => {
    for (const key of ALL_JAVA_KEYS) {
      const label = historyFieldLabel(key);
      expect(label, key).not.toBe(ru.history.fieldFallback);
      expect(label, key).not.toBe(ru.history.questionnaireFallback);
      expectRussian(label, key);
    }
  });

  it('feeds every known field — the mapping and the Java list — through the feed formatter without a code word', () => {
    const keys = [...new Set([...HISTORY_FIELDS, ...ALL_JAVA_KEYS])];
    const changes: Record<string, HistoryChange> = {};
    for (const key of keys) changes[key] = { from: sample(key), to: sample(key) };
    // with the funnels and task types known, and without them (a fresh page)
    for (const words of [{ funnels, funnelCode: 'scrap', taskTypes: [{ code: 'call', name: 'Звонок' }] }, {}]) {
      const lines = historyLines(changes, words);
      expect(lines).toHaveLength(keys.length);
      for (const line of lines) expectRussian(`${line.label}: ${line.from ?? ''} → ${line.to}`, line.field);
    }
  });

  it('says every enumerated code in words', () => {
    for (const [field, codes] of Object.entries(CODES)) {
      for (const code of codes) {
        const text = historyValue(field, code);
        expectRussian(text, `${field}=${code}`);
        expect(text, `${field}=${code}`).not.toBe(ru.history.unknownValue);
      }
    }
    expect(historyValue('questionnaire.delivery', 'pickup')).toBe('Вывоз');
    expect(historyValue('delivery', 'own')).toBe('Везёт сам');
    expect(historyValue('type', 'call')).toBe('Звонок');
    expect(historyValue('type', 'call', { taskTypes: [{ code: 'call', name: 'Исходящий звонок' }] })).toBe('Исходящий звонок');
    expect(historyValue('stage', 'lead', { funnels, funnelCode: 'scrap' })).toBe('Лид');
    expect(historyValue('stage', 'won', { funnels, funnelCode: 'scrap' })).toBe('Успешно');
    expect(historyValue('deleted', true)).toBe(ru.app.yes);
    expect(historyValue('force', false)).toBe(ru.app.no);
    expect(historyFieldLabel('questionnaire.scrapType')).toBe('Анкета: какой лом');
    expect(taskTypeName('meeting')).toBe('Встреча');
    // reasons: the system's codes in words, a person's words as they are
    expectRussian(historyValue('reason', 'promotion'), 'reason=promotion');
    expectRussian(historyValue('reason', 'deal-owner-changed'), 'reason=deal-owner-changed');
    expect(historyValue('reason', 'Сдаёт конкурентам')).toBe('Сдаёт конкурентам');
    // a text that starts with a date is not a date
    expect(historyValue('text', '2026-12-08T10:00 приедет машина')).toBe('2026-12-08T10:00 приедет машина');
    expect(historyValue('dueAt', '2026-12-08T07:00:00Z')).not.toContain('T07');
  });

  it('never shows an unknown key, code, event or id as it is', () => {
    expect(historyFieldLabel('questionnaire.newQuestion')).toBe(ru.history.questionnaireFallback);
    expect(historyFieldLabel('something.else')).toBe(ru.history.fieldFallback);
    expect(historyFieldLabel('fooBar')).toBe(ru.history.fieldFallback);
    expect(historyValue('type', 'zoom_call')).toBe(ru.history.unknownValue);
    expect(historyValue('stage', 'archived_stage')).toBe(ru.history.unknownValue);
    expect(historyTypeLabel('SomethingNewHappened')).toBe(ru.history.typeFallback);
    expect(historyValue('contactId', '0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90')).toBe(ru.history.someRecord);
    expect(historyValue('contactId', '0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90', { record: () => 'Иван Петров' })).toBe('Иван Петров');
    expect(historyValue('link', { type: 'deal', id: 'x' }, { record: () => 'Металлобаза' })).toBe('Сделка «Металлобаза»');
    expect(historyValue('questionnaire', { delivery: 'pickup', scrapType: 'чермет' })).toBe('Анкета: доставка: Вывоз; Анкета: какой лом: чермет');
  });

  it('names every event type of the histories', () => {
    const types = [
      'DealCreated', 'DealUpdated', 'DealStageChanged', 'DealClosed', 'DealOwnerChanged', 'DealTagged', 'DealUntagged', 'DealNoteAdded',
      'DeliveryCompleted', 'PermanentDealOpened', 'ContactCreated', 'ContactUpdated', 'ContactArchived', 'CompanyCreated', 'CompanyUpdated',
      'CompanyArchived', 'ContactLinkedToCompany', 'ContactUnlinkedFromCompany', 'PartyOwnerChanged', 'PartyTagged', 'PartyUntagged',
      'PartyDeliveryCounted', 'ClientPromoted', 'PartiesMerged', 'PartyMergedInto', 'PartyNoteAdded', 'TaskCreated', 'TaskUpdated',
      'TaskRescheduled', 'TaskReassigned', 'TaskCompleted', 'TaskReopened', 'TaskDeleted', 'TaskOverdue',
    ];
    for (const type of types) {
      expect(historyTypeLabel(type), type).not.toBe(ru.history.typeFallback);
      expectRussian(historyTypeLabel(type), type);
    }
  });

  it("reads a party's events, including one this screen does not know, without code words", () => {
    const id = '0b8f3c9e-4c7a-4c1e-9d0b-3f2a1c5e7d90';
    const entries: PartyHistoryEntry[] = [
      { at: '2026-03-03T09:00:00Z', actor: null, type: 'PartyFutureEvent', partyId: id, change: { partyId: id, partyType: 'company', ordinal: 3, promotedAt: '2026-03-03T09:00:00Z', forced: true } },
      { at: '2026-03-02T09:00:00Z', actor: null, type: 'ClientPromoted', partyId: id, change: { partyId: id, partyType: 'company', dealId: id, deliveries: 5 } },
      { at: '2026-03-01T09:00:00Z', actor: null, type: 'CompanyCreated', partyId: id, change: { companyId: id, name: 'ООО Лом', phones: ['+79161234567'], ownerId: 'u-1', forced: false } },
    ];
    for (const entry of partyFeedHistory(entries, { id, type: 'company' })) {
      for (const line of historyLines(entry.changes)) expectRussian(`${line.label}: ${line.from ?? ''} → ${line.to}`, `${entry.type}.${line.field}`);
      expectRussian(historyTypeLabel(entry.type), entry.type);
    }
  });
});
