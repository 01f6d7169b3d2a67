import { useEffect, useRef } from 'react';
import { Timeline } from 'antd';
import { ru } from '../i18n/ru';
import type { Funnel, HistoryChange, UserRef } from '../api/types';
import { formatDateTime, formatLocalDate, formatMoney, formatNumber } from '../lib/format';
import { formatPhone } from '../lib/phone';

export interface HistoryItem {
  at: string;
  actor: UserRef | null;
  type: string;
  changes: Record<string, HistoryChange>;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A value from the history in words: stage codes as names, people by name, dates as dd.MM.yyyy. */
export function historyValue(field: string, value: unknown, funnels?: Funnel[], funnelCode?: string): string {
  if (value === null || value === undefined || value === '') return ru.history.empty;
  if (Array.isArray(value)) return value.length ? value.map((v) => historyValue(field, v, funnels, funnelCode)).join(', ') : ru.history.empty;
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('name' in o || 'username' in o) return String(o.name ?? o.username ?? ru.history.empty);
    return Object.entries(o)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => `${ru.history.fields[k] ?? ru.card.q[k as keyof typeof ru.card.q] ?? k}: ${historyValue(k, v, funnels, funnelCode)}`)
      .join('; ') || ru.history.empty;
  }
  if (typeof value === 'string') {
    if (field === 'stage' || field === 'from' || field === 'to') {
      for (const f of funnels ?? []) {
        if (funnelCode && f.code !== funnelCode) continue;
        const s = f.stages.find((st) => st.code === value);
        if (s) return s.name;
      }
    }
    if (field === 'funnel') return funnels?.find((f) => f.code === value)?.name ?? value;
    if (field === 'source') return ru.card.sources[value] ?? value;
    if (field === 'status') return ru.tasks.statuses[value] ?? value;
    if (field === 'delivery') return value === 'own' ? ru.card.q.deliveryOwn : value === 'pickup' ? ru.card.q.deliveryPickup : value;
    if (field === 'outcome') return value === 'won' ? ru.deals.closedWon : value === 'lost' ? ru.deals.closedLost : value;
    if (field.toLowerCase().includes('phone') && value.startsWith('+')) return formatPhone(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    if (ISO_DAY.test(value)) return formatLocalDate(value);
    return value;
  }
  if (typeof value === 'number') {
    if (field === 'amount' || field === 'pricePerTonne') return formatMoney(value);
    return formatNumber(value);
  }
  if (typeof value === 'boolean') return value ? ru.app.yes : ru.app.no;
  return String(value);
}

/** What changed in one entry: each field, the old value struck through → the new one. */
export function HistoryChanges({ changes, funnels, funnelCode }: { changes: Record<string, HistoryChange> | null | undefined; funnels?: Funnel[]; funnelCode?: string }) {
  const list = Object.entries(changes ?? {});
  if (!list.length) return null;
  return (
    <ul className="history-changes">
      {list.map(([field, change]) => (
        <li key={field}>
          <span className="muted">{ru.history.fields[field] ?? field}:</span>{' '}
          {change.from !== null && change.from !== undefined && change.from !== '' && (
            <><s className="muted">{historyValue(field, change.from, funnels, funnelCode)}</s> → </>
          )}
          {historyValue(field, change.to, funnels, funnelCode)}
        </li>
      ))}
    </ul>
  );
}

/** Who, when, what changed — oldest first, newest at the bottom like a chat. */
export function HistoryTimeline({ items, funnels, funnelCode, loading }: { items: HistoryItem[]; funnels?: Funnel[]; funnelCode?: string; loading?: boolean }) {
  const end = useRef<HTMLDivElement>(null);
  const ordered = [...items].sort((a, b) => a.at.localeCompare(b.at));
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'nearest' });
  }, [ordered.length]);
  if (!loading && !items.length) return <p className="muted">{ru.card.historyEmpty}</p>;
  return (
    <div className="history" data-testid="history">
      <Timeline
        pending={loading ? ru.app.loading : false}
        items={ordered.map((entry, i) => ({
          key: `${entry.at}-${i}`,
          children: (
            <div className="history-entry">
              <div className="history-head">
                <strong>{ru.history.types[entry.type] ?? entry.type}</strong>
                <span className="muted small"> · {formatDateTime(entry.at)} · {entry.actor?.name || entry.actor?.username || ru.history.system}</span>
              </div>
              <HistoryChanges changes={entry.changes} funnels={funnels} funnelCode={funnelCode} />
            </div>
          ),
        }))}
      />
      <div ref={end} />
    </div>
  );
}
