import { useEffect } from 'react';
import { App, Col, Divider, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import { ApiError, messageOf } from '../../api/http';
import type { DealCard } from '../../api/types';
import { DEFAULT_GRADES } from '../../lib/grades';
import { RU_NUMBER_INPUT } from '../../lib/format';
import { fieldErrors, UnsavedBar, useUnsavedChangesGuard } from '../../components/common';

interface Values {
  title: string;
  expectedMonthlyVolumeT: number | null;
  metalGrades: string[];
  priceTerms: string;
  address: string;
  notes: string;
  scrapType: string;
  volumes: string;
  location: string;
  delivery: '' | 'own' | 'pickup';
  paymentTerms: string;
  frequency: string;
}

function valuesOf(deal: DealCard): Values {
  const q = deal.details?.questionnaire ?? ({} as DealCard['details']['questionnaire']);
  return {
    title: deal.title,
    expectedMonthlyVolumeT: deal.details?.expectedMonthlyVolumeT ?? null,
    metalGrades: deal.details?.metalGrades ?? [],
    priceTerms: deal.details?.priceTerms ?? '',
    address: deal.details?.address ?? '',
    notes: deal.details?.notes ?? '',
    scrapType: q?.scrapType ?? '',
    volumes: q?.volumes ?? '',
    location: q?.location ?? '',
    delivery: (q?.delivery as Values['delivery']) ?? '',
    paymentTerms: q?.paymentTerms ?? '',
    frequency: q?.frequency ?? '',
  };
}

/** Only what changed, as a merge-patch ("" clears a field). */
export function dealPatch(before: Values, after: Values): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  const plain = ['title', 'priceTerms', 'address', 'notes'] as const;
  for (const key of plain) {
    if ((after[key] ?? '').trim() !== (before[key] ?? '').trim()) patch[key] = (after[key] ?? '').trim();
  }
  if ((after.expectedMonthlyVolumeT ?? null) !== (before.expectedMonthlyVolumeT ?? null)) patch.expectedMonthlyVolumeT = after.expectedMonthlyVolumeT ?? null;
  if (JSON.stringify(after.metalGrades ?? []) !== JSON.stringify(before.metalGrades ?? [])) patch.metalGrades = after.metalGrades ?? [];
  const questionnaire: Record<string, string> = {};
  for (const key of ['scrapType', 'volumes', 'location', 'delivery', 'paymentTerms', 'frequency'] as const) {
    if ((after[key] ?? '').trim() !== (before[key] ?? '').trim()) questionnaire[key] = (after[key] ?? '').trim();
  }
  if (Object.keys(questionnaire).length) patch.questionnaire = questionnaire;
  return patch;
}

/** The deal's fields and the анкета, saved together; a concurrent change by someone else is not overwritten. */
export function DealFields({ deal, disabled }: { deal: DealCard; disabled: boolean }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const initial = valuesOf(deal);
  const current = Form.useWatch([], form) as Values | undefined;
  const dirty = !!current && Object.keys(dealPatch(initial, { ...initial, ...current })).length > 0;
  // leaving with typed changes asks: save them, drop them or stay
  useUnsavedChangesGuard(dirty && !disabled, () => form.validateFields().then((values) => save.mutateAsync(values)).then(() => true, () => false));

  useEffect(() => {
    if (!form.isFieldsTouched()) form.setFieldsValue(valuesOf(deal));
  }, [deal, form]);

  const save = useMutation({
    mutationFn: (values: Values) => dealApi.update(deal.id, dealPatch(initial, values), deal.version),
    onSuccess: (card) => {
      queryClient.setQueryData(keys.deal(deal.id), card);
      form.resetFields();
      form.setFieldsValue(valuesOf(card));
      void queryClient.invalidateQueries({ queryKey: keys.dealHistory(deal.id) });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
      void queryClient.invalidateQueries({ queryKey: keys.deals });
      message.success(ru.card.saved);
    },
    onError: (e) => {
      if (e instanceof ApiError && (e.status === 409 || e.status === 412)) {
        message.warning(ru.card.conflict, 8);
        void queryClient.invalidateQueries({ queryKey: keys.deal(deal.id) });
        return;
      }
      const fields = fieldErrors(e, ['title', 'expectedMonthlyVolumeT', 'metalGrades', 'priceTerms', 'address', 'notes', 'scrapType', 'volumes', 'location', 'delivery', 'paymentTerms', 'frequency']);
      if (fields.length) form.setFields(fields as never);
      message.error(messageOf(e));
    },
  });

  const q = ru.card.q;
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      size="small"
      initialValues={initial}
      disabled={disabled}
      onFinish={(v) => save.mutate(v)}
      className="deal-fields"
      data-testid="deal-fields"
    >
      <Form.Item name="title" label={ru.card.title} rules={[{ required: true, whitespace: true, message: ru.create.dealTitleRequired }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={10}>
          <Form.Item name="expectedMonthlyVolumeT" label={ru.card.expectedVolume}>
            <InputNumber min={0} max={999999999} precision={3} {...RU_NUMBER_INPUT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="metalGrades" label={ru.card.grades}>
            <Select mode="tags" options={DEFAULT_GRADES.map((g) => ({ value: g, label: g }))} tokenSeparators={[',']} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="priceTerms" label={ru.card.priceTerms}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item name="address" label={ru.card.address}>
        <Input maxLength={500} />
      </Form.Item>
      <Divider orientation="left" plain className="section-divider">{ru.card.questionnaire}</Divider>
      <Form.Item name="scrapType" label={q.scrapType}><Input maxLength={500} /></Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={12}><Form.Item name="volumes" label={q.volumes}><Input maxLength={500} /></Form.Item></Col>
        <Col xs={24} sm={12}><Form.Item name="frequency" label={q.frequency}><Input maxLength={500} /></Form.Item></Col>
      </Row>
      <Form.Item name="location" label={q.location}><Input maxLength={500} /></Form.Item>
      <Form.Item name="delivery" label={q.delivery}>
        <Radio.Group optionType="button" options={[{ value: 'own', label: q.deliveryOwn }, { value: 'pickup', label: q.deliveryPickup }, { value: '', label: ru.app.notSet }]} />
      </Form.Item>
      <Form.Item name="paymentTerms" label={q.paymentTerms}><Input maxLength={500} /></Form.Item>
      <Form.Item name="notes" label={ru.card.notes}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      {dirty && !disabled && (
        <UnsavedBar saving={save.isPending} testId="save-deal" onRevert={() => { form.resetFields(); form.setFieldsValue(valuesOf(deal)); }} />
      )}
    </Form>
  );
}
