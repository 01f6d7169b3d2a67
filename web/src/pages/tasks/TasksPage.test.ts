import { describe, expect, it } from 'vitest';
import { periodText } from './TasksPage';

describe('the due period chip of the task list (a calendar slot\'s «ещё N»)', () => {
  it('names the period in Moscow time', () => {
    expect(periodText('2026-05-11T07:00:00Z', '2026-05-11T08:00:00Z')).toBe('11.05.2026 10:00–11:00');
    expect(periodText('2026-05-10T21:00:00Z', '2026-05-11T21:00:00Z')).toBe('11.05.2026');
    expect(periodText('2026-05-11T20:00:00Z', '2026-05-11T21:00:00Z')).toBe('11.05.2026 23:00–00:00');
  });
});
