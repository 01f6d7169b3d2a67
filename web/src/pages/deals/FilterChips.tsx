import { Button, Tag } from 'antd';
import { ru } from '../../i18n/ru';
import { useUsers } from '../../api/hooks';
import type { Funnel } from '../../api/types';
import type { DealFilter } from '../../lib/filters';
import { formatLocalDate, formatNumber } from '../../lib/format';

interface Chip {
  key: string;
  label: string;
  text: string;
  without: Partial<Record<keyof DealFilter, undefined>>;
}

const none = (...keys: (keyof DealFilter)[]) => Object.fromEntries(keys.map((k) => [k, undefined])) as Partial<Record<keyof DealFilter, undefined>>;

/** The active filter as removable chips under the header (the text search is in its own box). */
export function FilterChips({ filter, funnel, board, onChange }: { filter: DealFilter; funnel: Funnel; board: boolean; onChange: (filter: DealFilter) => void }) {
  const users = useUsers(!!filter.owner && filter.owner !== 'me');
  const f = ru.deals.filters;
  const days = (from?: string, to?: string) => f.dateRange(from ? formatLocalDate(from) : '', to ? formatLocalDate(to) : '');
  const chips: Chip[] = [];
  if (filter.stages?.length) {
    const names = filter.stages.map((code) => funnel.stages.find((s) => s.code === code)?.name ?? code);
    chips.push({ key: 'stages', label: f.stage, text: names.join(', '), without: none('stages') });
  }
  if (filter.owner) {
    const user = users.data?.find((u) => u.id === filter.owner);
    chips.push({ key: 'owner', label: f.owner, text: filter.owner === 'me' ? f.ownerMe : user?.name || user?.username || filter.owner, without: none('owner') });
  }
  if (filter.tags?.length) chips.push({ key: 'tags', label: f.tags, text: filter.tags.join(filter.tagsMode === 'all' ? ' + ' : ', '), without: none('tags', 'tagsMode') });
  if (filter.withoutTask) chips.push({ key: 'withoutTask', label: '', text: f.withoutTask, without: none('withoutTask') });
  if (filter.overdueTask) chips.push({ key: 'overdueTask', label: '', text: f.overdueTask, without: none('overdueTask') });
  if (filter.createdFrom || filter.createdTo) chips.push({ key: 'created', label: f.created, text: days(filter.createdFrom, filter.createdTo), without: none('createdFrom', 'createdTo') });
  if (filter.updatedFrom || filter.updatedTo) chips.push({ key: 'updated', label: f.updated, text: days(filter.updatedFrom, filter.updatedTo), without: none('updatedFrom', 'updatedTo') });
  if (filter.closedFrom || filter.closedTo) chips.push({ key: 'closedAt', label: f.closedAt, text: days(filter.closedFrom, filter.closedTo), without: none('closedFrom', 'closedTo') });
  if (filter.sources?.length) chips.push({ key: 'sources', label: f.source, text: filter.sources.map((s) => ru.card.sources[s] ?? s).join(', '), without: none('sources') });
  if (filter.grades?.length) chips.push({ key: 'grades', label: f.grade, text: filter.grades.join(', '), without: none('grades') });
  if (filter.deliveredFromT || filter.deliveredToT) {
    chips.push({
      key: 'delivered', label: f.deliveredChip,
      text: f.deliveredRange(filter.deliveredFromT ? formatNumber(filter.deliveredFromT, 6) : '', filter.deliveredToT ? formatNumber(filter.deliveredToT, 6) : ''),
      without: none('deliveredFromT', 'deliveredToT'),
    });
  }
  if (!board && filter.closed && filter.closed !== 'open') {
    chips.push({ key: 'closed', label: f.closed, text: filter.closed === 'all' ? f.closedAll : f.closedClosed, without: none('closed') });
  }
  if (!chips.length) return null;
  return (
    <div className="filter-chips" data-testid="filter-chips" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center', padding: '0 16px 8px' }}>
      {chips.map((chip) => {
        const label = chip.label ? f.chip(chip.label, chip.text) : chip.text;
        return (
          <Tag key={chip.key} closable color="blue" style={{ marginInlineEnd: 0 }} data-testid={`filter-chip-${chip.key}`}
            closeIcon={<span aria-label={f.chipRemove(label)} title={f.chipRemove(label)}>×</span>}
            onClose={(e) => { e.preventDefault(); onChange({ ...filter, ...chip.without }); }}>
            {label}
          </Tag>
        );
      })}
      <Button size="small" type="link" onClick={() => onChange({ q: filter.q })} data-testid="filter-chips-reset">{f.reset}</Button>
    </div>
  );
}
