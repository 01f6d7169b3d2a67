import { useState } from 'react';
import { Alert, App, AutoComplete, Button, Col, DatePicker, Form, Input, InputNumber, Row, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { DealCard, Delivery } from '../../api/types';
import { countOf, dayjs, formatDate, formatKg, formatMoney, formatNumber, formatTime, pickedToInstant, RU_NUMBER_INPUT } from '../../lib/format';
import { deliveryAmount } from '../../lib/money';
import { DEFAULT_GRADES } from '../../lib/grades';
import { fieldErrors, UserName } from '../../components/common';
import { useIdempotencyKey } from '../../lib/idempotency';

interface Values {
  deliveredAt: dayjs.Dayjs;
  ticketNo: string;
  grade: string;
  weightKg: number;
  pricePerTonne: number;
}

/** Deliveries of the deal: the table and the form that records one (validated here and by the server). */
export function Deliveries({ deal }: { deal: DealCard }) {
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const weight = Form.useWatch('weightKg', form);
  const price = Form.useWatch('pricePerTonne', form);
  const amount = deliveryAmount(weight, price);
  const d = ru.card.delivery;
  // one key per opening of the form: a second click or a retry records the delivery once
  const idempotency = useIdempotencyKey(adding);

  const record = useMutation({
    mutationFn: (v: Values) => dealApi.addDelivery(deal.id, {
      deliveredAt: pickedToInstant(v.deliveredAt),
      ticketNo: v.ticketNo.trim(),
      grade: v.grade.trim(),
      weightKg: v.weightKg,
      pricePerTonne: v.pricePerTonne,
    }, { idempotencyKey: idempotency.get() }),
    onSuccess: () => {
      idempotency.renew();
      form.resetFields();
      setAdding(false);
      setError(null);
      message.success(d.recorded);
      void queryClient.invalidateQueries({ queryKey: keys.deal(deal.id) });
      void queryClient.invalidateQueries({ queryKey: keys.dealHistory(deal.id) });
      void queryClient.invalidateQueries({ queryKey: ['board'] });
      void queryClient.invalidateQueries({ queryKey: keys.deals });
    },
    onError: (e) => {
      idempotency.failed(e);
      const fields = fieldErrors(e, ['deliveredAt', 'ticketNo', 'grade', 'weightKg', 'pricePerTonne']);
      if (fields.length) form.setFields(fields as never);
      setError(messageOf(e));
    },
  });

  const total = deal.deliveredKg ?? deal.deliveries.reduce((sum, x) => sum + Number(x.weightKg), 0);
  return (
    <div className="deliveries" data-testid="deliveries">
      <div className="deliveries-head">
        <span className="muted">{deal.deliveries.length ? ru.card.deliveredTotal(formatKg(total), countOf(deal.deliveries.length, ru.plural.deliveries)) : ru.card.noDeliveries}</span>
        {!deal.closed && !adding && <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-delivery">{ru.card.addDelivery}</Button>}
      </div>
      {adding && (
        <Form<Values>
          form={form}
          layout="vertical"
          size="small"
          className="delivery-form"
          initialValues={{ deliveredAt: dayjs().second(0) }}
          onFinish={(v) => { setError(null); record.mutate(v); }}
          data-testid="delivery-form"
        >
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
          <Row gutter={8}>
            <Col xs={24} sm={14}>
              <Form.Item
                name="deliveredAt"
                label={d.deliveredAt}
                rules={[
                  { required: true, message: d.required },
                  { validator: (_, v: dayjs.Dayjs | null) => (v && v.isAfter(dayjs().add(5, 'minute')) ? Promise.reject(new Error(d.future)) : Promise.resolve()) },
                ]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="DD.MM.YYYY HH:mm" style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={10}>
              <Form.Item name="ticketNo" label={d.ticketNo} rules={[{ required: true, whitespace: true, message: d.required }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={24}>
              <Form.Item name="grade" label={d.grade} rules={[{ required: true, whitespace: true, message: d.required }]}>
                <AutoComplete
                  options={[...new Set([...(deal.details?.metalGrades ?? []), ...DEFAULT_GRADES])].map((g) => ({ value: g }))}
                  filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
                  maxLength={60}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={8}>
            <Col xs={12} sm={8}>
              <Form.Item name="weightKg" label={d.weightKg} rules={[{ required: true, message: d.required }, { type: 'number', min: 0.001, message: d.positive }]}>
                <InputNumber min={0} max={999999999} precision={3} {...RU_NUMBER_INPUT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="pricePerTonne" label={d.pricePerTonne} rules={[{ required: true, message: d.required }, { type: 'number', min: 0.01, message: d.positive }]}>
                <InputNumber min={0} max={9999999999} precision={2} {...RU_NUMBER_INPUT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item label=" ">
                <span className="amount-preview" data-testid="amount-preview">{amount !== null ? d.amountPreview(formatMoney(amount)) : ''}</span>
              </Form.Item>
            </Col>
          </Row>
          <div className="form-actions">
            <Button onClick={() => { form.resetFields(); setAdding(false); setError(null); }}>{ru.app.cancel}</Button>
            <Button type="primary" htmlType="submit" loading={record.isPending}>{ru.card.addDelivery}</Button>
          </div>
        </Form>
      )}
      {deal.deliveries.length > 0 && (
        <Table<Delivery>
          size="small"
          rowKey="ordinal"
          pagination={false}
          className="deliveries-table"
          dataSource={[...deal.deliveries].reverse()}
          // compact enough for the card's left column (416 px inside it at 1366 px): cells wrap instead of
          // growing to their longest line; only narrower than 400 px (a phone) the table scrolls inside itself
          scroll={{ x: 400 }}
          columns={[
            { key: 'ordinal', title: d.ordinal, dataIndex: 'ordinal', width: 28 },
            {
              key: 'deliveredAt',
              title: d.deliveredAtShort,
              render: (_, x) => (
                <>
                  <div className="nowrap">{formatDate(x.deliveredAt)}</div>
                  {/* a weighbridge ticket may be long ("ВС-2026-000123"): it wraps rather than widening the column */}
                  <div className="muted"><span className="nowrap">{formatTime(x.deliveredAt)}</span>
                    {x.ticketNo ? <> · <span className="ticket-no">{x.ticketNo}</span></> : null}</div>
                </>
              ),
            },
            {
              key: 'grade',
              title: d.gradeAndAcceptedBy,
              render: (_, x) => (
                <>
                  <div>{x.grade}</div>
                  <div className="muted"><UserName user={x.acceptedBy} /></div>
                </>
              ),
            },
            { key: 'weightKg', title: d.weightKg, align: 'right', className: 'nowrap', render: (_, x) => formatNumber(x.weightKg) },
            // the amount over its price: six columns side by side do not fit the card's left column at 1366 px
            {
              key: 'amount',
              title: d.amountAndPrice,
              align: 'right',
              className: 'nowrap',
              render: (_, x) => (
                <>
                  <div>{formatMoney(x.amount)}</div>
                  <div className="muted">{d.perTonne(formatNumber(x.pricePerTonne, 2))}</div>
                </>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
