import { ru } from '../i18n/ru';
import type { Funnel, HistoryChange, TaskType } from '../api/types';
import { formatDateTime, formatLocalDate, formatMoney, formatNumber } from './format';
import { formatPhone } from './phone';

/**
 * How a history (a deal's, a contact's or company's, a task's) reads in Russian: every field by its
 * name, every code by its word — never a raw key like `questionnaire.scrapType` or a value like `pickup`.
 */

/** What the words of codes and ids come from, when the screen has it. */
export interface HistoryWords {
  funnels?: Funnel[];
  /** The deal's funnel: its stage names first. */
  funnelCode?: string;
  /** /api/tasks/types (also archived names a task may still carry). */
  taskTypes?: TaskType[];
  /** A linked record's name by its id (a deal's contactId/companyId, a task's link); undefined: not known here. */
  record?: (id: string) => string | undefined;
}

/** Every field key the histories may name that has its own label (ru.history.fields). */
export const HISTORY_FIELDS: readonly string[] = Object.keys(ru.history.fields);

/** Fields whose values are codes from a fixed list (ru.history.values, funnels, task types). */
const ENUMERATED = new Set(['delivery', 'outcome', 'stage', 'fromStage', 'toStage', 'funnel', 'source', 'status', 'type', 'partyType']);

const QUESTIONNAIRE = 'questionnaire.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// a whole value only: a note that starts with a date stays the person's words
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** Reasons the system records as codes; a reason a person typed is shown as typed. */
const SYSTEM_REASONS: Record<string, string> = {
  promotion: 'пятая поставка: клиент стал постоянным',
  'deal-owner-changed': 'сделку передали другому ответственному',
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The field without its group: `questionnaire.delivery` → `delivery`. */
function baseOf(field: string): string {
  return field.startsWith(QUESTIONNAIRE) ? field.slice(QUESTIONNAIRE.length) : field;
}

/** A field's name in words; an unknown one gets a generic Russian label, never its key. */
export function historyFieldLabel(field: string): string {
  const known = ru.history.fields[field];
  if (known) return known;
  if (field.startsWith(QUESTIONNAIRE)) return ru.history.questionnaireFallback;
  const last = field.split('.').pop() ?? '';
  if (last !== field && ru.history.fields[last]) return ru.history.fields[last]!;
  return ru.history.fieldFallback;
}

/** An event's name in words; an unknown one reads as a plain "Изменение". */
export function historyTypeLabel(type: string): string {
  return ru.history.types[type] ?? ru.history.typeFallback;
}

/** A task type's name: the list from the server, then the seeded names, never the code. */
export function taskTypeName(code: string | null | undefined, types?: TaskType[]): string {
  if (!code) return ru.history.empty;
  return types?.find((t) => t.code === code)?.name ?? ru.history.values.type?.[code] ?? ru.history.unknownValue;
}

function stageWord(code: string, words: HistoryWords): string {
  const funnels = words.funnels ?? [];
  const own = funnels.find((f) => f.code === words.funnelCode)?.stages.find((s) => s.code === code);
  if (own) return own.name;
  for (const f of funnels) {
    const s = f.stages.find((st) => st.code === code);
    if (s) return s.name;
  }
  return ru.history.values.stage?.[code] ?? ru.history.unknownValue;
}

function codeWord(base: string, code: string, words: HistoryWords): string {
  switch (base) {
    case 'stage':
    case 'fromStage':
    case 'toStage':
      return stageWord(code, words);
    case 'funnel':
      return words.funnels?.find((f) => f.code === code)?.name ?? ru.history.values.funnel?.[code] ?? ru.history.unknownValue;
    case 'type':
      return taskTypeName(code, words.taskTypes);
    default:
      return ru.history.values[base]?.[code] ?? ru.history.unknownValue;
  }
}

/** A value from a history in words: codes by their names, people and records by name, dates as dd.MM.yyyy, да/нет. */
export function historyValue(field: string, value: unknown, words: HistoryWords = {}): string {
  const base = baseOf(field);
  if (value === null || value === undefined || value === '') return ru.history.empty;
  if (Array.isArray(value)) return value.length ? value.map((v) => historyValue(field, v, words)).join(', ') : ru.history.empty;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('name' in o || 'username' in o) {
      const name = o.name ?? o.username;
      if (name) return String(name);
    }
    // a task's link: {type: deal|contact|company, id}
    if (typeof o.type === 'string' && ru.history.values.linkType?.[o.type] && 'id' in o) {
      const name = typeof o.id === 'string' ? words.record?.(o.id) : undefined;
      return name ? `${ru.history.values.linkType[o.type]} «${name}»` : ru.history.values.linkType[o.type]!;
    }
    if ('name' in o || 'username' in o) return ru.history.unknownUser;
    return Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => {
        const sub = field === 'questionnaire' ? `${QUESTIONNAIRE}${k}` : k;
        return `${historyFieldLabel(sub)}: ${historyValue(sub, v, words)}`;
      })
      .join('; ') || ru.history.empty;
  }
  if (typeof value === 'string') {
    if (base === 'reason' && SYSTEM_REASONS[value]) return SYSTEM_REASONS[value]!;
    if (ENUMERATED.has(base) || (field === 'from' || field === 'to')) return codeWord(field === 'from' || field === 'to' ? 'stage' : base, value, words);
    if (UUID.test(value)) return words.record?.(value) ?? ru.history.someRecord;
    if (base.toLowerCase().includes('phone') && value.startsWith('+')) return formatPhone(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    if (ISO_DAY.test(value)) return formatLocalDate(value);
    return value;
  }
  if (typeof value === 'number') {
    if (base === 'amount' || base === 'pricePerTonne') return formatMoney(value);
    return formatNumber(value);
  }
  if (typeof value === 'boolean') return value ? ru.app.yes : ru.app.no;
  return String(value);
}

/** One line of what changed: the field's name, the old value (when there was one) and the new one. */
export interface HistoryLine {
  field: string;
  label: string;
  from: string | null;
  to: string;
}

/** The changes of one history entry as lines of words. */
export function historyLines(changes: Record<string, HistoryChange> | null | undefined, words: HistoryWords = {}): HistoryLine[] {
  return Object.entries(changes ?? {}).map(([field, change]) => ({
    field,
    label: historyFieldLabel(field),
    from: change.from !== null && change.from !== undefined && change.from !== '' ? historyValue(field, change.from, words) : null,
    to: historyValue(field, change.to, words),
  }));
}

/** The record ids a history names (a deal's contactId/companyId, a task's link), for the screen to name them. */
export function recordIdsIn(changes: readonly (Record<string, HistoryChange> | null | undefined)[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') visit((value as { id?: unknown }).id);
  };
  for (const c of changes) for (const change of Object.values(c ?? {})) { visit(change.from); visit(change.to); }
  return [...ids];
}
