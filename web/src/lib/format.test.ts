import { describe, expect, it } from 'vitest';
import {
  countOf, formatDate, formatDateTime, formatKg, formatLocalDate, formatMoney, formatNumber, formatNumberInput, formatTime, formatTonnes, initials,
  instantToPicked, moscowDayStart, parseNumberInput, pickedToInstant, plural,
} from './format';
import { dayjs } from './format';

const NBSP = '\u00a0';

describe('formatting for Russian managers', () => {
  it('shows dates as dd.MM.yyyy in Moscow time, whatever the browser zone', () => {
    // 22:30 UTC on 31 Dec is already 1 Jan in Moscow
    expect(formatDate('2025-12-31T22:30:00Z')).toBe('01.01.2026');
    expect(formatTime('2025-12-31T22:30:00Z')).toBe('01:30');
    expect(formatDateTime('2026-03-08T09:05:00Z')).toBe('08.03.2026 12:05');
    expect(formatLocalDate('2026-03-08')).toBe('08.03.2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });

  it('puts spaces between thousands and a decimal comma', () => {
    expect(formatNumber(1234567.5)).toBe(`1${NBSP}234${NBSP}567,5`);
    expect(formatNumber('1000')).toBe(`1${NBSP}000`);
    expect(formatNumber(null)).toBe('');
  });

  it('shows and reads numbers in inputs the Russian way: 40 000 and 12,5 (never 40,000 for forty)', () => {
    expect(formatNumberInput(40000)).toBe(`40${NBSP}000`);
    expect(formatNumberInput('40')).toBe('40');
    expect(formatNumberInput('40.000')).toBe('40'); // what a precision of 3 hands the formatter
    expect(formatNumberInput(12.5)).toBe('12,5');
    expect(formatNumberInput('1234.5')).toBe(`1${NBSP}234,5`);
    expect(formatNumberInput(undefined)).toBe('');
    expect(formatNumberInput('', { userTyping: false, input: '' })).toBe('');
    // while typing, what the person typed stays as it is (the caret does not jump)
    expect(formatNumberInput('1234', { userTyping: true, input: '1 234' })).toBe('1 234');
    expect(parseNumberInput('1 234,5')).toBe('1234.5');
    expect(Number(parseNumberInput('1 234,5'))).toBe(1234.5);
    expect(parseNumberInput(`40${NBSP}000`)).toBe('40000');
    expect(parseNumberInput('40\u202f000')).toBe('40000');
    expect(parseNumberInput('12,5')).toBe('12.5');
    expect(parseNumberInput('12.5')).toBe('12.5');
    expect(parseNumberInput('12,5 т')).toBe('12.5');
    expect(parseNumberInput('')).toBe('');
  });

  it('writes tonnes, kilograms and roubles', () => {
    expect(formatTonnes(12.5)).toBe(`12,5${NBSP}т`);
    expect(formatTonnes(1500)).toBe(`1${NBSP}500${NBSP}т`);
    expect(formatKg(12340)).toBe(`12${NBSP}340${NBSP}кг`);
    expect(formatMoney(1234.5)).toBe(`1${NBSP}234,50${NBSP}₽`);
    expect(formatMoney('250000')).toBe(`250${NBSP}000,00${NBSP}₽`);
  });

  it('declines Russian nouns by number', () => {
    const forms = ['сделка', 'сделки', 'сделок'] as const;
    expect([0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => plural(n, forms))).toEqual([
      'сделок', 'сделка', 'сделки', 'сделки', 'сделок', 'сделок', 'сделок', 'сделок', 'сделка', 'сделки', 'сделок', 'сделка', 'сделок',
    ]);
    expect(countOf(1000, forms)).toBe(`1${NBSP}000${NBSP}сделок`);
  });

  it('makes initials', () => {
    expect(initials('Павел Первов')).toBe('ПП');
    expect(initials('admin')).toBe('A');
    expect(initials('')).toBe('?');
  });

  it('reads a picked wall-clock time as Moscow time and back', () => {
    const picked = dayjs('2026-06-01T10:00:00');
    expect(pickedToInstant(picked)).toBe('2026-06-01T07:00:00.000Z');
    expect(instantToPicked('2026-06-01T07:00:00Z')!.format('YYYY-MM-DD HH:mm')).toBe('2026-06-01 10:00');
    expect(moscowDayStart('2026-06-01')).toBe('2026-05-31T21:00:00.000Z');
  });
});
