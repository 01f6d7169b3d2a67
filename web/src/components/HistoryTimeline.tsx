import { useEffect, useRef } from 'react';
import { Timeline } from 'antd';
import { ru } from '../i18n/ru';
import type { Funnel, HistoryChange, UserRef } from '../api/types';
import { useQuery } from '@tanstack/react-query';
import { taskApi } from '../api/endpoints';
import { keys } from '../api/hooks';
import { formatDateTime } from '../lib/format';
import { historyLines, historyTypeLabel, historyValue as wordsOf, type HistoryWords } from '../lib/historyText';

export interface HistoryItem {
  at: string;
  actor: UserRef | null;
  type: string;
  changes: Record<string, HistoryChange>;
}

/** A value from the history in words (see lib/historyText.ts); kept for callers of the older signature. */
export function historyValue(field: string, value: unknown, funnels?: Funnel[], funnelCode?: string): string {
  return wordsOf(field, value, { funnels, funnelCode });
}

/** What changed in one entry: each field by its Russian name, the old value struck through → the new one. */
export function HistoryChanges({ changes, funnels, funnelCode, record }: {
  changes: Record<string, HistoryChange> | null | undefined;
  funnels?: Funnel[];
  funnelCode?: string;
  record?: HistoryWords['record'];
}) {
  const list = Object.keys(changes ?? {});
  // task type codes are named by the server's list (asked only when an entry names a type)
  const types = useQuery({ queryKey: keys.taskTypes, queryFn: taskApi.types, staleTime: 5 * 60_000, enabled: list.includes('type') });
  if (!list.length) return null;
  const lines = historyLines(changes, { funnels, funnelCode, taskTypes: types.data, record });
  return (
    <ul className="history-changes">
      {lines.map((line) => (
        <li key={line.field}>
          <span className="muted">{line.label}:</span>{' '}
          {line.from !== null && <><s className="muted">{line.from}</s> → </>}
          {line.to}
        </li>
      ))}
    </ul>
  );
}

/** Who, when, what changed — oldest first, newest at the bottom like a chat. */
export function HistoryTimeline({ items, funnels, funnelCode, loading, record }: { items: HistoryItem[]; funnels?: Funnel[]; funnelCode?: string; loading?: boolean; record?: HistoryWords['record'] }) {
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
                <strong>{historyTypeLabel(entry.type)}</strong>
                <span className="muted small"> · {formatDateTime(entry.at)} · {entry.actor?.name || entry.actor?.username || ru.history.system}</span>
              </div>
              <HistoryChanges changes={entry.changes} funnels={funnels} funnelCode={funnelCode} record={record} />
            </div>
          ),
        }))}
      />
      <div ref={end} />
    </div>
  );
}
