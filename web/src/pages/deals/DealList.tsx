import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { CheckCircleTwoTone, ClockCircleOutlined, CloseCircleTwoTone, ExclamationCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, type BulkAction } from '../../api/endpoints';
import { funnelName, keys, managesOthers, stageName, useFunnels } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { BulkResult, DealItem, Funnel } from '../../api/types';
import { taskState, taskStateHint } from '../../lib/board';
import { SORTABLE_COLUMNS, visibleColumns, type ColumnSetting } from '../../lib/columns';
import { activeFilterCount, dealListQuery, type DealFilter } from '../../lib/filters';
import { countOf, formatDate, formatDateTime, formatNumber, formatTonnes } from '../../lib/format';
import { ErrorState, TagChips, UserName } from '../../components/common';
import { TagsSelect } from '../../components/TagsEditor';
import { UserSelect } from '../../components/UserSelect';
import { useCurrentUser } from '../../components/MeContext';

type Sort = { field: string; direction: 'asc' | 'desc' };
type BulkKind = BulkAction['action'];

/** Список: the user's columns, server sorting and paging, row selection with bulk actions. */
export function DealList({ funnel, filter, columns }: { funnel: Funnel; filter: DealFilter; columns: ColumnSetting[] }) {
  const me = useCurrentUser();
  const funnels = useFunnels();
  const [page, setPage] = useState(0);
  const [size, setSize] = useState(50);
  const [sort, setSort] = useState<Sort>({ field: 'updatedAt', direction: 'desc' });
  const [selected, setSelected] = useState<string[]>([]);
  const [bulk, setBulk] = useState<BulkKind | null>(null);
  const [results, setResults] = useState<{ results: BulkResult[]; titles: Record<string, string> } | null>(null);
  const query = dealListQuery(filter, me.id, funnel.code, page, size, sort);
  const list = useQuery({
    queryKey: [...keys.deals, query],
    queryFn: ({ signal }) => dealApi.list(query, signal),
    placeholderData: keepPreviousData,
  });

  // titles of every deal seen, so results name deals selected on other pages too
  const seen = useRef<Record<string, string>>({});
  for (const d of list.data?.items ?? []) seen.current[d.id] = d.title;

  const all: Record<string, TableColumnsType<DealItem>[number]> = {
    title: {
      key: 'title', title: ru.deals.columns.title, dataIndex: 'title', fixed: 'left', width: 260, ellipsis: true,
      render: (_, d) => <Link to={`/deals/${d.id}`}>{d.title}</Link>,
    },
    stage: { key: 'stage', title: ru.deals.columns.stage, width: 170, render: (_, d) => stageName(funnels.data, d.funnel, d.stage) },
    funnel: { key: 'funnel', title: ru.deals.columns.funnel, width: 150, render: (_, d) => funnelName(funnels.data, d.funnel) },
    company: {
      key: 'company', title: ru.deals.columns.company, width: 200, ellipsis: true,
      render: (_, d) => (d.company ? <Link to={`/companies/${d.company.id}`}>{d.company.name ?? ru.app.none}</Link> : <span className="muted">{ru.app.none}</span>),
    },
    contact: {
      key: 'contact', title: ru.deals.columns.contact, width: 180, ellipsis: true,
      render: (_, d) => (d.contact ? <Link to={`/contacts/${d.contact.id}`}>{d.contact.name ?? ru.app.none}</Link> : <span className="muted">{ru.app.none}</span>),
    },
    owner: { key: 'owner', title: ru.deals.columns.owner, width: 160, ellipsis: true, render: (_, d) => <UserName user={d.owner} /> },
    expectedVolumeT: { key: 'expectedVolumeT', title: ru.deals.columns.expectedVolumeT, width: 120, align: 'right', render: (_, d) => formatTonnes(d.expectedVolumeT) },
    tags: { key: 'tags', title: ru.deals.columns.tags, width: 220, render: (_, d) => <TagChips tags={d.tags} max={3} /> },
    deliveries: { key: 'deliveries', title: ru.deals.columns.deliveries, width: 100, align: 'right', render: (_, d) => formatNumber(d.deliveries) },
    task: { key: 'task', title: ru.deals.columns.task, width: 150, render: (_, d) => <TaskStateCell deal={d} /> },
    createdAt: { key: 'createdAt', title: ru.deals.columns.createdAt, width: 120, render: (_, d) => formatDate(d.createdAt) },
    updatedAt: { key: 'updatedAt', title: ru.deals.columns.updatedAt, width: 150, render: (_, d) => formatDateTime(d.updatedAt) },
  };
  const tableColumns = visibleColumns(columns).flatMap((key) => {
    const column = all[key];
    if (!column) return [];
    const sortField = SORTABLE_COLUMNS[key];
    return [{
      ...column,
      sorter: !!sortField,
      sortOrder: sortField && sort.field === sortField ? (sort.direction === 'asc' ? 'ascend' as const : 'descend' as const) : null,
    }];
  });

  if (list.isError && !list.data) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;

  return (
    <div className="deal-list" data-testid="deal-list">
      {selected.length > 0 && (
        <div className="bulk-bar" data-testid="bulk-bar">
          <span>{ru.app.selected(selected.length)}</span>
          <Button onClick={() => setBulk('move')}>{ru.deals.bulk.move}</Button>
          <Button onClick={() => setBulk('tag')}>{ru.deals.bulk.tag}</Button>
          <Button onClick={() => setBulk('untag')}>{ru.deals.bulk.untag}</Button>
          {managesOthers(me) && <Button onClick={() => setBulk('owner')}>{ru.deals.bulk.owner}</Button>}
          <Button type="link" onClick={() => setSelected([])}>{ru.deals.bulk.clear}</Button>
        </div>
      )}
      <Table<DealItem>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={tableColumns}
        scroll={{ x: 'max-content', y: 'calc(100vh - 230px)' }}
        locale={{ emptyText: activeFilterCount(filter) ? ru.deals.noDealsFiltered : ru.deals.noDeals }}
        rowSelection={{ selectedRowKeys: selected, onChange: (ids) => setSelected(ids as string[]), preserveSelectedRowKeys: true }}
        pagination={{
          current: page + 1,
          pageSize: size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total, [from, to]) => ru.app.range(from, to, formatNumber(total)),
          size: 'small',
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = s?.order ? SORTABLE_COLUMNS[String(s.columnKey)] : undefined;
            setSort(field ? { field, direction: s!.order === 'ascend' ? 'asc' : 'desc' } : { field: 'updatedAt', direction: 'desc' });
            setPage(0);
          } else {
            if ((pagination.pageSize ?? size) !== size) {
              setSize(pagination.pageSize ?? size);
              setPage(0);
            } else {
              setPage((pagination.current ?? 1) - 1);
            }
          }
        }}
      />
      <BulkDialog
        kind={bulk}
        funnel={funnel}
        ids={selected}
        onClose={() => setBulk(null)}
        onDone={(r) => {
          setBulk(null);
          setResults({ results: r, titles: { ...seen.current } });
          setSelected(r.filter((x) => !x.ok).map((x) => x.id));
        }}
      />
      <BulkResults value={results} onClose={() => setResults(null)} />
    </div>
  );
}

/** The «Задача» column: the board card's mark (red when overdue, amber when none), else the nearest deadline. */
function TaskStateCell({ deal }: { deal: DealItem }) {
  const state = taskState(deal);
  if (state === 'overdue') {
    return <Tooltip title={taskStateHint(deal, state)}><Tag color="error" icon={<ClockCircleOutlined />} data-testid="task-overdue">{ru.deals.taskOverdue}</Tag></Tooltip>;
  }
  if (state === 'none') {
    return <Tooltip title={taskStateHint(deal, state)}><Tag color="warning" icon={<ExclamationCircleOutlined />} data-testid="task-none">{ru.deals.noTask}</Tag></Tooltip>;
  }
  return state === 'ok' && deal.nearestTaskDue ? <span className="muted small">{ru.deals.taskDue(formatDateTime(deal.nearestTaskDue))}</span> : null;
}

function BulkDialog({ kind, funnel, ids, onClose, onDone }: {
  kind: BulkKind | null;
  funnel: Funnel;
  ids: string[];
  onClose: () => void;
  onDone: (results: BulkResult[]) => void;
}) {
  const [form] = Form.useForm<{ stage?: string; lossReason?: string; tags?: string[]; ownerId?: string }>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const stage = Form.useWatch('stage', form);
  const lostCode = funnel.stages.find((s) => s.kind === 'lost')?.code;
  const run = useMutation({
    mutationFn: (action: BulkAction) => dealApi.bulk(ids, action),
    onSuccess: (results) => {
      void queryClient.invalidateQueries({ queryKey: keys.deals });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
      form.resetFields();
      onDone(results);
    },
    onError: (e) => message.error(messageOf(e)),
  });
  const stageOptions = funnel.stages.filter((s) => s.kind === 'open' || funnel.closable).map((s) => ({ value: s.code, label: s.name }));
  const title = kind ? ru.deals.bulk[kind] : '';
  return (
    <Modal
      open={!!kind}
      title={`${title} — ${countOf(ids.length, ru.plural.deals)}`}
      okText={ru.deals.bulk.run}
      cancelText={ru.app.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      destroyOnHidden
      data-testid="bulk-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          if (kind === 'move') run.mutate({ action: 'move', stage: v.stage!, lossReason: v.stage === lostCode ? v.lossReason?.trim() : undefined });
          if (kind === 'tag') run.mutate({ action: 'tag', tags: v.tags! });
          if (kind === 'untag') run.mutate({ action: 'untag', tags: v.tags! });
          if (kind === 'owner') run.mutate({ action: 'owner', ownerId: v.ownerId! });
        }}
      >
        {kind === 'move' && (
          <>
            <Form.Item name="stage" label={ru.deals.bulk.stage} rules={[{ required: true, message: ru.deals.bulk.stage }]}>
              <Select options={stageOptions} autoFocus />
            </Form.Item>
            {stage && stage === lostCode && (
              <Form.Item name="lossReason" label={ru.deals.lossReason} rules={[{ required: true, whitespace: true, message: ru.deals.lossReasonRequired }]}>
                <Input.TextArea rows={2} maxLength={2000} placeholder={ru.deals.lossReasonPlaceholder} />
              </Form.Item>
            )}
          </>
        )}
        {(kind === 'tag' || kind === 'untag') && (
          <Form.Item name="tags" label={ru.deals.bulk.tags} rules={[{ required: true, type: 'array', min: 1, message: ru.deals.bulk.tags }]}>
            <TagsSelect />
          </Form.Item>
        )}
        {kind === 'owner' && (
          <Form.Item name="ownerId" label={ru.deals.bulk.ownerLabel} rules={[{ required: true, message: ru.deals.bulk.ownerLabel }]}>
            <UserSelect />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Each deal's own answer: a refused one does not hide the others' success. */
function BulkResults({ value, onClose }: { value: { results: BulkResult[]; titles: Record<string, string> } | null; onClose: () => void }) {
  if (!value) return null;
  const failed = value.results.filter((r) => !r.ok).length;
  const ok = value.results.length - failed;
  return (
    <Modal open title={ru.deals.bulk.resultTitle} onCancel={onClose} onOk={onClose} okText={ru.app.close} cancelButtonProps={{ style: { display: 'none' } }} data-testid="bulk-results">
      <Alert
        type={failed ? 'warning' : 'success'}
        showIcon
        message={failed ? ru.deals.bulk.someFailed(ok, failed) : ru.deals.bulk.allOk(ok)}
        style={{ marginBottom: 12 }}
      />
      <Table<BulkResult>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={value.results}
        scroll={{ y: 320 }}
        columns={[
          { key: 'state', width: 36, render: (_, r) => (r.ok ? <CheckCircleTwoTone twoToneColor="#22c55e" /> : <CloseCircleTwoTone twoToneColor="#ef4444" />) },
          { key: 'title', title: ru.deals.columns.title, render: (_, r) => <Link to={`/deals/${r.id}`}>{value.titles[r.id] ?? r.id}</Link> },
          {
            key: 'result', title: ru.deals.bulk.resultTitle,
            render: (_, r) => (r.ok ? ru.deals.bulk.okRow : <Tooltip title={r.error}><span className="error-text">{r.error ?? ru.deals.bulk.failedRow}</span></Tooltip>),
          },
        ]}
      />
      <Space />
    </Modal>
  );
}
