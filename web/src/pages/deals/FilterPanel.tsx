import { useEffect } from 'react';
import { Button, DatePicker, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { ru } from '../../i18n/ru';
import { managesOthers } from '../../api/hooks';
import type { Funnel } from '../../api/types';
import type { DealFilter } from '../../lib/filters';
import { dayjs } from '../../lib/format';
import { TagsSelect } from '../../components/TagsEditor';
import { UserSelect } from '../../components/UserSelect';
import { useCurrentUser } from '../../components/MeContext';

type Range = [dayjs.Dayjs | null, dayjs.Dayjs | null] | undefined;

interface Values {
  q?: string;
  stages?: string[];
  owner?: string;
  tags?: string[];
  tagsMode?: 'any' | 'all';
  created?: Range;
  updated?: Range;
  closed?: 'open' | 'closed' | 'all';
}

function toRange(from?: string, to?: string): Range {
  return from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
}

function fromRange(range: Range | undefined): [string | undefined, string | undefined] {
  return [range?.[0]?.format('YYYY-MM-DD'), range?.[1]?.format('YYYY-MM-DD')];
}

/** The filter panel: stage, owner, tags, dates, text. The board uses owner, tags and text. */
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
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        q: value.q, stages: value.stages, owner: value.owner ?? '', tags: value.tags, tagsMode: value.tagsMode ?? 'any',
        created: toRange(value.createdFrom, value.createdTo), updated: toRange(value.updatedFrom, value.updatedTo), closed: value.closed ?? 'open',
      });
    }
  }, [open, value, form]);
  const f = ru.deals.filters;
  const apply = (v: Values) => {
    const [createdFrom, createdTo] = fromRange(v.created);
    const [updatedFrom, updatedTo] = fromRange(v.updated);
    onChange({
      q: v.q?.trim() || undefined, stages: v.stages?.length ? v.stages : undefined, owner: v.owner || undefined,
      tags: v.tags?.length ? v.tags : undefined, tagsMode: v.tagsMode === 'all' ? 'all' : undefined,
      createdFrom, createdTo, updatedFrom, updatedTo, closed: v.closed === 'open' ? undefined : v.closed,
    });
    onClose();
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={f.title}
      width={380}
      destroyOnHidden={false}
      footer={
        <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Button onClick={() => { onChange({}); onClose(); }}>{f.reset}</Button>
          <Button type="primary" onClick={() => form.submit()}>{ru.app.apply}</Button>
        </Space>
      }
      data-testid="filter-panel"
    >
      <Form form={form} layout="vertical" onFinish={apply}>
        <Form.Item name="q" label={f.text}>
          <Input placeholder={f.textPlaceholder} allowClear maxLength={200} />
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
          {!board && (
            <Form.Item name="tagsMode" noStyle>
              <Radio.Group size="small" style={{ marginTop: 6 }} options={[{ value: 'any', label: f.tagsAny }, { value: 'all', label: f.tagsAll }]} />
            </Form.Item>
          )}
        </Form.Item>
        {!board && (
          <>
            <Form.Item name="stages" label={f.stage}>
              <Select mode="multiple" allowClear options={funnel.stages.map((s) => ({ value: s.code, label: s.name }))} />
            </Form.Item>
            <Form.Item name="created" label={f.created}>
              <DatePicker.RangePicker format="DD.MM.YYYY" allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="updated" label={f.updated}>
              <DatePicker.RangePicker format="DD.MM.YYYY" allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="closed" label={f.closed}>
              <Radio.Group optionType="button" options={[
                { value: 'open', label: f.closedOpen }, { value: 'closed', label: f.closedClosed }, { value: 'all', label: f.closedAll },
              ]} />
            </Form.Item>
          </>
        )}
      </Form>
    </Drawer>
  );
}
