import type { Dayjs } from 'dayjs';
import type { ListElement, ListField } from '../api/types';
import { dayjs } from './format';
import { formatPhone } from './phone';

/** What a list element's form holds per column: text for most, a day for a date column. */
export type ElementFormValue = string | Dayjs | null | undefined;
export type ElementFormValues = Record<string, ElementFormValue>;

/** As party-service takes a number column: up to 15 digits, a point or a comma, up to 6 decimals. */
const NUMBER = /^-?\d{1,15}([.,]\d{1,6})?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Spaces people type in numbers ("1 200,5") are not part of them. */
function numberText(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, '');
}

export function isNumberText(raw: string): boolean {
  return NUMBER.test(numberText(raw));
}

export function isEmailText(raw: string): boolean {
  return EMAIL.test(raw.trim());
}

function isBlank(value: ElementFormValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The form's starting values: an element's values as a person reads and edits them (12,5; +7 916 …; a day). */
export function elementFormValues(fields: readonly ListField[], element?: Pick<ListElement, 'values'> | null): ElementFormValues {
  const values: ElementFormValues = {};
  for (const field of fields) {
    const raw = element?.values[field.code];
    if (raw === null || raw === undefined || raw === '') {
      values[field.code] = field.type === 'date' || field.type === 'select' ? null : '';
      continue;
    }
    switch (field.type) {
      case 'number': values[field.code] = String(raw).replace('.', ','); break;
      case 'date': values[field.code] = dayjs(String(raw)); break;
      case 'phone': values[field.code] = formatPhone(String(raw)); break;
      default: values[field.code] = String(raw);
    }
  }
  return values;
}

/**
 * The request body for party-service: values by column code. A new element sends only what is
 * filled in; an edit sends every column, an emptied one as null (which clears it there).
 */
export function elementPayload(fields: readonly ListField[], values: ElementFormValues, editing: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.code];
    if (isBlank(value)) {
      if (editing) body[field.code] = null;
      continue;
    }
    if (field.type === 'date') body[field.code] = (value as Dayjs).format('YYYY-MM-DD');
    else if (field.type === 'number') body[field.code] = numberText(String(value)).replace(',', '.');
    else body[field.code] = String(value).trim();
  }
  return body;
}
