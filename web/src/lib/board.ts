import type { Board, BoardStage, DealItem, Funnel, Stage } from '../api/types';
import { ru } from '../i18n/ru';
import { formatDateTime } from './format';

/** Where a card may be dropped: an open stage (a column) or a closing zone (won / lost). */
export type DropTarget = { kind: 'stage'; stage: string } | { kind: 'won'; stage: string } | { kind: 'lost'; stage: string };

export type MoveCheck =
  | { ok: true; needsReason: boolean; confirm: boolean }
  | { ok: false; reason: 'same-stage' | 'closed' | 'unknown-stage' | 'never-closes' };

/** The columns of the board: the open stages, in the funnel's order. */
export function openStages(funnel: Pick<Funnel, 'stages'>): Stage[] {
  return funnel.stages.filter((s) => s.kind === 'open');
}

/** The closing drop zones shown while dragging: only for funnels that close (ЛОМ), never for Постоянные клиенты. */
export function closingZones(funnel: Pick<Funnel, 'stages' | 'closable'>): DropTarget[] {
  if (!funnel.closable) return [];
  return funnel.stages
    .filter((s) => s.kind === 'won' || s.kind === 'lost')
    .map((s) => ({ kind: s.kind as 'won' | 'lost', stage: s.code }));
}

/**
 * Whether a deal may go to a target, judged before asking the server (the server decides in
 * the end): any open stage may be chosen, skipping allowed (rule 4); closing as lost needs a
 * reason; a closed deal stays; a funnel that never closes has no closing stages.
 */
export function checkMove(deal: Pick<DealItem, 'stage' | 'closed'>, target: DropTarget, funnel: Pick<Funnel, 'stages' | 'closable'>): MoveCheck {
  if (deal.closed) return { ok: false, reason: 'closed' };
  const stage = funnel.stages.find((s) => s.code === target.stage);
  if (!stage) return { ok: false, reason: 'unknown-stage' };
  if (stage.kind !== 'open' && !funnel.closable) return { ok: false, reason: 'never-closes' };
  if (stage.code === deal.stage) return { ok: false, reason: 'same-stage' };
  return { ok: true, needsReason: stage.kind === 'lost', confirm: stage.kind === 'won' };
}

function volumeOf(deal: DealItem): number {
  return deal.expectedVolumeT === null || deal.expectedVolumeT === undefined ? 0 : Number(deal.expectedVolumeT);
}

/** Rounds away float noise from volume sums (tonnes have at most 3 decimals). */
function tonnes(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * The board as it will look after the move, applied at once (optimistic): the card leaves its
 * column and goes on top of the target column (a closing stage has no column: it leaves the
 * board); counts and volumes follow. The previous board is kept by the caller for rollback.
 */
export function applyMove(board: Board, dealId: string, toStage: string): Board {
  let moving: DealItem | undefined;
  for (const stage of board.stages) {
    moving = stage.deals.find((d) => d.id === dealId);
    if (moving) break;
  }
  if (!moving || moving.stage === toStage) return board;
  const from = moving.stage;
  const target = board.stages.find((s) => s.code === toStage);
  const closing = !target || target.kind !== 'open';
  const moved: DealItem = { ...moving, stage: toStage, closed: closing ? true : moving.closed, updatedAt: new Date().toISOString() };
  const volume = volumeOf(moving);
  const stages: BoardStage[] = board.stages.map((stage) => {
    if (stage.code === from) {
      return {
        ...stage,
        count: Math.max(0, stage.count - 1),
        volume: tonnes(Math.max(0, Number(stage.volume) - volume)),
        deals: stage.deals.filter((d) => d.id !== dealId),
      };
    }
    if (stage.code === toStage) {
      return {
        ...stage,
        count: stage.count + 1,
        volume: tonnes(Number(stage.volume) + volume),
        deals: stage.kind === 'open' ? [moved, ...stage.deals] : stage.deals,
      };
    }
    return stage;
  });
  return { ...board, stages };
}

/** Puts the server's answer for one deal into the board (after a confirmed move or edit). */
export function replaceDeal(board: Board, deal: DealItem): Board {
  return {
    ...board,
    stages: board.stages.map((stage) =>
      stage.deals.some((d) => d.id === deal.id) ? { ...stage, deals: stage.deals.map((d) => (d.id === deal.id ? { ...d, ...deal } : d)) } : stage,
    ),
  };
}

/** Adds a page of cards loaded with "Ещё" to a column, without duplicates. */
export function appendPage(board: Board, stageCode: string, more: DealItem[]): Board {
  return {
    ...board,
    stages: board.stages.map((stage) => {
      if (stage.code !== stageCode) return stage;
      const known = new Set(stage.deals.map((d) => d.id));
      return { ...stage, deals: [...stage.deals, ...more.filter((d) => !known.has(d.id))] };
    }),
  };
}

/** The deal on the board, wherever it stands. */
export function findDeal(board: Board | undefined, dealId: string): DealItem | undefined {
  if (!board) return undefined;
  for (const stage of board.stages) {
    const deal = stage.deals.find((d) => d.id === dealId);
    if (deal) return deal;
  }
  return undefined;
}

export type TaskState = 'ok' | 'none' | 'overdue' | 'unknown';

type TaskFlags = Pick<DealItem, 'hasOpenTask' | 'closed' | 'taskOverdue' | 'nearestTaskDue'>;

/**
 * The task state a card shows (rule 3 made visible): "none" — an open deal with no open task;
 * "overdue" — the nearest open task's deadline has passed (the server's word, or its deadline
 * passed since the board was loaded); services that do not send the new fields give ok/none.
 */
export function taskState(deal: TaskFlags, now: number = Date.now()): TaskState {
  if (deal.closed) return 'ok';
  if (deal.hasOpenTask === false) return 'none';
  if (deal.taskOverdue === true) return 'overdue';
  if (deal.hasOpenTask === true) {
    const due = deal.nearestTaskDue ? Date.parse(deal.nearestTaskDue) : NaN;
    return !Number.isNaN(due) && due < now ? 'overdue' : 'ok';
  }
  return 'unknown';
}

/** The words of the mark (its tooltip): the overdue task's deadline in Moscow time, or the no-task hint. */
export function taskStateHint(deal: TaskFlags, state: TaskState = taskState(deal)): string {
  if (state === 'overdue') return ru.deals.taskOverdueHint(formatDateTime(deal.nearestTaskDue));
  if (state === 'none') return ru.deals.noTaskHint;
  return '';
}

/** Drop target ids used by the drag-and-drop layer: "stage:lead", "won:won", "lost:lost". */
export function targetId(target: DropTarget): string {
  return `${target.kind}:${target.stage}`;
}

export function parseTargetId(id: string | number | null | undefined): DropTarget | null {
  if (typeof id !== 'string') return null;
  const [kind, ...rest] = id.split(':');
  const stage = rest.join(':');
  if (!stage) return null;
  if (kind === 'stage' || kind === 'won' || kind === 'lost') return { kind, stage };
  return null;
}
