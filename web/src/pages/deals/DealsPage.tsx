import { useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Badge, Button, Input, Segmented, Select, Space, Tooltip, type InputRef } from 'antd';
import { FilterOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi } from '../../api/endpoints';
import { hasSection, keys, useFunnels } from '../../api/hooks';
import { ErrorState, Loading, PageHeader } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { activeFilterCount, filterFromSearchParams, filterToSearchParams, type DealFilter } from '../../lib/filters';
import { loadColumns, saveColumns, type ColumnSetting } from '../../lib/columns';
import { loadPref, savePref } from '../../lib/storage';
import { useDebounced } from '../../lib/useDebounced';
import { useSearchShortcut } from '../../lib/useSearchShortcut';
import { DealBoard } from './DealBoard';
import { DealList } from './DealList';
import { UnsortedInbox } from './UnsortedInbox';
import { CreateDealDialog } from './CreateDealDialog';
import { FilterPanel } from './FilterPanel';
import { FilterChips } from './FilterChips';
import { ColumnsDialog } from './ColumnsDialog';

type View = 'board' | 'list' | 'unsorted';

export default function DealsPage() {
  const me = useCurrentUser();
  const funnels = useFunnels();
  const [params, setParams] = useSearchParams();
  const unsortedAllowed = hasSection(me, 'unsorted');
  const requested = params.get('view');
  const view: View = requested === 'list' ? 'list' : requested === 'unsorted' && unsortedAllowed ? 'unsorted' : 'board';
  const filter = useMemo(() => filterFromSearchParams(params), [params]);
  const [funnelCode, setFunnelCode] = useState<string | null>(() => params.get('funnel') ?? loadPref(me.id, 'funnel'));
  const [filterOpen, setFilterOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [columns, setColumns] = useState<ColumnSetting[]>(() => loadColumns(window.localStorage, me.id));
  const [search, setSearch] = useState(filter.q ?? '');
  const debounced = useDebounced(search, 350);
  const searchRef = useRef<InputRef>(null);
  const pending = useQuery({
    queryKey: [...keys.unsorted, 'count'],
    queryFn: () => dealApi.unsorted('pending').then((r) => r.pending),
    enabled: unsortedAllowed,
  });

  const setFilter = (next: DealFilter) => {
    setParams((current) => filterToSearchParams(next, new URLSearchParams(current)), { replace: true });
    setSearch(next.q ?? '');
  };

  useEffect(() => {
    if ((debounced.trim() || undefined) !== filter.q) setFilter({ ...filter, q: debounced.trim() || undefined });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps

  useSearchShortcut(searchRef);

  if (funnels.isPending) return <Loading />;
  if (funnels.isError) return <ErrorState error={funnels.error} onRetry={() => funnels.refetch()} />;

  const funnel = funnels.data.find((f) => f.code === funnelCode) ?? funnels.data[0];
  if (!funnel) return <ErrorState error={new Error(ru.errors.loadFailed)} />;

  const chooseFunnel = (code: string) => {
    setFunnelCode(code);
    savePref(me.id, 'funnel', code);
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.delete('funnel');
      next.delete('stage');
      return next;
    }, { replace: true });
  };
  const setView = (next: View) => setParams((current) => {
    const p = new URLSearchParams(current);
    if (next === 'board') p.delete('view');
    else p.set('view', next);
    return p;
  });
  const count = activeFilterCount({ ...filter, q: undefined });

  return (
    <div className="page deals-page">
      <PageHeader
        left={
          <Select
            value={funnel.code}
            onChange={chooseFunnel}
            options={funnels.data.map((f) => ({ value: f.code, label: f.name }))}
            variant="borderless"
            className="funnel-select"
            popupMatchSelectWidth={false}
            aria-label={ru.deals.funnel}
            data-testid="funnel-select"
          />
        }
        middle={
          view !== 'unsorted' && (
            <Space.Compact className="search-box">
              <Input
                ref={searchRef}
                allowClear
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                placeholder={ru.deals.searchPlaceholder}
                aria-label={ru.deals.searchPlaceholder}
                maxLength={200}
              />
              <Tooltip title={ru.deals.filter}>
                <Badge count={count} size="small">
                  <Button icon={<FilterOutlined />} onClick={() => setFilterOpen(true)} aria-label={ru.deals.filter} data-testid="open-filter" />
                </Badge>
              </Tooltip>
            </Space.Compact>
          )
        }
        right={
          <Space>
            {view === 'list' && (
              <Button icon={<SettingOutlined />} onClick={() => setColumnsOpen(true)} aria-label={ru.deals.configureColumns} title={ru.deals.configureColumns}>
                <span className="btn-label">{ru.deals.configureColumns}</span>
              </Button>
            )}
            <Segmented<View>
              value={view}
              onChange={setView}
              options={[
                { value: 'board', label: ru.deals.viewBoard },
                { value: 'list', label: ru.deals.viewList },
                ...(unsortedAllowed ? [{ value: 'unsorted' as View, label: <Badge count={pending.data ?? 0} size="small" offset={[8, -2]}>{ru.deals.viewUnsorted}</Badge> }] : []),
              ]}
              data-testid="deals-view"
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} aria-label={ru.deals.newDeal} title={ru.deals.newDeal} data-testid="new-deal">
              <span className="btn-label">{ru.deals.newDeal}</span>
            </Button>
          </Space>
        }
      />
      {view !== 'unsorted' && <FilterChips filter={filter} funnel={funnel} board={view === 'board'} onChange={setFilter} />}
      <div className="page-body">
        {view === 'board' && <DealBoard funnel={funnel} filter={filter} />}
        {view === 'list' && <DealList funnel={funnel} filter={filter} columns={columns} />}
        {view === 'unsorted' && <UnsortedInbox />}
      </div>
      <FilterPanel open={filterOpen} onClose={() => setFilterOpen(false)} value={filter} onChange={setFilter} funnel={funnel} board={view === 'board'} />
      <CreateDealDialog open={creating} funnel={funnel} onClose={() => setCreating(false)} />
      <ColumnsDialog
        open={columnsOpen}
        value={columns}
        onClose={() => setColumnsOpen(false)}
        onSave={(next) => {
          setColumns(next);
          saveColumns(window.localStorage, me.id, next);
          setColumnsOpen(false);
        }}
      />
    </div>
  );
}
