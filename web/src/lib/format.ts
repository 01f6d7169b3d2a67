import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/ru';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('ru');

/** The company works in Moscow time unless a person says otherwise. */
export const TIME_ZONE = 'Europe/Moscow';

/** Russian group separator: a no-break space (Intl may give a narrow one; one spelling everywhere). */
const NBSP = '\u00a0';

function normalizeSpaces(text: string): string {
  return text.replace(/[\u202f\u00a0 ]/g, NBSP);
}

const dateFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('ru-RU', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

type Instantish = string | number | Date | null | undefined;

function toDate(value: Instantish): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** dd.MM.yyyy in Moscow time; "" for nothing. */
export function formatDate(value: Instantish): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : '';
}

/** A calendar day (yyyy-MM-dd, no time zone) as dd.MM.yyyy. */
export function formatLocalDate(value: string | null | undefined): string {
  if (!value) return '';
  const [y, m, d] = value.split('-');
  return y && m && d ? `${d}.${m}.${y}` : value;
}

/** HH:mm (24 h) in Moscow time. */
export function formatTime(value: Instantish): string {
  const date = toDate(value);
  return date ? timeFormat.format(date) : '';
}

/** dd.MM.yyyy HH:mm in Moscow time. */
export function formatDateTime(value: Instantish): string {
  const date = toDate(value);
  return date ? `${dateFormat.format(date)} ${timeFormat.format(date)}` : '';
}

function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** 1 234 567,5 — spaces between thousands, a decimal comma. */
export function formatNumber(value: number | string | null | undefined, maxFractionDigits = 3, minFractionDigits = 0): string {
  const n = toNumber(value);
  if (n === null) return '';
  return normalizeSpaces(
    new Intl.NumberFormat('ru-RU', { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits }).format(n),
  );
}

/**
 * A number input's text (antd InputNumber `formatter`): "40 000", "12,5" — what the person typed
 * while typing, the Russian spelling otherwise (never "40,000" for forty tonnes).
 */
export function formatNumberInput(value: number | string | null | undefined, info?: { userTyping: boolean; input: string }): string {
  if (info?.userTyping) return info.input;
  const n = toNumber(value);
  return n === null ? (value === null || value === undefined ? '' : String(value)) : formatNumber(n, 10);
}

/**
 * A number typed the Russian way (antd InputNumber `parser`): "1 234,5" → "1234.5"; spaces of any
 * kind between thousands, a decimal comma or dot.
 */
export function parseNumberInput(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(/,/g, '.').replace(/[^\d.-]/g, '');
}

/** The props that make an antd InputNumber read and write numbers the Russian way (spread them in). */
export const RU_NUMBER_INPUT = {
  formatter: formatNumberInput as (value: number | string | undefined, info: { userTyping: boolean; input: string }) => string,
  parser: parseNumberInput as unknown as (text: string | undefined) => number,
  decimalSeparator: ',',
};

/** Tonnes: "12,5 т". */
export function formatTonnes(value: number | string | null | undefined): string {
  const n = toNumber(value);
  return n === null ? '' : `${formatNumber(n, 3)}${NBSP}т`;
}

/** Kilograms: "12 340 кг". */
export function formatKg(value: number | string | null | undefined): string {
  const n = toNumber(value);
  return n === null ? '' : `${formatNumber(n, 3)}${NBSP}кг`;
}

/** Money in roubles with kopecks: "1 234,50 ₽". */
export function formatMoney(value: number | string | null | undefined): string {
  const n = toNumber(value);
  return n === null ? '' : `${formatNumber(n, 2, 2)}${NBSP}₽`;
}

/**
 * A noun's forms by Russian plural category: [one, few, many] and, optionally, other (fractions:
 * "1,5 тонны"; the genitive singular, which for nouns is the "few" form, so it may be left out).
 * 1 сделка, 2 сделки, 5 сделок, 1,5 сделки.
 */
export type PluralForms = readonly [one: string, few: string, many: string, other?: string];

const pluralRules = new Intl.PluralRules('ru-RU');

/** Russian plural by Intl.PluralRules('ru-RU'): plural(5, ['сделка', 'сделки', 'сделок']) → 'сделок'. */
export function plural(n: number, forms: PluralForms): string {
  switch (pluralRules.select(Number.isFinite(n) ? n : 0)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    case 'many':
      return forms[2];
    default:
      return forms[3] ?? forms[1];
  }
}

/** "5 сделок", "1 234 задачи", "1,5 тонны". */
export function countOf(n: number, forms: PluralForms): string {
  return `${formatNumber(n)}${NBSP}${plural(n, forms)}`;
}

/** Initials for an avatar: "Павел Первов" → "ПП". */
export function initials(name: string | null | undefined): string {
  if (!name) return '?';
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts.slice(0, 2).map((p) => p[0]!.toUpperCase()).join('') || '?';
}

/** An instant as a Moscow-time dayjs (for date pickers and the calendar). */
export function moscow(value: Instantish): Dayjs | null {
  const date = toDate(value);
  return date ? dayjs(date).tz(TIME_ZONE) : null;
}

/** Now in Moscow time. */
export function nowMoscow(): Dayjs {
  return dayjs().tz(TIME_ZONE);
}

/**
 * A wall-clock date/time picked in the UI, read as Moscow time, to an ISO instant.
 * (Pickers show the browser's clock; the company's clock is Moscow.)
 */
export function pickedToInstant(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), TIME_ZONE).toISOString();
}

/** An instant to a picker value showing its Moscow wall-clock time. */
export function instantToPicked(value: Instantish): Dayjs | null {
  const m = moscow(value);
  return m ? dayjs(m.format('YYYY-MM-DDTHH:mm:ss')) : null;
}

/** A picked calendar day as yyyy-MM-dd. */
export function pickedToLocalDate(picked: Dayjs): string {
  return picked.format('YYYY-MM-DD');
}

/** The start of a Moscow calendar day (yyyy-MM-dd) as an ISO instant. */
export function moscowDayStart(day: string): string {
  return dayjs.tz(`${day}T00:00:00`, TIME_ZONE).toISOString();
}

/** Today in Moscow as yyyy-MM-dd. */
export function todayMoscow(): string {
  return nowMoscow().format('YYYY-MM-DD');
}

export { dayjs };
