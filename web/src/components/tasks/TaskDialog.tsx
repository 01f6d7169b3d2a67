import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Checkbox, Col, Collapse, DatePicker, Form, Input, Modal, Row, Select, Space } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi, taskApi, type NewTask } from '../../api/endpoints';
import { managesOthers, useTaskTypes } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { Task, TaskLink } from '../../api/types';
import { dayjs, formatDateTime, instantToPicked, pickedToInstant, pickedToLocalDate } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { fieldErrors, useConfirmDiscard, UserName } from '../common';
import { PartyPicker } from '../PartyPicker';
import { UserSelect } from '../UserSelect';
import { useCurrentUser } from '../MeContext';
import { HistoryTimeline } from '../HistoryTimeline';
import { CompleteTaskButton, useTaskInvalidation } from './TaskActions';
import { useIdempotencyKey } from '../../lib/idempotency';

type LinkType = 'none' | 'deal' | 'contact' | 'company';

interface Values {
  text: string;
  type?: string;
  due: dayjs.Dayjs;
  allDay: boolean;
  assigneeId?: string;
  linkType: LinkType;
  linkId?: string;
}

export interface TaskDefaults {
  link?: TaskLink | null;
  due?: dayjs.Dayjs; // a picker value (Moscow wall clock)
  allDay?: boolean;
  text?: string;
}

/** The next full hour of Moscow's clock, as a picker value (pickers show Moscow wall-clock time). */
function nextHourPicked(): dayjs.Dayjs {
  return instantToPicked(new Date())!.add(1, 'hour').minute(0).second(0).millisecond(0);
}

/** Where the task is linked: a deal, a contact, a company — or nothing. */
function DealPicker({ value, onChange, initialLabel }: { value?: string; onChange?: (v?: string) => void; initialLabel?: string }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useQuery({
    queryKey: ['deal-search', q],
    queryFn: ({ signal }) => dealApi.list({ q: q || undefined, size: 20, closed: false }, signal),
    staleTime: 10_000,
  });
  const options = (found.data?.items ?? []).map((d) => ({ value: d.id, label: d.title }));
  if (value && initialLabel && !options.some((o) => o.value === value)) options.unshift({ value, label: initialLabel });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      filterOption={false}
      onSearch={setSearch}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={found.isFetching}
      placeholder={ru.tasks.linkSearch}
      notFoundContent={found.isFetching ? ru.app.loading : ru.create.nothingFound}
    />
  );
}

/** Create or edit a task; in edit mode also complete, delete and see its history. */
export function TaskDialog({ open, task, defaults, onClose }: { open: boolean; task?: Task | null; defaults?: TaskDefaults; onClose: () => void }) {
  const me = useCurrentUser();
  const types = useTaskTypes();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const invalidate = useTaskInvalidation();
  const confirmDiscard = useConfirmDiscard();
  const { message, modal } = App.useApp();
  const editing = !!task;
  const card = useQuery({ queryKey: ['task', task?.id], queryFn: () => taskApi.card(task!.id), enabled: open && editing });
  const linkType = Form.useWatch('linkType', form);
  const allDay = Form.useWatch('allDay', form);
  // a new task: one key per opening, sent again on a retry so a double click makes one task
  const idempotency = useIdempotencyKey(open && !editing);

  // Fill the form once per opening: a parent re-rendering (a fresh `defaults` object, a refetch) or the task
  // types arriving late must never wipe what the person has already typed.
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!open) {
      filledFor.current = null;
      return;
    }
    const key = task ? `task:${task.id}` : 'new';
    if (filledFor.current === key) return;
    filledFor.current = key;
    setError(null);
    if (task) {
      form.setFieldsValue({
        text: task.text,
        type: task.type ?? undefined,
        allDay: task.allDay,
        due: task.allDay && task.dueDate ? dayjs(task.dueDate) : instantToPicked(task.dueAt) ?? nextHourPicked(),
        assigneeId: task.assignee?.id,
        linkType: (task.link?.type as LinkType) ?? 'none',
        linkId: task.link?.id,
      });
    } else {
      form.setFieldsValue({
        text: defaults?.text ?? '',
        type: types.data?.[0]?.code,
        allDay: defaults?.allDay ?? false,
        due: defaults?.due ?? nextHourPicked(),
        assigneeId: me.id,
        linkType: (defaults?.link?.type as LinkType) ?? 'none',
        linkId: defaults?.link?.id,
      });
    }
  }, [open, task, defaults, form, me.id, types.data]);

  const firstType = types.data?.[0]?.code;
  useEffect(() => {
    if (open && !task && firstType && !form.getFieldValue('type')) form.setFieldValue('type', firstType);
  }, [open, task, firstType, form]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const due = v.allDay ? { dueDate: pickedToLocalDate(v.due), dueAt: null } : { dueAt: pickedToInstant(v.due), dueDate: null };
      const link = v.linkType !== 'none' && v.linkId ? { type: v.linkType, id: v.linkId } : null;
      if (task) {
        const patch: Record<string, unknown> = { text: v.text.trim(), type: v.type, ...(v.allDay ? { dueDate: due.dueDate } : { dueAt: due.dueAt }), link };
        if (v.assigneeId && v.assigneeId !== task.assignee?.id) patch.assigneeId = v.assigneeId;
        return taskApi.update(task.id, patch, task.version);
      }
      const body: NewTask = { text: v.text.trim(), type: v.type, ...(v.allDay ? { dueDate: due.dueDate } : { dueAt: due.dueAt }), link };
      if (v.assigneeId && v.assigneeId !== me.id) body.assigneeId = v.assigneeId;
      return taskApi.create(body, { idempotencyKey: idempotency.get() });
    },
    onSuccess: () => {
      invalidate();
      message.success(task ? ru.tasks.saved : ru.tasks.created);
      idempotency.renew();
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      idempotency.failed(e);
      const fields = fieldErrors(e, ['text', 'type', 'dueAt', 'dueDate', 'assigneeId']).map((f) => ({
        ...f, name: f.name === 'dueAt' || f.name === 'dueDate' ? 'due' : f.name,
      }));
      if (fields.length) form.setFields(fields as never);
      setError(messageOf(e));
    },
  });

  const remove = useMutation({
    mutationFn: () => taskApi.remove(task!.id),
    onSuccess: () => {
      invalidate();
      message.success(ru.tasks.deleted);
      onClose();
    },
    onError: (e) => setError(messageOf(e)),
  });

  const close = () => confirmDiscard(form.isFieldsTouched(), () => {
    form.resetFields();
    onClose();
  });
  const done = task?.status === 'done';
  const linkName = task?.link?.name ?? defaults?.link?.name ?? undefined;

  return (
    <Modal
      open={open}
      title={editing ? ru.tasks.editTask : ru.tasks.newTask}
      onCancel={close}
      width={640}
      destroyOnHidden
      maskClosable={false}
      data-testid="task-dialog"
      footer={
        <Space style={{ display: 'flex', justifyContent: 'space-between', width: '100%' }}>
          <Space>
            {editing && (
              <Button
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending}
                onClick={() => modal.confirm({
                  title: ru.app.delete,
                  content: ru.tasks.deleteConfirm,
                  okText: ru.app.delete,
                  okButtonProps: { danger: true },
                  cancelText: ru.app.cancel,
                  onOk: () => remove.mutateAsync(),
                })}
              >
                {ru.app.delete}
              </Button>
            )}
            {editing && task && !done && <CompleteTaskButton task={task} size="middle" />}
          </Space>
          <Space>
            <Button onClick={close}>{ru.app.cancel}</Button>
            {!done && <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="task-save">{ru.app.save}</Button>}
          </Space>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {done && task && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }}
          message={`${ru.tasks.statuses.done}: ${formatDateTime(task.completedAt)} · ${task.completedBy?.name ?? ''}`}
          description={task.result ? `${ru.tasks.result}: ${task.result}` : undefined}
        />
      )}
      <Form<Values> form={form} layout="vertical" disabled={done} onFinish={(v) => { setError(null); save.mutate(v); }}>
        <Form.Item name="text" label={ru.tasks.text} rules={[{ required: true, whitespace: true, message: ru.tasks.textRequired }]}>
          <Input.TextArea autoFocus rows={2} maxLength={2000} data-testid="task-text" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="type" label={ru.tasks.type}>
              <Select options={(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))} loading={types.isPending} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={11}>
            <Form.Item name="due" label={ru.tasks.due} rules={[{ required: true, message: ru.tasks.dueRequired }]}>
              {allDay
                ? <DatePicker format="DD.MM.YYYY" style={{ width: '100%' }} allowClear={false} />
                : <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="DD.MM.YYYY HH:mm" style={{ width: '100%' }} allowClear={false} data-testid="task-due" />}
            </Form.Item>
          </Col>
          <Col xs={24} sm={5}>
            <Form.Item name="allDay" valuePropName="checked" label=" ">
              <Checkbox>{ru.tasks.allDay}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="assigneeId" label={ru.tasks.assignee}>
              {managesOthers(me) ? <UserSelect /> : <Select disabled options={[{ value: me.id, label: me.name }]} />}
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="linkType" label={ru.tasks.linkedTo}>
              <Select
                onChange={() => form.setFieldValue('linkId', undefined)}
                options={[
                  { value: 'none', label: ru.tasks.linkNone },
                  { value: 'deal', label: ru.tasks.linkTypes.deal },
                  { value: 'contact', label: ru.tasks.linkTypes.contact },
                  { value: 'company', label: ru.tasks.linkTypes.company },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            {linkType && linkType !== 'none' && (
              <Form.Item name="linkId" label={ru.tasks.linkTypes[linkType]} rules={[{ required: true, message: ru.tasks.linkSearch }]}>
                {linkType === 'deal' ? <DealPicker initialLabel={linkName} /> : <PartyPicker type={linkType} initialLabel={linkName} />}
              </Form.Item>
            )}
          </Col>
        </Row>
      </Form>
      {editing && task && (
        <>
          <p className="muted small">
            {ru.tasks.createdBy}: <UserName user={task.createdBy} /> · {formatDateTime(task.createdAt)}
            {task.link && (
              <> · <Link to={task.link.type === 'deal' ? `/deals/${task.link.id}` : `/${task.link.type === 'contact' ? 'contacts' : 'companies'}/${task.link.id}`}>
                {ru.tasks.linkTypes[task.link.type]}: {task.link.name ?? ru.app.open}
              </Link></>
            )}
          </p>
          <Collapse
            size="small"
            items={[{
              key: 'history',
              label: ru.tasks.history,
              children: (
                <HistoryTimeline
                  loading={card.isPending}
                  record={(id) => (id === task.link?.id ? task.link?.name ?? undefined : undefined)}
                  items={(card.data?.history ?? []).map((h) => ({ at: h.at, actor: h.actor, type: h.type, changes: h.changes ?? {} }))}
                />
              ),
            }]}
          />
        </>
      )}
    </Modal>
  );
}
