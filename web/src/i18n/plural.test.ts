import { describe, expect, it } from 'vitest';
import { countOf, plural } from '../lib/format';
import { ru } from './ru';

const NBSP = '\u00a0';
const NUMBERS = [0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111, 1.5];

describe('Russian plurals (Intl.PluralRules ru-RU)', () => {
  it('declines nouns for 0, 1, 2, 5, 11, 12, 21, 22, 25, 101, 111 and 1,5', () => {
    const expected: Record<keyof typeof ru.plural, string[]> = {
      deals: ['сделок', 'сделка', 'сделки', 'сделок', 'сделок', 'сделок', 'сделка', 'сделки', 'сделок', 'сделка', 'сделок', 'сделки'],
      tasks: ['задач', 'задача', 'задачи', 'задач', 'задач', 'задач', 'задача', 'задачи', 'задач', 'задача', 'задач', 'задачи'],
      leads: ['заявок', 'заявка', 'заявки', 'заявок', 'заявок', 'заявок', 'заявка', 'заявки', 'заявок', 'заявка', 'заявок', 'заявки'],
      records: ['записей', 'запись', 'записи', 'записей', 'записей', 'записей', 'запись', 'записи', 'записей', 'запись', 'записей', 'записи'],
      contacts: ['контактов', 'контакт', 'контакта', 'контактов', 'контактов', 'контактов', 'контакт', 'контакта', 'контактов', 'контакт', 'контактов', 'контакта'],
      companies: ['компаний', 'компания', 'компании', 'компаний', 'компаний', 'компаний', 'компания', 'компании', 'компаний', 'компания', 'компаний', 'компании'],
      deliveries: ['поставок', 'поставка', 'поставки', 'поставок', 'поставок', 'поставок', 'поставка', 'поставки', 'поставок', 'поставка', 'поставок', 'поставки'],
      days: ['дней', 'день', 'дня', 'дней', 'дней', 'дней', 'день', 'дня', 'дней', 'день', 'дней', 'дня'],
      hours: ['часов', 'час', 'часа', 'часов', 'часов', 'часов', 'час', 'часа', 'часов', 'час', 'часов', 'часа'],
      tonnes: ['тонн', 'тонна', 'тонны', 'тонн', 'тонн', 'тонн', 'тонна', 'тонны', 'тонн', 'тонна', 'тонн', 'тонны'],
    };
    for (const [noun, forms] of Object.entries(expected)) {
      expect(NUMBERS.map((n) => plural(n, ru.plural[noun as keyof typeof ru.plural])), noun).toEqual(forms);
    }
  });

  it('writes the number with the noun', () => {
    expect(countOf(1, ru.plural.deals)).toBe(`1${NBSP}сделка`);
    expect(countOf(22, ru.plural.tasks)).toBe(`22${NBSP}задачи`);
    expect(countOf(22223, ru.plural.tasks)).toBe(`22${NBSP}223${NBSP}задачи`);
    expect(countOf(1.5, ru.plural.tonnes)).toBe(`1,5${NBSP}тонны`);
    expect(countOf(1000, ru.plural.deals)).toBe(`1${NBSP}000${NBSP}сделок`);
  });

  it('makes the phrases agree with the number', () => {
    expect([1, 2, 5, 21, 111].map((n) => ru.dashboard.unsortedPending(n))).toEqual([
      'заявка ждёт разбора', 'заявки ждут разбора', 'заявок ждут разбора', 'заявка ждёт разбора', 'заявок ждут разбора',
    ]);
    expect(ru.nav.overdueBadge(1)).toBe(`Просрочена 1${NBSP}задача`);
    expect(ru.nav.overdueBadge(3)).toBe(`Просрочены 3${NBSP}задачи`);
    expect(ru.nav.overdueBadge(11)).toBe(`Просрочено 11${NBSP}задач`);
    expect(ru.nav.unsortedBadge(21)).toBe(`21${NBSP}неразобранная заявка`);
    expect(ru.deals.deliveries(2)).toBe(`2${NBSP}поставки`);
    expect(ru.deals.bulk.someFailed(1, 5)).toBe(`Готово: 1${NBSP}сделка, не удалось: 5${NBSP}сделок`);
    expect(ru.tasks.calendar.moreLinks(3)).toBe(`ещё 3${NBSP}задачи`);
    expect(ru.tasks.calendar.moreLinks(12)).toBe(`ещё 12${NBSP}задач`);
    expect(ru.party.toPermanent(1)).toBe(`До постоянного клиента: 1${NBSP}поставка`);
  });
});
