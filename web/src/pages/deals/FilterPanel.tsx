import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, DatePicker, Drawer, Form, Input, Modal, Popconfirm, Radio, Select, Space, Tag } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi } from '../../api/endpoints';
import { isAdmin, managesOthers } from '../../api/hooks';
import { ApiError, messageOf } from '../../api/http';
import type { Funnel, SavedFilter } from '../../api/types';
import { filterFromQuery, filterToQuery, tonnes, type DealFilter } from '../../lib/filters';
import { dayjs } from '../../lib/format';
import { DEFAULT_GRADES } from '../../lib/grades';
import { TagsSelect } from '../../components/TagsEditor';
import { UserSelect } from '../../components/UserSelect';
import { useCurrentUser } from '../../components/MeContext';
import { useIdempotencyKey } from '../../lib/idempotency';

type Range = [dayjs.Dayjs | null, dayjs.Dayjs | null] | undefined;

interface Values {
  q?: string;
  stages?: string[];
  owner?: string;
  tags?: string[];
  tagsMode?: 'any' | 'all';
  created?: Range;
  updated?: Range;
  closedAt?: Range;
  closed?: 'open' | 'closed' | 'all';
  tasks?: ('withoutTask' | 'overdueTask')[];
  sources?: string[];
  grades?: string[];
  deliveredFromT?: string;
  deliveredToT?: string;
}

/** The lead sources deal-service records on a deal (DealCreated.source). */
export const DEAL_SOURCES = ['manual', 'unsorted', 'promotion'] as const;

export const savedFiltersKey = ['deal-filters'] as const;

function toRange(from?: string, to?: string): Range {
  return from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
}

function fromRange(range: Range | undefined): [string | undefined, string | undefined] {
  return [range?.[0]?.format('YYYY-MM-DD'), range?.[1]?.format('YYYY-MM-DD')];
}

function toValues(value: DealFilter): Values {
  return {
    q: value.q, stages: value.stages, owner: value.owner ?? '', tags: value.tags, tagsMode: value.tagsMode ?? 'any',
    created: toRange(value.createdFrom, value.createdTo), updated: toRange(value.updatedFrom, value.updatedTo),
    closedAt: toRange(value.closedFrom, value.closedTo), closed: value.closed ?? 'open',
    tasks: [...(value.withoutTask ? ['withoutTask' as const] : []), ...(value.overdueTask ? ['overdueTask' as const] : [])],
    sources: value.sources, grades: value.grades,
    deliveredFromT: value.deliveredFromT?.replace('.', ','), deliveredToT: value.deliveredToT?.replace('.', ','),
  };
}

function fromValues(v: Values): DealFilter {
  const [createdFrom, createdTo] = fromRange(v.created);
  const [updatedFrom, updatedTo] = fromRange(v.updated);
  const [closedFrom, closedTo] = fromRange(v.closedAt);
  return {
    q: v.q?.trim() || undefined, stages: v.stages?.length ? v.stages : undefined, owner: v.owner || undefined,
    tags: v.tags?.length ? v.tags : undefined, tagsMode: v.tags?.length && v.tagsMode === 'all' ? 'all' : undefined,
    createdFrom, createdTo, updatedFrom, updatedTo, closedFrom, closedTo, closed: !v.closed || v.closed === 'open' ? undefined : v.closed,
    withoutTask: v.tasks?.includes('withoutTask') || undefined, overdueTask: v.tasks?.includes('overdueTask') || undefined,
    sources: v.sources?.length ? v.sources : undefined, grades: v.grades?.length ? v.grades : undefined,
    deliveredFromT: tonnes(v.deliveredFromT), deliveredToT: tonnes(v.deliveredToT),
  };
}

const sameFilter = (a: DealFilter, b: DealFilter) => JSON.stringify(filterToQuery(a)) === JSON.stringify(filterToQuery(b));

/**
 * The filter panel: saved filters on the left (own and the admins' shared ones), the conditions on the
 * right. The board and the list narrow by the same filter; "closed" and the closing days are the list's.
 */
export function FilterPanel({ open, onClose, value, onChange, funnel, board }: {
  open: boolean;
  onClose: () => void;
  value: DealFilter;
  onChange: (filter: DealFilter) => void;
  funnel: Funnel;
  board: boolean;
}) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState<DealFilter | null>(null);
  useEffect(() => {
    if (open) form.setFieldsValue(toValues(value));
  }, [open, value, form]);
  const f = ru.deals.filters;
  const apply = (v: Values) => {
    onChange(fromValues(v));
    onClose();
  };
  const startSaving = () => form.validateFields().then((v) => setSaving(fromValues(v))).catch(() => undefined);
  const tonnesRule = { validator: (_: unknown, raw?: string) => (!raw?.trim() || tonnes(raw) ? Promise.resolve() : Promise.reject(new Error(f.tonnesInvalid))) };
  const range = <DatePicker.RangePicker format="DD.MM.YYYY" allowEmpty={[true, true]} style={{ width: '100%' }} />;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={f.title}
      width="min(720px, 100vw)"
      destroyOnHidden={false}
      className="deal-filter-drawer"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'space-between' }} wrap>
          <Button onClick={() => { onChange({}); onClose(); }}>{f.reset}</Button>
          <Space>
            <Button icon={<SaveOutlined />} onClick={startSaving} data-testid="save-filter">{f.save}</Button>
            <Button type="primary" onClick={() => form.submit()} data-testid="apply-filter">{ru.app.apply}</Button>
          </Space>
        </Space>
      }
      data-testid="filter-panel"
    >
      <div style={{ display: 'flex', gap: 20, flexWrap: 'wrap' }}>
        <SavedFilters current={value} onApply={(filter) => { onChange(filter); onClose(); }} />
        <Form form={form} layout="vertical" onFinish={apply} style={{ flex: '1 1 300px', minWidth: 0 }}>
          <Form.Item name="q" label={f.text}>
            <Input placeholder={f.textPlaceholder} allowClear maxLength={200} />
          </Form.Item>
          <Form.Item name="stages" label={f.stage}>
            <Select mode="multiple" allowClear data-testid="filter-stages" options={funnel.stages.filter((s) => !board || s.kind === 'open').map((s) => ({ value: s.code, label: s.name }))} />
          </Form.Item>
          {managesOthers(me) ? (
            <Form.Item name="owner" label={f.owner}>
              <UserSelect allowClear placeholder={f.anyOwner} everyone />
            </Form.Item>
          ) : (
            <Form.Item name="owner" label={f.owner}>
              <Radio.Group optionType="button" options={[{ value: '', label: f.anyOwner }, { value: 'me', label: f.my }]} />
            </Form.Item>
          )}
          <Form.Item label={f.tags}>
            <Form.Item name="tags" noStyle>
              <TagsSelect style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="tagsMode" noStyle>
              <Radio.Group size="small" style={{ marginTop: 6 }} options={[{ value: 'any', label: f.tagsAny }, { value: 'all', label: f.tagsAll }]} />
            </Form.Item>
          </Form.Item>
          <Form.Item name="tasks" label={f.tasks}>
            <Checkbox.Group options={[{ value: 'withoutTask', label: f.withoutTask }, { value: 'overdueTask', label: f.overdueTask }]} />
          </Form.Item>
          <Form.Item name="created" label={f.created} data-testid="filter-created">{range}</Form.Item>
          <Form.Item name="updated" label={f.updated} data-testid="filter-updated">{range}</Form.Item>
          {!board && <Form.Item name="closedAt" label={f.closedAt} data-testid="filter-closed-at">{range}</Form.Item>}
          <Form.Item name="sources" label={f.source}>
            <Select mode="multiple" allowClear data-testid="filter-sources" options={DEAL_SOURCES.map((s) => ({ value: s, label: ru.card.sources[s] ?? s }))} />
          </Form.Item>
          <Form.Item name="grades" label={f.grade}>
            <Select mode="tags" allowClear placeholder={f.gradePlaceholder} data-testid="filter-grades" options={DEFAULT_GRADES.map((g) => ({ value: g, label: g }))} />
          </Form.Item>
          <Form.Item label={f.delivered} required={false} style={{ marginBottom: 0 }}>
            <Space.Compact style={{ width: '100%' }}>
              <Form.Item name="deliveredFromT" rules={[tonnesRule]} style={{ flex: 1 }}>
                <Input addonBefore={f.deliveredFrom} inputMode="decimal" allowClear maxLength={20} data-testid="filter-delivered-from" />
              </Form.Item>
              <Form.Item
                name="deliveredToT"
                dependencies={['deliveredFromT']}
                style={{ flex: 1 }}
                rules={[tonnesRule, ({ getFieldValue }) => ({
                  validator: (_: unknown, raw?: string) => {
                    const lo = tonnes(getFieldValue('deliveredFromT'));
                    const hi = tonnes(raw);
                    return lo && hi && Number(lo) > Number(hi) ? Promise.reject(new Error(f.tonnesOrder)) : Promise.resolve();
                  },
                })]}
              >
                <Input addonBefore={f.deliveredTo} inputMode="decimal" allowClear maxLength={20} data-testid="filter-delivered-to" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
          {!board && (
            <Form.Item name="closed" label={f.closed}>
              <Radio.Group optionType="button" options={[
                { value: 'open', label: f.closedOpen }, { value: 'closed', label: f.closedClosed }, { value: 'all', label: f.closedAll },
              ]} />
            </Form.Item>
          )}
        </Form>
      </div>
      <SaveFilterDialog
        filter={saving}
        onClose={() => setSaving(null)}
        onSaved={(filter) => { setSaving(null); onChange(filter); onClose(); }}
      />
    </Drawer>
  );
}

/** Own saved filters and the shared ones (marked «общий»); a click applies one in place of the current filter. */
function SavedFilters({ current, onApply }: { current: DealFilter; onApply: (filter: DealFilter) => void }) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const f = ru.deals.filters;
  const saved = useQuery({ queryKey: savedFiltersKey, queryFn: dealApi.savedFilters, staleTime: 60_000 });
  const remove = useMutation({
    mutationFn: (item: SavedFilter) => dealApi.removeFilter(item.id),
    onSuccess: () => {
      message.success(f.deletedOk);
      void queryClient.invalidateQueries({ queryKey: savedFiltersKey });
    },
    onError: (e) => message.error(messageOf(e), 8),
  });
  const canDelete = (item: SavedFilter) => item.mine || (item.shared && isAdmin(me));
  return (
    <nav style={{ flex: '0 0 200px', minWidth: 0 }} aria-label={f.savedTitle} data-testid="saved-filters">
      <div style={{ fontWeight: 600, marginBottom: 8 }}>{f.savedTitle}</div>
      {saved.isError && <Alert type="warning" showIcon message={f.savedFailed} />}
      {saved.data?.length === 0 && <div style={{ color: 'rgba(0,0,0,0.45)' }}>{f.savedEmpty}</div>}
      {saved.data?.map((item) => {
        const filter = filterFromQuery(item.query);
        const active = sameFilter(filter, current);
        return (
          <div key={item.id} style={{ display: 'flex', alignItems: 'center', gap: 4 }} data-testid="saved-filter">
            <Button type={active ? 'primary' : 'text'} ghost={active} size="small" style={{ flex: 1, minWidth: 0, justifyContent: 'flex-start', overflow: 'hidden' }}
              onClick={() => onApply(filter)} title={item.name}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{item.name}</span>
            </Button>
            {item.shared && <Tag style={{ marginInlineEnd: 0 }}>{f.shared}</Tag>}
            {canDelete(item) && (
              <Popconfirm title={f.deleteSavedConfirm(item.name)} okText={ru.app.delete} okButtonProps={{ danger: true }} cancelText={ru.app.cancel}
                onConfirm={() => remove.mutateAsync(item).catch(() => undefined)}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={f.deleteSaved} title={f.deleteSaved} data-testid="delete-saved-filter" />
              </Popconfirm>
            )}
          </div>
        );
      })}
    </nav>
  );
}

/** «Сохранить фильтр»: a name; an admin may make it available to everyone. The server's refusal goes to the name. */
function SaveFilterDialog({ filter, onClose, onSaved }: { filter: DealFilter | null; onClose: () => void; onSaved: (filter: DealFilter) => void }) {
  const me = useCurrentUser();
  const [form] = Form.useForm<{ name: string; shared?: boolean }>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const f = ru.deals.filters;
  const idempotency = useIdempotencyKey(!!filter);
  const save = useMutation({
    mutationFn: (v: { name: string; shared?: boolean }) =>
      dealApi.saveFilter({ name: v.name.trim(), query: filterToQuery(filter ?? {}), shared: !!v.shared && isAdmin(me) }, { idempotencyKey: idempotency.get() }),
    onSuccess: () => {
      idempotency.renew();
      message.success(f.savedOk);
      void queryClient.invalidateQueries({ queryKey: savedFiltersKey });
      form.resetFields();
      onSaved(filter ?? {});
    },
    onError: (e) => {
      idempotency.failed(e);
      if (e instanceof ApiError && (e.status === 400 || e.status === 409)) form.setFields([{ name: 'name', errors: [e.message] }]);
      else setError(messageOf(e));
    },
  });
  const empty = !!filter && Object.keys(filterToQuery(filter)).length === 0;
  return (
    <Modal open={!!filter} title={f.saveTitle} okText={ru.app.save} cancelText={ru.app.cancel} onOk={() => form.submit()} okButtonProps={{ disabled: empty }}
      onCancel={() => { form.resetFields(); setError(null); onClose(); }} confirmLoading={save.isPending} destroyOnHidden>
      {empty && <Alert type="info" showIcon message={f.saveEmpty} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="save-filter-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => { setError(null); if (!empty) save.mutate(v); }}>
        <Form.Item name="name" label={f.saveName} rules={[{ required: true, whitespace: true, message: f.saveNameRequired }, { max: 100, message: ru.lists.newList.tooLong(100) }]}>
          <Input maxLength={100} autoFocus data-testid="saved-filter-name" />
        </Form.Item>
        {isAdmin(me) && (
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox data-testid="saved-filter-shared">{f.saveShared}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
