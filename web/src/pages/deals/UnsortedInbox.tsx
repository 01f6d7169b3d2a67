import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Form, Input, Modal, Space, Table, Tag, Tooltip } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { dealApi } from '../../api/endpoints';
import { keys } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { UnsortedLead } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { ErrorState } from '../../components/common';
import { useIdempotencyKey } from '../../lib/idempotency';

/** Неразобранное: incoming leads, accepted into a deal on ЛОМ / Лид or declined with a reason. */
export function UnsortedInbox() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const inbox = useQuery({ queryKey: [...keys.unsorted, 'pending'], queryFn: () => dealApi.unsorted('pending') });
  const [declining, setDeclining] = useState<UnsortedLead | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: keys.unsorted });
    void queryClient.invalidateQueries({ queryKey: ['board'] });
    void queryClient.invalidateQueries({ queryKey: keys.deals });
  };
  // one key per lead until it is accepted: a second click or a retry after a lost answer makes one deal
  const idempotency = useIdempotencyKey();
  const accept = useMutation({
    mutationFn: (lead: UnsortedLead) => dealApi.acceptLead(lead.id, { idempotencyKey: idempotency.get(lead.id) }),
    onSuccess: (deal, lead) => {
      idempotency.renew(lead.id);
      refresh();
      message.success({ content: <span>{ru.deals.unsorted.accepted}: <Link to={`/deals/${deal.id}`}>{deal.title}</Link></span> });
    },
    onError: (e, lead) => {
      idempotency.failed(e, lead.id);
      message.error(messageOf(e));
    },
  });
  const decline = useMutation({
    mutationFn: ({ lead, reason }: { lead: UnsortedLead; reason: string }) => dealApi.declineLead(lead.id, reason),
    onSuccess: () => {
      refresh();
      setDeclining(null);
      message.success(ru.deals.unsorted.declined);
    },
    onError: (e) => message.error(messageOf(e)),
  });

  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />;
  const u = ru.deals.unsorted;
  return (
    <div className="unsorted" data-testid="unsorted">
      <Table<UnsortedLead>
        rowKey="id"
        size="small"
        loading={inbox.isFetching}
        dataSource={inbox.data?.items}
        pagination={false}
        scroll={{ y: 'calc(100vh - 200px)' }}
        locale={{ emptyText: u.empty }}
        columns={[
          { key: 'receivedAt', title: u.receivedAt, width: 140, render: (_, l) => formatDateTime(l.receivedAt) },
          { key: 'source', title: u.source, width: 130, render: (_, l) => u.sources[l.source] ?? l.source },
          {
            key: 'name', title: u.name, width: 200,
            render: (_, l) => (
              <Space size={4}>
                {l.name || ru.app.none}
                {l.duplicateOf && <Tooltip title={u.duplicate}><Tag color="orange">{u.duplicate}</Tag></Tooltip>}
              </Space>
            ),
          },
          { key: 'phone', title: u.phone, width: 150, render: (_, l) => (l.phone ? <a href={`tel:${l.phone}`}>{l.phone}</a> : ru.app.none) },
          { key: 'email', title: u.email, width: 180, ellipsis: true, render: (_, l) => l.email ?? ru.app.none },
          { key: 'message', title: u.message, ellipsis: true, render: (_, l) => l.message ?? '' },
          {
            key: 'actions', width: 210, fixed: 'right',
            render: (_, l) => (
              <Space>
                <Button size="small" type="primary" loading={accept.isPending && accept.variables?.id === l.id} onClick={() => accept.mutate(l)}>{u.accept}</Button>
                <Button size="small" onClick={() => { form.resetFields(); setDeclining(l); }}>{u.decline}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!declining}
        title={u.declineTitle}
        okText={u.decline}
        okButtonProps={{ danger: true }}
        cancelText={ru.app.cancel}
        confirmLoading={decline.isPending}
        onCancel={() => setDeclining(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={({ reason }) => decline.mutate({ lead: declining!, reason: reason.trim() })}>
          <Form.Item name="reason" label={u.declineReason} rules={[{ required: true, whitespace: true, message: u.declineReasonRequired }]}>
            <Input.TextArea autoFocus rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
