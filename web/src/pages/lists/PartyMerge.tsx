import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Form, Input, Modal, Tag } from 'antd';
import { MergeOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { partyApi } from '../../api/endpoints';
import { keys, managesOthers } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { Party } from '../../api/types';
import { formatNumber } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { fieldErrors, Loading, UserName } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { PartyPicker } from '../../components/PartyPicker';
import { isMergedRefusal } from './PartyFeed';

interface Values {
  duplicateId: string;
  reason: string;
}

const cardPath = (p: Pick<Party, 'type' | 'id'>) => `/${p.type === 'company' ? 'companies' : 'contacts'}/${p.id}`;

/**
 * «Объединить с дублем…» (head or admin): find the other record of the same client, see both side
 * by side, say why, and merge — the duplicate closes, the survivor takes its phones, e-mails, INN,
 * links, tags and deliveries. By default this card survives; «Поменять местами» keeps the other one
 * (the page then moves to it).
 */
export function MergeButton({ party }: { party: Party }) {
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  if (!managesOthers(me) || party.archived) return null;
  return (
    <>
      <Button size="small" icon={<MergeOutlined />} onClick={() => setOpen(true)} title={ru.party.merge} data-testid="merge">
        <span className="btn-label">{ru.party.merge}</span>
      </Button>
      {open && <MergeDialog party={party} onClose={() => setOpen(false)} />}
    </>
  );
}

function MergeDialog({ party, onClose }: { party: Party; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [swapped, setSwapped] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const duplicateId = Form.useWatch('duplicateId', form) as string | undefined;
  const other = useQuery({
    queryKey: keys.party(party.type, duplicateId ?? ''),
    queryFn: () => partyApi.card(party.type, duplicateId!),
    enabled: !!duplicateId,
  });
  const picked = duplicateId && other.data?.id === duplicateId ? other.data : undefined;
  const [survivor, duplicate] = swapped && picked ? [picked, party] : [party, picked];

  const merge = useMutation({
    mutationFn: (v: Values) => {
      const [keep, close] = swapped ? [v.duplicateId, party.id] : [party.id, v.duplicateId];
      return partyApi.merge(party.type, keep, close, v.reason.trim());
    },
    onSuccess: (kept) => {
      queryClient.setQueryData(keys.party(kept.type, kept.id), kept);
      for (const id of [party.id, duplicateId]) {
        if (!id) continue;
        void queryClient.invalidateQueries({ queryKey: keys.party(party.type, id) });
        void queryClient.invalidateQueries({ queryKey: keys.partyHistory(party.type, id) });
      }
      // deals and tasks of the duplicate move to the survivor (deal-service and task-service follow the event)
      for (const key of [['parties'], ['deals'], ['tasks'], ['board']]) void queryClient.invalidateQueries({ queryKey: key });
      message.success(ru.party.merged);
      onClose();
      if (kept.id !== party.id) navigate(cardPath(kept));
    },
    onError: (e) => {
      const fields = fieldErrors(e, ['duplicateId', 'reason']);
      if (fields.length) form.setFields(fields as never);
      setError(messageOf(e));
      if (isMergedRefusal(e)) void queryClient.invalidateQueries({ queryKey: keys.party(party.type, party.id) });
    },
  });

  return (
    <Modal
      open
      width={780}
      title={ru.party.mergeTitle}
      okText={ru.party.mergeConfirm}
      cancelText={ru.app.cancel}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={merge.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={ru.party.mergeRefused} description={error} style={{ marginBottom: 12 }} data-testid="merge-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => { setError(null); merge.mutate(v); }} data-testid="merge-form">
        <Form.Item name="duplicateId" label={ru.party.mergeFind} rules={[{ required: true, message: ru.party.mergeFindRequired }]}>
          <PartyPicker type={party.type} exclude={[party.id]} autoFocus />
        </Form.Item>
        {duplicateId && !picked && (other.isError ? <Alert type="error" showIcon message={messageOf(other.error)} /> : <Loading />)}
        {picked && duplicate && (
          <>
            <div className="merge-head">
              <Button size="small" icon={<SwapOutlined />} onClick={() => setSwapped(!swapped)} data-testid="merge-swap">{ru.party.mergeSwap}</Button>
            </div>
            <Compare survivor={survivor} duplicate={duplicate} />
            {survivor.owner.id !== duplicate.owner.id && <Alert type="warning" showIcon message={ru.party.mergeOwners} className="merge-note" />}
            <p className="muted small merge-note">{ru.party.mergeWhat}</p>
          </>
        )}
        <Form.Item name="reason" label={ru.party.reason} rules={[{ required: true, whitespace: true, message: ru.party.mergeReasonRequired }]}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={ru.party.mergeReasonPlaceholder} data-testid="merge-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Both records side by side: what a person checks before saying "the same client". */
function Compare({ survivor, duplicate }: { survivor: Party; duplicate: Party }) {
  const rows: { key: string; label: string; value: (p: Party) => React.ReactNode }[] = [
    { key: 'name', label: survivor.type === 'company' ? ru.lists.name : ru.lists.contactName, value: (p) => p.name },
    { key: 'phones', label: ru.party.phones, value: (p) => p.card.phones.map((x) => <div key={x}>{formatPhone(x)}</div>) },
    { key: 'emails', label: ru.party.emails, value: (p) => p.card.emails.map((x) => <div key={x}>{x}</div>) },
    ...(survivor.type === 'company' ? [{ key: 'inn', label: ru.party.inn, value: (p: Party) => p.card.inn }] : []),
    { key: 'owner', label: ru.party.owner, value: (p) => <UserName user={p.owner} /> },
    { key: 'deliveries', label: ru.party.deliveries, value: (p) => formatNumber(p.deliveries) },
    { key: 'status', label: ru.party.status, value: (p) => <Tag color={p.status === 'permanent' ? 'green' : 'blue'}>{ru.lists.statuses[p.status]}</Tag> },
  ];
  const cell = (p: Party, value: React.ReactNode) => {
    const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
    return <td data-party={p.id}>{empty ? <span className="muted">{ru.app.none}</span> : value}</td>;
  };
  return (
    <div className="merge-compare-wrap">
      <table className="merge-compare" data-testid="merge-compare">
        <thead>
          <tr>
            <th />
            <th data-testid="merge-survivor">{ru.party.mergeSurvivor}</th>
            <th data-testid="merge-duplicate">{ru.party.mergeDuplicate}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-row={row.key}>
              <th scope="row">{row.label}</th>
              {cell(survivor, row.value(survivor))}
              {cell(duplicate, row.value(duplicate))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
