import { describe, expect, it } from 'vitest';
import { normalizeTag, sameTag } from './TagsEditor';

describe('tag spelling', () => {
  it('keeps the case the person typed, one # and single spaces', () => {
    expect(normalizeTag('  ##склад   Подольск ')).toBe('#склад Подольск');
    expect(normalizeTag('# НДС')).toBe('#НДС');
    expect(normalizeTag(' # ')).toBe('');
  });

  it('treats spellings that differ only in case as one tag', () => {
    expect(sameTag('#Склад подольск', 'склад ПОДОЛЬСК')).toBe(true);
    expect(sameTag('#склад Подольск', '#склад Москва')).toBe(false);
  });
});
