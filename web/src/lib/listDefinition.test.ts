import { describe, expect, it } from 'vitest';
import { columnCode, columnCodes, listPayload, refusalPath } from './listDefinition';

describe('a new list\'s definition', () => {
  it('makes column codes the server takes from Russian names', () => {
    expect(columnCode('Объём, т')).toBe('obem_t');
    expect(columnCode('  Телефон склада ')).toBe('telefon_sklada');
    expect(columnCode('E-mail')).toBe('e_mail');
    expect(columnCode('1С код')).toBe('c_1s_kod');
    expect(columnCode('!!!')).toBe('');
    expect(columnCode('Щ'.repeat(30))).toMatch(/^[a-z][a-z0-9_]{0,39}$/);
    expect(columnCodes(['Телефон', 'телефон', '***', 'Телефон'])).toEqual(['telefon', 'telefon_2', 'column_3', 'telefon_3']);
  });

  it('builds the POST body: options only for a select, required only when set', () => {
    expect(listPayload(' Площадки ', [
      { name: ' Название ', type: 'text', required: true },
      { name: 'Вид', type: 'select', options: [' Чермет', 'Цветмет', '', 'Чермет'] },
      { name: 'Дата', type: 'date', options: ['лишнее'], required: false },
    ])).toEqual({
      name: 'Площадки',
      fields: [
        { code: 'nazvanie', name: 'Название', type: 'text', required: true },
        { code: 'vid', name: 'Вид', type: 'select', options: ['Чермет', 'Цветмет'] },
        { code: 'data', name: 'Дата', type: 'date' },
      ],
    });
  });

  it('places the server\'s refusals at the fields they name', () => {
    expect(refusalPath('name')).toEqual(['name']);
    expect(refusalPath('fields[2].name')).toEqual(['fields', 2, 'name']);
    expect(refusalPath('fields[1].code')).toEqual(['fields', 1, 'name']);
    expect(refusalPath('fields[0].options[3]')).toEqual(['fields', 0, 'options']);
    expect(refusalPath('fields')).toBeNull();
  });
});
