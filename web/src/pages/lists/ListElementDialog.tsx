import { useEffect, useRef, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { partyApi } from '../../api/endpoints';
import { ApiError, messageOf } from '../../api/http';
import type { CustomList, ListElement, ListField } from '../../api/types';
import { elementFormValues, elementPayload, isEmailText, isNumberText, type ElementFormValues } from '../../lib/customList';
import { useConfirmDiscard } from '../../components/common';
import { useIdempotencyKey } from '../../lib/idempotency';

function rulesFor(field: ListField): Rule[] {
  const rules: Rule[] = [];
  if (field.required) rules.push({ required: true, whitespace: field.type !== 'date' && field.type !== 'select', message: ru.lists.fieldRequired(field.name) });
  if (field.type === 'number') {
    rules.push({ validator: (_, v) => (!v || !String(v).trim() || isNumberText(String(v)) ? Promise.resolve() : Promise.reject(new Error(ru.lists.notANumber))) });
  }
  if (field.type === 'email') {
    rules.push({ validator: (_, v) => (!v || !String(v).trim() || isEmailText(String(v)) ? Promise.resolve() : Promise.reject(new Error(ru.lists.notAnEmail))) });
  }
  return rules;
}

/** What Form.Item hands its control (the value's type depends on the column). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Injected = { id?: string; value?: any; onChange?: (...args: any[]) => void };

/** The input a column's type asks for. */
function FieldInput({ field, ...props }: { field: ListField } & Injected) {
  const testId = `element-${field.code}`;
  switch (field.type) {
    case 'number':
      return <Input {...props} inputMode="decimal" maxLength={24} data-testid={testId} />;
    case 'date':
      return <DatePicker {...props} format="DD.MM.YYYY" style={{ width: '100%' }} data-testid={testId} />;
    case 'select':
      return (
        <Select
          {...props}
          allowClear
          placeholder={ru.lists.chooseOption}
          options={(field.options ?? []).map((o) => ({ value: o, label: o }))}
          data-testid={testId}
        />
      );
    case 'phone':
      return <Input {...props} type="tel" inputMode="tel" maxLength={40} data-testid={testId} />;
    case 'email':
      return <Input {...props} type="email" inputMode="email" maxLength={200} data-testid={testId} />;
    default:
      return <Input {...props} maxLength={2000} data-testid={testId} />;
  }
}

/**
 * A user-defined list's element, new or edited: a form made of the list's columns (text, number,
 * date, select, phone, e-mail); the server's refusals go to the fields they name.
 */
export function ListElementDialog({ list, element, open, onClose }: { list: CustomList; element: ListElement | null; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ElementFormValues>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const confirmDiscard = useConfirmDiscard();
  const { message } = App.useApp();
  const editing = !!element;
  // a new element: one key per opening, the same on a retry, so it is added once
  const idempotency = useIdempotencyKey(open && !editing);

  // fill the form once per opening: a refetch behind the dialog must not wipe what is being typed
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (!open) {
      filledFor.current = null;
      return;
    }
    const key = element ? `element:${element.id}` : 'new';
    if (filledFor.current === key) return;
    filledFor.current = key;
    setError(null);
    form.resetFields();
    form.setFieldsValue(elementFormValues(list.fields, element));
  }, [open, element, list.fields, form]);

  const save = useMutation({
    mutationFn: (values: ElementFormValues) => {
      const body = elementPayload(list.fields, values, editing);
      return element ? partyApi.updateElement(list.id, element.id, body) : partyApi.addElement(list.id, body, { idempotencyKey: idempotency.get() });
    },
    onSuccess: () => {
      idempotency.renew();
      void queryClient.invalidateQueries({ queryKey: ['list-elements', list.id] });
      message.success(ru.lists.elementSaved);
      onClose();
    },
    onError: (e) => {
      idempotency.failed(e);
      const codes = new Set(list.fields.map((f) => f.code));
      const named = e instanceof ApiError ? e.errors.filter((f) => codes.has(f.field)) : [];
      if (named.length) form.setFields(named.map((f) => ({ name: f.field, errors: [f.message] })));
      // a refusal the fields already say needs no second line above them
      setError(named.length ? null : messageOf(e));
    },
  });

  return (
    <Modal
      open={open}
      title={editing ? ru.lists.editElement : `${ru.lists.newElement}: ${list.name}`}
      okText={ru.app.save}
      cancelText={ru.app.cancel}
      onOk={() => form.submit()}
      onCancel={() => confirmDiscard(form.isFieldsTouched(), onClose)}
      confirmLoading={save.isPending}
      maskClosable={false}
      forceRender
    >
      {error && <Alert type="error" showIcon message={ru.lists.elementRefused} description={error} style={{ marginBottom: 12 }} data-testid="element-error" />}
      <Form<ElementFormValues>
        form={form}
        layout="vertical"
        onFinish={(values) => { setError(null); save.mutate(values); }}
        onKeyDown={(e) => {
          // Enter saves from a plain field (a picker or a list uses Enter itself)
          const target = e.target as HTMLElement;
          if (e.key === 'Enter' && target.tagName === 'INPUT' && !target.closest('.ant-select, .ant-picker')) {
            e.preventDefault();
            form.submit();
          }
        }}
        data-testid="element-form"
      >
        {list.fields.map((field) => (
          <Form.Item key={field.code} name={field.code} label={field.name} rules={rulesFor(field)}>
            <FieldInput field={field} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
