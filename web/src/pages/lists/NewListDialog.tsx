import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { partyApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import { ApiError, messageOf } from '../../api/http';
import type { CustomList, ListFieldType } from '../../api/types';
import { cleanOptions, LIST_LIMITS, listPayload, refusalPath, type ColumnDraft } from '../../lib/listDefinition';
import { useConfirmDiscard } from '../../components/common';
import { useIdempotencyKey } from '../../lib/idempotency';

const TYPES: ListFieldType[] = ['text', 'number', 'date', 'select', 'phone', 'email'];

interface Values {
  name?: string;
  fields?: ColumnDraft[];
}

const NEW_COLUMN: ColumnDraft = { name: '', type: 'text', required: false, options: [] };

/** «Создать список» (admin): the list's name and its columns — name, type, required, a select's options; reorderable. */
export function NewListDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (list: CustomList) => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const confirmDiscard = useConfirmDiscard();
  const { message } = App.useApp();
  const n = ru.lists.newList;
  const idempotency = useIdempotencyKey(open);
  const create = useMutation({
    mutationFn: (v: Values) => partyApi.createList(listPayload(v.name ?? '', v.fields ?? []), { idempotencyKey: idempotency.get() }),
    onSuccess: (list) => {
      idempotency.renew();
      queryClient.setQueryData<CustomList[]>(keys.customLists, (current) => [...(current ?? []).filter((l) => l.id !== list.id), list]);
      void queryClient.invalidateQueries({ queryKey: keys.customLists });
      message.success(n.created);
      form.resetFields();
      onClose();
      onCreated(list);
    },
    onError: (e) => {
      idempotency.failed(e);
      const placed: { name: (string | number)[]; errors: string[] }[] = [];
      const elsewhere: string[] = [];
      for (const problem of e instanceof ApiError ? e.errors : []) {
        const path = refusalPath(problem.field);
        if (path) placed.push({ name: path, errors: [problem.message] });
        else elsewhere.push(problem.message);
      }
      if (placed.length) form.setFields(placed as Parameters<typeof form.setFields>[0]);
      // what names no single field ("Колонка … указана дважды", "только администратор") goes above the form
      setError(elsewhere.length ? elsewhere.join(' ') : placed.length ? null : messageOf(e));
    },
  });
  const close = () => confirmDiscard(form.isFieldsTouched(), () => { form.resetFields(); setError(null); onClose(); });
  const columnName = (index: number) => ({
    validator: (_: unknown, raw?: string) => {
      const name = raw?.trim().toLowerCase();
      if (!name) return Promise.resolve();
      const names = (form.getFieldValue('fields') as ColumnDraft[] | undefined ?? []).map((c) => c?.name?.trim().toLowerCase());
      return names.some((other, i) => i !== index && other === name) ? Promise.reject(new Error(n.columnNameTaken)) : Promise.resolve();
    },
  });
  return (
    <Modal open={open} title={n.title} okText={ru.app.create} cancelText={ru.app.cancel} width={720}
      onOk={() => form.submit()} onCancel={close} confirmLoading={create.isPending} destroyOnHidden maskClosable={false}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="new-list-error" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ fields: [{ ...NEW_COLUMN, required: true }] }}
        onFinish={(v) => { setError(null); create.mutate(v); }}>
        <Form.Item name="name" label={n.name} rules={[
          { required: true, whitespace: true, message: n.nameRequired },
          { max: LIST_LIMITS.name, message: n.tooLong(LIST_LIMITS.name) },
        ]}>
          <Input maxLength={LIST_LIMITS.name} autoFocus data-testid="new-list-name" />
        </Form.Item>
        <div style={{ fontWeight: 600, marginBottom: 8 }}>{n.columns}</div>
        <Form.List name="fields" rules={[{ validator: (_, fields?: ColumnDraft[]) => (fields?.length ? Promise.resolve() : Promise.reject(new Error(n.noColumns))) }]}>
          {(items, { add, remove, move }, { errors }) => (
            <>
              {items.map((item, index) => (
                <div key={item.key} className="new-list-column" data-testid="new-list-column" role="group" aria-label={n.column(index + 1)}
                  style={{ border: '1px solid rgba(5,5,5,0.06)', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }}>
                  <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                    <Form.Item name={[item.name, 'name']} label={n.columnName} style={{ flex: '2 1 200px', marginBottom: 8 }} dependencies={items.filter((o) => o.key !== item.key).map((o) => ['fields', o.name, 'name'])}
                      rules={[{ required: true, whitespace: true, message: n.columnNameRequired }, { max: LIST_LIMITS.columnName, message: n.tooLong(LIST_LIMITS.columnName) }, columnName(index)]}>
                      <Input maxLength={LIST_LIMITS.columnName} data-testid="column-name" />
                    </Form.Item>
                    <Form.Item name={[item.name, 'type']} label={n.type} style={{ flex: '1 1 150px', marginBottom: 8 }}>
                      <Select data-testid="column-type" options={TYPES.map((t) => ({ value: t, label: n.types[t] }))} />
                    </Form.Item>
                    <Form.Item name={[item.name, 'required']} valuePropName="checked" label=" " style={{ marginBottom: 8 }}>
                      <Checkbox data-testid="column-required">{n.required}</Checkbox>
                    </Form.Item>
                    <Form.Item label=" " style={{ marginBottom: 8 }}>
                      <Space size={0}>
                        <Button type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={n.moveUp} title={n.moveUp} data-testid="column-up" />
                        <Button type="text" icon={<ArrowDownOutlined />} disabled={index === items.length - 1} onClick={() => move(index, index + 1)} aria-label={n.moveDown} title={n.moveDown} data-testid="column-down" />
                        <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(index)} aria-label={n.removeColumn} title={n.removeColumn} data-testid="column-remove" />
                      </Space>
                    </Form.Item>
                  </div>
                  <Form.Item noStyle shouldUpdate={(a: Values, b: Values) => a.fields?.[item.name]?.type !== b.fields?.[item.name]?.type}>
                    {({ getFieldValue }) => getFieldValue(['fields', item.name, 'type']) === 'select' && (
                      <Form.Item name={[item.name, 'options']} label={n.options} style={{ marginBottom: 8 }}
                        rules={[{
                          validator: (_, options?: string[]) => {
                            const clean = cleanOptions(options);
                            if (!clean.length) return Promise.reject(new Error(n.optionsRequired));
                            if (clean.length > LIST_LIMITS.options || clean.some((o) => o.length > LIST_LIMITS.option)) return Promise.reject(new Error(n.tooLong(LIST_LIMITS.option)));
                            return Promise.resolve();
                          },
                        }]}>
                        <Select mode="tags" suffixIcon={null} notFoundContent={null} tokenSeparators={[';']} placeholder={n.optionsPlaceholder} data-testid="column-options" />
                      </Form.Item>
                    )}
                  </Form.Item>
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ ...NEW_COLUMN })} disabled={items.length >= LIST_LIMITS.columns} data-testid="add-column" style={{ marginTop: 4 }}>
                {n.addColumn}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
