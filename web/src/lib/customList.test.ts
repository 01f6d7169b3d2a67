import { describe, expect, it } from 'vitest';
import type { Dayjs } from 'dayjs';
import type { ListField } from '../api/types';
import { dayjs } from './format';
import { elementFormValues, elementPayload, isEmailText, isNumberText } from './customList';

const fields: ListField[] = [
  { code: 'title', name: 'Название', type: 'text', options: null, required: true },
  { code: 'volume', name: 'Объём, т', type: 'number', options: null, required: null },
  { code: 'since', name: 'С какого числа', type: 'date', options: null, required: null },
  { code: 'kind', name: 'Вид', type: 'select', options: ['Чермет', 'Цветмет'], required: null },
  { code: 'phone', name: 'Телефон', type: 'phone', options: null, required: null },
  { code: 'email', name: 'E-mail', type: 'email', options: null, required: null },
];

describe('a custom list element in its form', () => {
  it('shows stored values as a person edits them: 12,5, a day, a formatted phone; empty ones empty', () => {
    const values = elementFormValues(fields, { values: { title: 'Площадка на Складской', volume: 12.5, since: '2026-03-05', phone: '+79161234567' } });
    expect(values.title).toBe('Площадка на Складской');
    expect(values.volume).toBe('12,5');
    expect((values.since as Dayjs).format('DD.MM.YYYY')).toBe('05.03.2026');
    expect(values.phone).toBe('+7 916 123-45-67');
    expect(values.kind).toBeNull();
    expect(values.email).toBe('');
  });

  it('sends only what is filled in for a new element, numbers without spaces, days as yyyy-MM-dd', () => {
    expect(elementPayload(fields, {
      title: '  Площадка ', volume: '1 200,5', since: dayjs('2026-03-05'), kind: 'Цветмет', phone: '', email: undefined,
    }, false)).toEqual({ title: 'Площадка', volume: '1200.5', since: '2026-03-05', kind: 'Цветмет' });
  });

  it('sends every column on an edit, an emptied one as null (cleared on the server)', () => {
    expect(elementPayload(fields, { title: 'Площадка', volume: '  ', since: null, kind: 'Чермет', phone: '+7 916 123-45-67', email: '' }, true))
      .toEqual({ title: 'Площадка', volume: null, since: null, kind: 'Чермет', phone: '+7 916 123-45-67', email: null });
  });

  it('takes numbers and e-mails as the server does', () => {
    expect(['12', '-3', '12,5', '12.125', '1 200,5'].every(isNumberText)).toBe(true);
    expect(['', 'двенадцать', '12,1234567', '1,2,3', '1e5'].some(isNumberText)).toBe(false);
    expect(isEmailText(' ivan@mail.ru ')).toBe(true);
    expect(isEmailText('ivan@mail')).toBe(false);
  });
});
