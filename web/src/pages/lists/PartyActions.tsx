import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { EditOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ru } from '../../i18n/ru';
import { partyApi } from '../../api/endpoints';
import { keys, managesOthers } from '../../api/hooks';
import { messageOf } from '../../api/http';
import type { Party } from '../../api/types';
import { fieldErrors } from '../../components/common';
import { useCurrentUser } from '../../components/MeContext';
import { UserSelect } from '../../components/UserSelect';
import { isMergedRefusal } from './PartyFeed';

/** After a change of the record: its card (the server's answer when there is one), its feed, the lists. */
export function usePartyRefresh(party: Pick<Party, 'type' | 'id'>) {
  const queryClient = useQueryClient();
  return (updated?: Party) => {
    if (updated) queryClient.setQueryData(keys.party(updated.type, updated.id), updated);
    else void queryClient.invalidateQueries({ queryKey: keys.party(party.type, party.id) });
    void queryClient.invalidateQueries({ queryKey: keys.partyHistory(party.type, party.id) });
    void queryClient.invalidateQueries({ queryKey: ['parties'] });
  };
}

/** What went wrong, for the dialog: the server's words; a merged record's card reloads to say where it went. */
function useRefusal(party: Party) {
  const refresh = usePartyRefresh(party);
  const [error, setError] = useState<string | null>(null);
  return {
    error,
    clear: () => setError(null),
    show: (e: unknown) => {
      setError(messageOf(e));
      if (isMergedRefusal(e)) refresh();
    },
  };
}

interface OwnerValues {
  ownerId: string;
  reason: string;
}

/**
 * Rule 5: a client passes to another manager only by the owner's head or an admin, with a reason
 * (kept in the feed). Hidden from managers — the server would refuse them.
 */
export function OwnerChange({ party, disabled }: { party: Party; disabled?: boolean }) {
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<OwnerValues>();
  const refusal = useRefusal(party);
  const refresh = usePartyRefresh(party);
  const { message } = App.useApp();
  const change = useMutation({
    mutationFn: (v: OwnerValues) => partyApi.changeOwner(party.type, party.id, v.ownerId, v.reason.trim()),
    onSuccess: (updated) => {
      refresh(updated);
      setOpen(false);
      message.success(ru.party.ownerChanged);
    },
    onError: (e) => {
      const fields = fieldErrors(e, ['ownerId', 'reason']);
      if (fields.length) form.setFields(fields as never);
      refusal.show(e);
    },
  });
  if (!managesOthers(me) || disabled) return null;
  return (
    <>
      <Button
        size="small"
        type="link"
        icon={<EditOutlined />}
        onClick={() => { refusal.clear(); setOpen(true); }}
        aria-label={ru.party.changeOwner}
        title={ru.party.changeOwner}
        data-testid="change-owner"
      />
      <Modal
        open={open}
        title={ru.party.changeOwner}
        okText={ru.party.ownerChange}
        cancelText={ru.app.cancel}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={change.isPending}
        destroyOnHidden
      >
        {refusal.error && (
          <Alert type="error" showIcon message={ru.party.ownerRefused} description={refusal.error} style={{ marginBottom: 12 }} data-testid="owner-error" />
        )}
        <Form<OwnerValues> form={form} layout="vertical" preserve={false} onFinish={(v) => { refusal.clear(); change.mutate(v); }} data-testid="owner-form">
          <Form.Item
            name="ownerId"
            label={ru.party.newOwner}
            rules={[
              { required: true, message: ru.party.newOwnerRequired },
              { validator: (_, value) => (value && value === party.owner.id ? Promise.reject(new Error(ru.party.sameOwner)) : Promise.resolve()) },
            ]}
          >
            <UserSelect placeholder={ru.party.newOwner} />
          </Form.Item>
          <Form.Item name="reason" label={ru.party.reason} rules={[{ required: true, whitespace: true, message: ru.party.ownerReasonRequired }]}>
            <Input.TextArea rows={3} maxLength={1000} placeholder={ru.party.ownerReasonPlaceholder} data-testid="owner-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * Archive (no hard delete): asked first, with an optional reason; the card then says «В архиве»
 * and its fields, tags, links and owner can no longer be changed.
 */
export function ArchiveButton({ party }: { party: Party }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const refusal = useRefusal(party);
  const refresh = usePartyRefresh(party);
  const { message } = App.useApp();
  const archive = useMutation({
    mutationFn: (reason: string) => partyApi.archive(party.type, party.id, reason || undefined),
    onSuccess: (updated) => {
      refresh(updated);
      setOpen(false);
      message.success(ru.party.archivedDone);
    },
    onError: (e) => {
      const fields = fieldErrors(e, ['reason']);
      if (fields.length) form.setFields(fields as never);
      refusal.show(e);
    },
  });
  return (
    <>
      <Button size="small" icon={<InboxOutlined />} onClick={() => { refusal.clear(); setOpen(true); }} data-testid="archive" title={ru.party.archive}>
        <span className="btn-label">{ru.party.archive}</span>
      </Button>
      <Modal
        open={open}
        title={ru.party.archiveTitle(party.name)}
        okText={ru.party.archiveConfirm}
        okButtonProps={{ danger: true }}
        cancelText={ru.app.cancel}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={archive.isPending}
        destroyOnHidden
      >
        <p>{ru.party.archiveText}</p>
        {refusal.error && (
          <Alert type="error" showIcon message={ru.party.archiveRefused} description={refusal.error} style={{ marginBottom: 12 }} data-testid="archive-error" />
        )}
        <Form form={form} layout="vertical" preserve={false} onFinish={(v) => { refusal.clear(); archive.mutate((v.reason ?? '').trim()); }}>
          <Form.Item name="reason" label={ru.party.archiveReason}>
            <Input.TextArea rows={2} maxLength={1000} data-testid="archive-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
