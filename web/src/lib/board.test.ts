import { describe, expect, it } from 'vitest';
import type { Board, DealItem, Funnel } from '../api/types';
import { appendPage, applyMove, checkMove, closingZones, findDeal, openStages, parseTargetId, replaceDeal, targetId, taskState, taskStateHint } from './board';

const scrap: Funnel = {
  code: 'scrap', name: 'ЛОМ', closable: true, position: 0,
  stages: [
    { code: 'lead', name: 'Лид', kind: 'open' },
    { code: 'qualified', name: 'Квалифицирован', kind: 'open' },
    { code: 'offer', name: 'Сделано предложение', kind: 'open' },
    { code: 'won', name: 'Успешно реализовано', kind: 'won' },
    { code: 'lost', name: 'Закрыто и не реализовано', kind: 'lost' },
  ],
};
const permanent: Funnel = {
  code: 'permanent', name: 'Постоянные клиенты (лом)', closable: false, position: 1,
  stages: [
    { code: 'handed_over', name: 'Передан', kind: 'open' },
    { code: 'delivering', name: 'Везёт', kind: 'open' },
    { code: 'not_delivering', name: 'Не везет', kind: 'open' },
  ],
};

function deal(id: string, stage: string, volume: number | null = null, extra: Partial<DealItem> = {}): DealItem {
  return {
    id, title: `Сделка ${id}`, funnel: 'scrap', stage, owner: { id: 'u1', username: 'manager1', name: 'Павел Первов' },
    contact: null, company: null, expectedVolumeT: volume, tags: [], deliveries: 0, hasOpenTask: true, closed: false,
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1, ...extra,
  };
}

function board(): Board {
  return {
    funnel: 'scrap', name: 'ЛОМ',
    stages: [
      { code: 'lead', name: 'Лид', kind: 'open', count: 3, volume: 15.5, deals: [deal('a', 'lead', 10), deal('b', 'lead', 5.5), deal('c', 'lead')] },
      { code: 'qualified', name: 'Квалифицирован', kind: 'open', count: 1, volume: 2, deals: [deal('d', 'qualified', 2)] },
      { code: 'offer', name: 'Сделано предложение', kind: 'open', count: 0, volume: 0, deals: [] },
      { code: 'won', name: 'Успешно реализовано', kind: 'won', count: 0, volume: 0, deals: [] },
      { code: 'lost', name: 'Закрыто и не реализовано', kind: 'lost', count: 4, volume: 0, deals: [] },
    ],
  };
}

describe('board columns and zones', () => {
  it('shows a column per open stage in funnel order', () => {
    expect(openStages(scrap).map((s) => s.code)).toEqual(['lead', 'qualified', 'offer']);
  });

  it('offers Успешно / Не реализовано only on a funnel that closes', () => {
    expect(closingZones(scrap)).toEqual([{ kind: 'won', stage: 'won' }, { kind: 'lost', stage: 'lost' }]);
    expect(closingZones(permanent)).toEqual([]);
  });
});

describe('move rules', () => {
  it('allows skipping stages (Лид → Сделано предложение)', () => {
    expect(checkMove(deal('a', 'lead'), { kind: 'stage', stage: 'offer' }, scrap)).toEqual({ ok: true, needsReason: false, confirm: false });
  });

  it('allows moving back', () => {
    expect(checkMove(deal('a', 'offer'), { kind: 'stage', stage: 'lead' }, scrap).ok).toBe(true);
  });

  it('asks the reason when closing as not realised and a confirmation when closing as won', () => {
    expect(checkMove(deal('a', 'lead'), { kind: 'lost', stage: 'lost' }, scrap)).toEqual({ ok: true, needsReason: true, confirm: false });
    expect(checkMove(deal('a', 'lead'), { kind: 'won', stage: 'won' }, scrap)).toEqual({ ok: true, needsReason: false, confirm: true });
  });

  it('ignores a drop on the same stage', () => {
    expect(checkMove(deal('a', 'lead'), { kind: 'stage', stage: 'lead' }, scrap)).toEqual({ ok: false, reason: 'same-stage' });
  });

  it('does not move a closed deal', () => {
    expect(checkMove(deal('a', 'lead', null, { closed: true }), { kind: 'stage', stage: 'offer' }, scrap)).toEqual({ ok: false, reason: 'closed' });
  });

  it('refuses an unknown stage and closing a permanent client', () => {
    expect(checkMove(deal('a', 'lead'), { kind: 'stage', stage: 'nowhere' }, scrap)).toEqual({ ok: false, reason: 'unknown-stage' });
    const withLost: Funnel = { ...permanent, stages: [...permanent.stages, { code: 'lost', name: 'x', kind: 'lost' }] };
    expect(checkMove(deal('a', 'delivering'), { kind: 'lost', stage: 'lost' }, withLost)).toEqual({ ok: false, reason: 'never-closes' });
  });
});

describe('optimistic move', () => {
  it('moves the card on top of the target column with counts and volumes', () => {
    const before = board();
    const after = applyMove(before, 'a', 'qualified');
    const lead = after.stages.find((s) => s.code === 'lead')!;
    const qualified = after.stages.find((s) => s.code === 'qualified')!;
    expect(lead.deals.map((d) => d.id)).toEqual(['b', 'c']);
    expect(lead.count).toBe(2);
    expect(lead.volume).toBe(5.5);
    expect(qualified.deals.map((d) => d.id)).toEqual(['a', 'd']);
    expect(qualified.deals[0]!.stage).toBe('qualified');
    expect(qualified.count).toBe(2);
    expect(qualified.volume).toBe(12);
  });

  it('leaves the previous board untouched, so a rollback is the old object', () => {
    const before = board();
    const snapshot = JSON.stringify(before);
    applyMove(before, 'a', 'offer');
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('takes a closed deal off the board but counts it in the closing stage', () => {
    const after = applyMove(board(), 'b', 'lost');
    expect(findDeal(after, 'b')).toBeUndefined();
    expect(after.stages.find((s) => s.code === 'lost')!.count).toBe(5);
    expect(after.stages.find((s) => s.code === 'lead')!.volume).toBe(10);
  });

  it('handles a deal without a volume and keeps sums free of float noise', () => {
    let b = applyMove(board(), 'c', 'offer');
    expect(b.stages.find((s) => s.code === 'offer')!.volume).toBe(0);
    b = { ...b, stages: b.stages.map((s) => (s.code === 'offer' ? { ...s, deals: [deal('x', 'offer', 0.1)], volume: 0.1, count: 1 } : s)) };
    b = applyMove(b, 'x', 'qualified');
    expect(b.stages.find((s) => s.code === 'qualified')!.volume).toBe(2.1);
  });

  it('is a no-op for an unknown deal or the same stage', () => {
    const b = board();
    expect(applyMove(b, 'zzz', 'offer')).toBe(b);
    expect(applyMove(b, 'a', 'lead')).toBe(b);
  });

  it('replaces a deal with the server answer and appends pages without duplicates', () => {
    const b = replaceDeal(board(), deal('a', 'lead', 10, { title: 'Новое имя', tags: ['#долгая оплата'] }));
    expect(findDeal(b, 'a')!.title).toBe('Новое имя');
    const more = appendPage(b, 'lead', [deal('c', 'lead'), deal('e', 'lead')]);
    expect(more.stages.find((s) => s.code === 'lead')!.deals.map((d) => d.id)).toEqual(['a', 'b', 'c', 'e']);
  });
});

describe('card task state and drop ids', () => {
  it('flags a deal with no open task (services without the new fields still give ok / none)', () => {
    expect(taskState({ hasOpenTask: false, closed: false })).toBe('none');
    expect(taskState({ hasOpenTask: true, closed: false })).toBe('ok');
    expect(taskState({ hasOpenTask: null, closed: false })).toBe('unknown');
    expect(taskState({ hasOpenTask: false, closed: true })).toBe('ok');
    expect(taskState({ hasOpenTask: true, closed: false, taskOverdue: null, nearestTaskDue: null })).toBe('ok');
  });

  const now = Date.parse('2026-03-02T09:00:00Z');

  it('marks a deal whose nearest open task is overdue', () => {
    expect(taskState({ hasOpenTask: true, closed: false, taskOverdue: true, nearestTaskDue: '2026-03-02T07:00:00Z' }, now)).toBe('overdue');
    expect(taskState({ hasOpenTask: true, closed: false, taskOverdue: false, nearestTaskDue: '2026-03-02T10:00:00Z' }, now)).toBe('ok');
    // the server said "not yet" when the board was loaded, but the deadline has passed since
    expect(taskState({ hasOpenTask: true, closed: false, taskOverdue: false, nearestTaskDue: '2026-03-02T08:59:00Z' }, now)).toBe('overdue');
  });

  it('never marks a closed deal or one without tasks as overdue', () => {
    expect(taskState({ hasOpenTask: true, closed: true, taskOverdue: true, nearestTaskDue: '2026-03-01T07:00:00Z' }, now)).toBe('ok');
    expect(taskState({ hasOpenTask: false, closed: false, taskOverdue: false, nearestTaskDue: null }, now)).toBe('none');
  });

  it('says when the overdue task was due, in Moscow time', () => {
    const overdue = { hasOpenTask: true, closed: false, taskOverdue: true, nearestTaskDue: '2026-03-02T07:00:00Z' };
    expect(taskStateHint(overdue, taskState(overdue, now))).toBe('Просрочена задача: срок 02.03.2026 10:00');
    expect(taskStateHint({ hasOpenTask: true, closed: false, taskOverdue: true, nearestTaskDue: null }, 'overdue')).toBe('Просрочена задача');
    expect(taskStateHint({ hasOpenTask: false, closed: false }, 'none')).toBe('У сделки нет открытой задачи: поставьте задачу');
    expect(taskStateHint({ hasOpenTask: true, closed: false }, 'ok')).toBe('');
  });

  it('round-trips drop target ids', () => {
    expect(parseTargetId(targetId({ kind: 'stage', stage: 'first_delivery' }))).toEqual({ kind: 'stage', stage: 'first_delivery' });
    expect(parseTargetId('lost:lost')).toEqual({ kind: 'lost', stage: 'lost' });
    expect(parseTargetId('deal:123')).toBeNull();
    expect(parseTargetId(null)).toBeNull();
  });
});
