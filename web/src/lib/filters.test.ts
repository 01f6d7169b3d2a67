import { describe, expect, it } from 'vitest';
import {
  activeFilterCount, boardQuery, dealListQuery, filterFromQuery, filterFromSearchParams, filterToQuery, filterToSearchParams, taskFilterFromSearchParams,
  taskFilterToSearchParams, taskGroup, taskGroupQueries, taskListQuery,
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

  it('gives the board the same filter as the list, but not the list-only "closed"', () => {
    expect(boardQuery({ owner: 'me', tags: ['#a'], q: 'x', stages: ['lead'], createdFrom: '2026-01-01', closed: 'all', withoutTask: true }, 'u-1', 50)).toEqual({
      owner: 'u-1', tags: ['#a'], q: 'x', stage: ['lead'], createdFrom: '2025-12-31T21:00:00.000Z', withoutTask: true, limit: 50,
    });
  });

  it('turns the stage, the three day ranges, the task marks, source, grade and tonnage into API params', () => {
    const filter = {
      stages: ['lead', 'offer'], createdFrom: '2026-03-01', createdTo: '2026-03-31', updatedFrom: '2026-04-10', updatedTo: '2026-04-10',
      closedFrom: '2026-05-01', closedTo: '2026-05-02', withoutTask: true, overdueTask: true, sources: ['unsorted', 'manual'],
      grades: ['3А', 'медь'], deliveredFromT: '1,5', deliveredToT: '20',
    };
    const expected = {
      stage: ['lead', 'offer'],
      createdFrom: '2026-02-28T21:00:00.000Z', createdTo: '2026-03-31T21:00:00.000Z',
      updatedFrom: '2026-04-09T21:00:00.000Z', updatedTo: '2026-04-10T21:00:00.000Z',
      closedFrom: '2026-04-30T21:00:00.000Z', closedTo: '2026-05-02T21:00:00.000Z',
      withoutTask: true, overdueTask: true, source: ['unsorted', 'manual'], grade: ['3А', 'медь'], deliveredFromT: '1.5', deliveredToT: '20',
    };
    // a closing-day range asks for closed deals too, so "only open" is not sent with it
    expect(dealListQuery(filter, 'u-1', 'scrap', 0, 50)).toEqual({ funnel: 'scrap', ...expected, sort: 'updatedAt', direction: 'desc', page: 0, size: 50 });
    expect(boardQuery(filter, 'u-1', 50)).toEqual({ ...expected, limit: 50 });
    expect(dealListQuery({ withoutTask: false, deliveredFromT: 'много', sources: [] }, 'u-1', 'scrap', 0, 50)).toMatchObject({
      withoutTask: undefined, deliveredFromT: undefined, source: undefined, closed: false,
    });
    expect(activeFilterCount(filter)).toBe(9);
  });

  it('keeps the filter in the address bar under the API\'s names (days, not instants) and reads old "tag" links', () => {
    const filter = {
      stages: ['lead'], owner: 'me', tags: ['#a'], closedFrom: '2026-05-01', closedTo: '2026-05-31', withoutTask: true, overdueTask: true,
      sources: ['promotion'], grades: ['3А', '5А'], deliveredFromT: '0.5', deliveredToT: '12.25',
    };
    const params = filterToSearchParams(filter, new URLSearchParams('view=list&funnel=scrap&tag=%23old'));
    expect(params.toString()).toBe(new URLSearchParams([
      ['view', 'list'], ['funnel', 'scrap'], ['stage', 'lead'], ['owner', 'me'], ['tags', '#a'], ['closedFrom', '2026-05-01'], ['closedTo', '2026-05-31'],
      ['withoutTask', 'true'], ['overdueTask', 'true'], ['source', 'promotion'], ['grade', '3А'], ['grade', '5А'],
      ['deliveredFromT', '0.5'], ['deliveredToT', '12.25'],
    ]).toString());
    expect(filterFromSearchParams(params)).toEqual(filter);
    expect(filterToQuery(filter)).toEqual({
      stage: ['lead'], owner: 'me', tags: ['#a'], closedFrom: '2026-05-01', closedTo: '2026-05-31', withoutTask: 'true', overdueTask: 'true',
      source: ['promotion'], grade: ['3А', '5А'], deliveredFromT: '0.5', deliveredToT: '12.25',
    });
    expect(filterFromQuery(filterToQuery(filter))).toEqual(filter);
    expect(filterFromSearchParams(new URLSearchParams('tag=%23old&withoutTask=yes&deliveredToT=-3'))).toEqual({ tags: ['#old'] });
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

  it('asks for each heading of the list on its own, with Moscow day boundaries', () => {
    // 23:30 Moscow on 10 May = 20:30 UTC: "tomorrow" starts at 21:00 UTC
    const now = new Date('2026-05-10T20:30:00Z');
    const byGroup = Object.fromEntries(taskGroupQueries({ who: 'mine', status: 'active', type: 'call', q: 'лом' }, 'u-1', now).map((g) => [g.group, g.query]));
    const common = { assigneeId: 'u-1', type: 'call', q: 'лом', sort: 'dueAt', direction: 'asc' };
    expect(byGroup.overdue).toEqual({ ...common, status: ['overdue'], from: undefined, to: undefined });
    expect(byGroup.today).toEqual({ ...common, status: ['open'], from: undefined, to: '2026-05-10T21:00:00.000Z' });
    expect(byGroup.tomorrow).toEqual({ ...common, status: ['open'], from: '2026-05-10T21:00:00.000Z', to: '2026-05-11T21:00:00.000Z' });
    expect(byGroup.later).toEqual({ ...common, status: ['open'], from: '2026-05-11T21:00:00.000Z', to: undefined });
    expect(byGroup.done).toBeNull(); // "Открытые" leaves the done ones out
  });

  it('lets the filter pick the headings and narrow their days', () => {
    const now = new Date('2026-05-10T09:00:00Z');
    const groups = (filter: Parameters<typeof taskGroupQueries>[0]) =>
      Object.fromEntries(taskGroupQueries(filter, 'u-1', now).map((g) => [g.group, g.query && { status: g.query.status, from: g.query.from, to: g.query.to }]));
    expect(groups({ who: 'all', status: 'done' })).toEqual({
      overdue: null, today: null, tomorrow: null, later: null, done: { status: ['done'], from: undefined, to: undefined },
    });
    expect(groups({ who: 'all', status: 'overdue' })).toMatchObject({ overdue: { status: ['overdue'] }, today: null, later: null, done: null });
    // only 11 May (tomorrow): today and later are empty ranges, so they are not asked for
    expect(groups({ who: 'all', status: 'all', from: '2026-05-11', to: '2026-05-11' })).toEqual({
      overdue: { status: ['overdue'], from: '2026-05-10T21:00:00.000Z', to: '2026-05-11T21:00:00.000Z' },
      today: null,
      tomorrow: { status: ['open'], from: '2026-05-10T21:00:00.000Z', to: '2026-05-11T21:00:00.000Z' },
      later: null,
      done: { status: ['done'], from: '2026-05-10T21:00:00.000Z', to: '2026-05-11T21:00:00.000Z' },
    });
    expect(taskGroupQueries({ who: 'all', status: 'done' }, 'u-1', now).find((g) => g.group === 'done')!.query)
      .toMatchObject({ sort: 'completedAt', direction: 'desc' });
  });
});
