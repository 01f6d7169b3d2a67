import { describe, expect, it } from 'vitest';
import {
  activeFilterCount, boardQuery, dealListQuery, filterFromSearchParams, filterToSearchParams, taskFilterFromSearchParams,
  taskFilterToSearchParams, taskGroup, taskListQuery,
} from './filters';

describe('deal filter', () => {
  it('counts what narrows the list', () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ q: '  ', closed: 'open' })).toBe(0);
    expect(activeFilterCount({ q: 'лом', stages: ['lead'], owner: 'me', tags: ['#долгая оплата'], createdFrom: '2026-01-01', closed: 'all' })).toBe(6);
  });

  it('turns Moscow days into instants with an inclusive end day', () => {
    const q = dealListQuery({ createdFrom: '2026-03-01', createdTo: '2026-03-31' }, 'me-id', 'scrap', 0, 50);
    expect(q.createdFrom).toBe('2026-02-28T21:00:00.000Z');
    expect(q.createdTo).toBe('2026-03-31T21:00:00.000Z');
  });

  it('resolves "me", leaves empty things out and shows open deals unless asked', () => {
    const q = dealListQuery({ owner: 'me', q: '  металл ', tags: [] }, 'u-1', 'scrap', 2, 25, { field: 'title', direction: 'asc' });
    expect(q).toMatchObject({ owner: 'u-1', q: 'металл', tags: undefined, closed: false, sort: 'title', direction: 'asc', page: 2, size: 25, funnel: 'scrap' });
    expect(dealListQuery({ closed: 'all' }, 'u', 'scrap', 0, 50).closed).toBeUndefined();
    expect(dealListQuery({ closed: 'closed' }, 'u', 'scrap', 0, 50).closed).toBe(true);
    expect(dealListQuery({ tags: ['#a'], tagsMode: 'all' }, 'u', 'scrap', 0, 50).tagsMode).toBe('all');
  });

  it('gives the board only what it understands', () => {
    expect(boardQuery({ owner: 'me', tags: ['#a'], q: 'x', stages: ['lead'], createdFrom: '2026-01-01' }, 'u-1', 50)).toEqual({
      owner: 'u-1', tags: ['#a'], q: 'x', limit: 50,
    });
  });

  it('round-trips through the address bar and ignores junk', () => {
    const filter = {
      q: 'Склад', stages: ['lead', 'offer'], owner: 'me', tags: ['#долгая оплата', '#нужна доставка денег'], tagsMode: 'all' as const,
      createdFrom: '2026-01-01', createdTo: '2026-01-31', updatedFrom: undefined, updatedTo: undefined, closed: 'all' as const,
    };
    const params = filterToSearchParams(filter, new URLSearchParams('view=list'));
    expect(params.get('view')).toBe('list');
    expect(filterFromSearchParams(params)).toEqual(filter);
    const junk = filterFromSearchParams(new URLSearchParams('createdFrom=yesterday&closed=maybe&stage=&stage=lead&stage=lead'));
    expect(junk.createdFrom).toBeUndefined();
    expect(junk.closed).toBeUndefined();
    expect(junk.stages).toEqual(['lead']);
  });
});

describe('task filter', () => {
  it('maps who and status to the API', () => {
    expect(taskListQuery({ who: 'mine', status: 'active' }, 'u-1', 0, 50)).toMatchObject({ assigneeId: 'u-1', status: ['open', 'overdue'], sort: 'dueAt', direction: 'asc' });
    expect(taskListQuery({ who: 'all', status: 'done' }, 'u-1', 0, 50)).toMatchObject({ assigneeId: undefined, status: ['done'], sort: 'completedAt', direction: 'desc' });
    expect(taskListQuery({ who: 'u-7', status: 'all', from: '2026-05-01', to: '2026-05-01' }, 'u-1', 0, 50)).toMatchObject({
      assigneeId: 'u-7', status: undefined, from: '2026-04-30T21:00:00.000Z', to: '2026-05-01T21:00:00.000Z',
    });
  });

  it('keeps the default out of the address bar and reads it back', () => {
    expect(taskFilterToSearchParams({ who: 'mine', status: 'active' }).toString()).toBe('');
    const f = { who: 'all', status: 'overdue' as const, type: 'call', from: '2026-05-01', to: undefined, q: 'позвонить' };
    expect(taskFilterFromSearchParams(taskFilterToSearchParams(f))).toEqual(f);
    expect(taskFilterFromSearchParams(new URLSearchParams('status=weird'))).toMatchObject({ who: 'mine', status: 'active' });
  });

  it('groups tasks by Moscow day: overdue, today, tomorrow, later', () => {
    // 23:30 Moscow on 10 May = 20:30 UTC
    const now = new Date('2026-05-10T20:30:00Z');
    const t = (dueAt: string | null, dueDate: string | null, deadline: string, status = 'open') => ({ status, dueAt, dueDate, deadline });
    expect(taskGroup(t('2026-05-10T20:00:00Z', null, '2026-05-10T20:00:00Z'), now)).toBe('overdue');
    expect(taskGroup(t('2026-05-10T20:45:00Z', null, '2026-05-10T20:45:00Z'), now)).toBe('today');
    // 00:30 Moscow on 11 May is tomorrow there, though still 10 May in UTC
    expect(taskGroup(t('2026-05-10T21:30:00Z', null, '2026-05-10T21:30:00Z'), now)).toBe('tomorrow');
    expect(taskGroup(t(null, '2026-05-10', '2026-05-10T21:00:00Z'), now)).toBe('today');
    expect(taskGroup(t(null, '2026-05-20', '2026-05-20T21:00:00Z'), now)).toBe('later');
    expect(taskGroup(t(null, '2026-05-20', '2026-05-20T21:00:00Z', 'done'), now)).toBe('done');
    expect(taskGroup(t(null, '2026-05-20', '2026-05-20T21:00:00Z', 'overdue'), now)).toBe('overdue');
  });
});
