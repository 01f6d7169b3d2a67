import { describe, expect, it } from 'vitest';
import { emailLooksComplete, formatPhone, innLooksComplete, phoneLooksComplete } from './phone';

describe('phones and identifiers', () => {
  it('formats Russian E.164 numbers for reading', () => {
    expect(formatPhone('+79161234567')).toBe('+7 916 123-45-67');
    expect(formatPhone('+375291234567')).toBe('+375291234567');
    expect(formatPhone(null)).toBe('');
  });

  it('asks the duplicate check only about values that look whole', () => {
    expect(phoneLooksComplete('8 (916) 123-45')).toBe(false);
    expect(phoneLooksComplete('8 (916) 123-45-67')).toBe(true);
    expect(emailLooksComplete('ivan@')).toBe(false);
    expect(emailLooksComplete('ivan@lom.ru')).toBe(true);
    expect(innLooksComplete('77071')).toBe(false);
    expect(innLooksComplete('7707083893')).toBe(true);
  });
});
